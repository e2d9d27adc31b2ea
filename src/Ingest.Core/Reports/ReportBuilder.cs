using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Store;

namespace Ingest.Core.Reports;

/// <summary>A document of the store as reports show it: where it came from and, when it was read, its reviewed result.</summary>
public sealed record ReportedDocument(SourceRecord Source, ContractDocument? Result);

/// <summary>
/// The analysts' report: every target, a comparison of documents by catalogue indicator and
/// deadline year, and the documents with their status. Pure: it reads what it is given.
/// </summary>
public sealed class ReportBuilder(IndicatorCatalogue catalogue)
{
    public IReadOnlyList<Sheet> Build(IReadOnlyList<ReportedDocument> documents) =>
        [Targets(documents), Comparison(documents), Documents(documents)];

    public Sheet Targets(IReadOnlyList<ReportedDocument> documents)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var d in documents)
        {
            if (d.Result is not { } r) continue;
            foreach (var t in r.Targets)
                rows.Add([
                    r.Place, r.Issuer, Path.GetFileName(d.Source.Path), t.Section, t.Indicator, t.Code, Label(t.Code),
                    t.Year, t.Annual, t.Kind, t.Comparator, t.Value, t.ValueMax, t.Unit, t.Qualifier, t.Confidence,
                    t.NeedsReview, t.Review, t.SourceText, t.Page, t.Line, d.Source.Path, t.Key,
                ]);
        }
        return new Sheet("Targets",
            ["Commune", "Issuer", "Document", "Section", "Indicator (as written)", "Catalogue code", "Catalogue label",
             "Year", "Annual", "Kind", "Comparator", "Value", "Value max", "Unit", "Qualifier", "Confidence",
             "Needs review", "Review", "Source text", "Page", "Line", "Path", "Key"],
            rows);
    }

    /// <summary>
    /// One row per catalogue code and deadline year, one column per document: the target's value
    /// (the first one when a document states several, as with qualifiers). Baselines are left out.
    /// </summary>
    public Sheet Comparison(IReadOnlyList<ReportedDocument> documents)
    {
        var docs = documents.Where(d => d.Result != null).ToList();
        var cells = new Dictionary<(string Code, string Year), object?[]>();
        for (int i = 0; i < docs.Count; i++)
            foreach (var t in docs[i].Result!.Targets.Where(t => t.Code != null && t.Kind == "target" && t.Value != null))
            {
                var key = (t.Code!, t.Annual ? "yearly" : t.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
                if (!cells.TryGetValue(key, out var row)) cells[key] = row = new object?[docs.Count];
                row[i] ??= t.Value;
            }
        var rows = cells
            .OrderBy(c => c.Key.Code, StringComparer.Ordinal).ThenBy(c => c.Key.Year, StringComparer.Ordinal)
            .Select(c => (IReadOnlyList<object?>)[c.Key.Code, Label(c.Key.Code), Unit(c.Key.Code), YearCell(c.Key.Year), .. c.Value])
            .ToList();
        return new Sheet("Comparison",
            ["Catalogue code", "Catalogue label", "Unit", "Year", .. docs.Select(ColumnName)],
            rows);
    }

    public static Sheet Documents(IReadOnlyList<ReportedDocument> documents) => new("Documents",
        ["Path", "Commune", "Issuer", "Title", "Number", "Date", "Format", "Pages", "OCR", "Status", "Error",
         "Targets", "Needs review", "Repaired words", "SHA-256", "Processed"],
        documents.Select(d => (IReadOnlyList<object?>)[
            d.Source.Path, d.Result?.Place, d.Result?.Issuer, d.Result?.Title, d.Result?.Number, d.Result?.Date, d.Result?.Format,
            d.Result?.Pages, d.Result?.Ocr, d.Source.Ok ? "ok" : "failed", d.Source.Error,
            d.Result?.Targets.Count, d.Result?.Targets.Count(t => t.NeedsReview), d.Result?.RepairedWords, d.Source.Sha256,
            d.Source.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ]).ToList());

    // two formats of one plan share a place, so the file name keeps the columns apart
    private static string ColumnName(ReportedDocument d) =>
        d.Result?.Place is { } place ? $"{place} ({Path.GetFileName(d.Source.Path)})" : Path.GetFileName(d.Source.Path);

    private string? Label(string? code) => code == null ? null : catalogue.Find(code)?.Label;

    private string? Unit(string code) => catalogue.Find(code)?.Unit;

    private static object? YearCell(string year) => int.TryParse(year, out var y) ? y : year;
}
