using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Reports;
using Ingest.Core.Stages.Extract;

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

    private static readonly string[] Comparators = ["=", ">=", ">", "<=", "<", "~", "range"];


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
            Correction(Raw("Corrected value"), "value", corrections, rowErrors, ParseNumber, clearable: false);
            Correction(Raw("Corrected value max"), "valueMax", corrections, rowErrors, ParseNumber, clearable: true);
            Correction(Raw("Corrected unit"), "unit", corrections, rowErrors, v => (v, null), clearable: false);
            Correction(Raw("Corrected comparator"), "comparator", corrections, rowErrors, ParseComparator, clearable: false);
            Correction(Raw("Corrected year"), "year", corrections, rowErrors, ParseYear, clearable: true);
            Correction(Raw("Corrected code"), "code", corrections, rowErrors, ParseCode, clearable: true);
            if (verdict == ReviewVerdict.Correct && corrections.Count == 0 && rowErrors.Count == 0)
                rowErrors.Add("decision is 'correct' but no corrected field is filled");
            if (verdict != ReviewVerdict.Correct && corrections.Count > 0)
                rowErrors.Add($"corrected fields are filled but the decision is '{verdictText}' (use 'correct')");
            // the range as it will stand: corrected bounds, else the ones read
            var low = corrections.TryGetValue("value", out var cv) ? cv as double? : ParseNumber(Cell("Value") ?? "").Item1 as double?;
            var high = corrections.TryGetValue("valueMax", out var cm) ? cm as double? : ParseNumber(Cell("Value max") ?? "").Item1 as double?;
            if (low is { } lo && high is { } hi && lo > hi)
                rowErrors.Add($"value {lo.ToString(CultureInfo.InvariantCulture)} is above value max {hi.ToString(CultureInfo.InvariantCulture)}");

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => $"row {rowNumber}: {e}"));
                continue;
            }
            decisions.Add(new ReviewDecision(sha, key, verdict, corrections, Cell("Reviewer") ?? defaultReviewer, now, Cell("Note")));
        }
        return errors.Count > 0 ? ([], errors) : (decisions, errors);
    }

    private static void Correction(object? raw, string field, Dictionary<string, object?> into, List<string> errors,
        Func<string, (object? Value, string? Error)> parse, bool clearable)
    {
        if (raw is double d)
        {
            raw = d.ToString("R", CultureInfo.InvariantCulture);
        }
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(text)) return;
        if (text == "-")
        {
            if (clearable) into[field] = null;
            else errors.Add($"{field} cannot be cleared ('-')");
            return;
        }
        var (value, error) = parse(text);
        if (error != null) errors.Add($"corrected {field} '{text}': {error}");
        else into[field] = value;
    }

    // read as the plans write numbers (88,69; 24.530; 1.5), by the same rules as extraction
    private static (object?, string?) ParseNumber(string s) =>
        NumberParser.TryParse(s.Replace(" ", "").TrimEnd('%'), out var v) ? (v, null) : (null, "is not a number");

    private static (object?, string?) ParseComparator(string s)
    {
        var t = s.Replace("≥", ">=").Replace("≤", "<=");
        return Comparators.Contains(t) ? (t, null) : (null, $"is not one of {string.Join(" ", Comparators)}");
    }

    private static (object?, string?) ParseYear(string s) =>
        int.TryParse(s.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 && (s.Split('.') is [_] or [_, "0"])
            ? (y, null) : (null, "is not a year between 1990 and 2100 ('-' for none)");

    private (object?, string?) ParseCode(string s) =>
        s.Equals("UNLISTED", StringComparison.OrdinalIgnoreCase) ? (null, null)
        : catalogue.Find(s) != null ? (s, null) : (null, "is not a catalogue code (or UNLISTED)");

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}
