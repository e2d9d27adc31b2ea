using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Reports;

namespace Ingest.Core.Review;

/// <summary>
/// The reviewers' workbook: one row per target to check, with its source line and section,
/// what the pipeline read, and columns for the decision (accept / correct / reject) and the
/// corrected fields. <see cref="Import"/> reads it back, checks every row, and returns either
/// all the decisions or the list of what is wrong, never part of them.
/// </summary>
public sealed class ReviewSheet(IndicatorCatalogue catalogue)
{
    public const string SheetName = "Review";

    private readonly CorrectionRules _rules = new(catalogue);

    // the workbook's corrected columns and the fields they correct
    private static readonly (string Column, string Field)[] CorrectedColumns =
    [
        ("Corrected value", "value"), ("Corrected value max", "valueMax"), ("Corrected unit", "unit"),
        ("Corrected comparator", "comparator"), ("Corrected year", "year"), ("Corrected code", "code"),
    ];

    private static readonly string[] Header =
    [
        "Document", "SHA-256", "Key", "Page", "Line", "Section", "Source text", "Repaired text",
        "Indicator", "Catalogue code", "Catalogue label", "Year", "Comparator", "Value", "Value max", "Unit", "Kind",
        "Year from", "Kind from", "Confidence", "Needs review",
        "Decision", "Corrected value", "Corrected value max", "Corrected unit", "Corrected comparator", "Corrected year",
        "Corrected code", "Reviewer", "Note",
    ];

    // the columns an import reads a decision from: the target's identity, the decision, the corrections
    private static readonly string[] DecisionColumns =
        Header.Where(h => h is "SHA-256" or "Key" or "Decision" || h.StartsWith("Corrected", StringComparison.Ordinal)).ToArray();

    /// <summary>The targets that need review, or every target of the documents <paramref name="only"/> takes.</summary>
    public Sheet Export(IReadOnlyList<ReportedDocument> documents, Func<ReportedDocument, bool>? only = null)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var d in documents)
        {
            if (d.Result is not { } r) continue;
            bool whole = only?.Invoke(d) == true;
            if (only != null && !whole) continue;
            foreach (var t in r.Targets.Where(t => whole || t.NeedsReview))
            {
                var section = r.Sections.FirstOrDefault(s => s.Number == t.Section);
                rows.Add([
                    d.Source.Path, r.Sha256, t.Key, t.Page, t.Line, section != null ? $"{section.Number} {section.Title}".Trim() : t.Section,
                    t.SourceText, t.Repaired, t.Indicator, t.Code, t.Code == null ? null : catalogue.Find(t.Code)?.Label,
                    t.Annual ? "annual" : t.Year, t.Comparator, t.Value, t.ValueMax, t.Unit, t.Kind, t.YearCue, t.KindCue, t.Confidence, t.NeedsReview,
                    null, null, null, null, null, null, null, null, null,
                ]);
            }
        }
        return new Sheet(SheetName, Header, rows);
    }

    /// <summary>
    /// Reads decisions from a filled-in review sheet. <paramref name="knows"/> says whether a
    /// (sha256, key) target exists in the store. Rows without a decision are left alone.
    /// </summary>
    public (IReadOnlyList<ReviewDecision> Decisions, IReadOnlyList<string> Errors) Import(
        Sheet sheet, Func<string, string, bool> knows, string defaultReviewer, DateTimeOffset now)
    {
        var errors = new List<string>();
        var col = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < sheet.Header.Count; i++) col.TryAdd(sheet.Header[i].Trim(), i);
        // every decision column is found by its header; one missing rejects the workbook, or a number
        // typed beside a deleted column would land in its neighbour
        foreach (var required in DecisionColumns)
            if (!col.ContainsKey(required)) errors.Add($"row 1: no '{required}' column (is this a sheet made by 'ingest review export'?)");
        if (errors.Count > 0) return ([], errors);

        var decisions = new List<ReviewDecision>();
        var seen = new Dictionary<(string, string), int>();
        for (int i = 0; i < sheet.Rows.Count; i++)
        {
            int rowNumber = i + 2;
            var row = sheet.Rows[i];
            string? Cell(string name) => col.TryGetValue(name, out var c) && c < row.Count && row[c] is { } v
                ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null
                : null;
            object? Raw(string name) => col.TryGetValue(name, out var c) && c < row.Count ? row[c] : null;

            var verdictText = Cell("Decision");
            if (verdictText == null)
            {
                var filled = DecisionColumns.Where(c => c.StartsWith("Corrected", StringComparison.Ordinal) && Cell(c) != null).ToList();
                if (filled.Count > 0) errors.Add($"row {rowNumber}: {string.Join(", ", filled)} filled but no Decision (accept, correct or reject)");
                continue;
            }
            string sha = Cell("SHA-256") ?? "", key = Cell("Key") ?? "";
            var rowErrors = new List<string>();
            if (!Enum.TryParse<ReviewVerdict>(verdictText, ignoreCase: true, out var verdict) || int.TryParse(verdictText, out _))
                rowErrors.Add($"decision '{verdictText}' is not accept, correct or reject");
            if (sha.Length == 0 || key.Length == 0) rowErrors.Add("SHA-256 and Key must both be filled");
            else if (!knows(sha, key)) rowErrors.Add($"no target {key} in document {Short(sha)} in the store (exported from another store, or the document was re-extracted differently?)");
            else if (seen.TryGetValue((sha, key), out var first)) rowErrors.Add($"decides again on the target of row {first}");
            else seen[(sha, key)] = rowNumber;

            var corrections = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (column, field) in CorrectedColumns)
            {
                var typed = Text(Raw(column));
                if (_rules.Read(field, typed, corrections) is { } why)
                    rowErrors.Add(typed == "-" ? why : $"corrected {field} '{typed}': {why}");
            }
            if (verdict == ReviewVerdict.Correct && corrections.Count == 0 && rowErrors.Count == 0)
                rowErrors.Add("decision is 'correct' but no corrected field is filled");
            if (verdict != ReviewVerdict.Correct && corrections.Count > 0)
                rowErrors.Add($"corrected fields are filled but the decision is '{verdictText}' (use 'correct')");
            if (CorrectionRules.RangeError(corrections, CorrectionRules.Number(Cell("Value")), CorrectionRules.Number(Cell("Value max"))) is { } range)
                rowErrors.Add(range);

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => $"row {rowNumber}: {e}"));
                continue;
            }
            decisions.Add(new ReviewDecision(sha, key, verdict, corrections, Cell("Reviewer") ?? defaultReviewer, now, Cell("Note")));
        }
        return errors.Count > 0 ? ([], errors) : (decisions, errors);
    }

    // a number cell reads back as a double: written out in full, not in the culture's format
    private static string? Text(object? raw) =>
        raw is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(raw, CultureInfo.InvariantCulture)?.Trim();

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
