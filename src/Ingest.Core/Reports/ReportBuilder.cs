using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Store;

namespace Ingest.Core.Reports;

/// <summary>A document of the store as reports show it: where it came from and, when it was read, its reviewed result.</summary>
public sealed record ReportedDocument(SourceRecord Source, ContractDocument? Result);

/// <summary>
/// The analysts' report: every target, a comparison of plans by catalogue indicator and deadline
/// year, and the documents with their status and the plan each belongs to. Pure: it reads what
/// it is given.
/// </summary>
public sealed class ReportBuilder(IndicatorCatalogue catalogue)
{
    private const string Yearly = "yearly";

    public IReadOnlyList<Sheet> Build(IReadOnlyList<ReportedDocument> documents)
    {
        var plans = PlanGrouping.Group(documents).Select(Compare).ToList();
        return [Targets(plans), Comparison(plans), Documents(plans)];
    }

    private Sheet Targets(IReadOnlyList<ComparedPlan> plans)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var p in plans)
            foreach (var d in p.Plan.Read)
            {
                var r = d.Result!;
                foreach (var t in r.Targets)
                    rows.Add([
                        p.Plan.Label, r.Place, r.Issuer, Path.GetFileName(d.Source.Path), t.Section, t.Indicator, t.Code, Label(t.Code),
                        t.Year, t.Annual, t.Kind, t.Comparator, t.Value, t.ValueMax, t.Unit, t.Qualifier, t.Confidence,
                        t.NeedsReview, t.Review, t.SourceText, t.Page, t.Line, d.Source.Path, t.Key,
                    ]);
            }
        return new Sheet("Targets",
            ["Plan", "Commune", "Issuer", "Document", "Section", "Indicator (as written)", "Catalogue code", "Catalogue label",
             "Year", "Annual", "Kind", "Comparator", "Value", "Value max", "Unit", "Qualifier", "Confidence",
             "Needs review", "Review", "Source text", "Page", "Line", "Path", "Key"],
            rows);
    }

    /// <summary>
    /// One row per catalogue code and deadline year, two columns per plan: the targets as written
    /// ("≥ 90%", "80–90%", "> 95% (…); > 90% (…)"), and beside them, folded away, the first target's
    /// value (the lower bound of a range) as a number to sort by. Baselines are left out.
    /// </summary>
    private Sheet Comparison(IReadOnlyList<ComparedPlan> plans)
    {
        var read = plans.Where(p => p.Plan.Read.Any()).ToList(); // a plan that states none of the codes still shows it
        var keys = read.SelectMany(p => p.Shown.Keys).Distinct()
            .OrderBy(k => k.Code, StringComparer.Ordinal).ThenBy(k => k.Year, StringComparer.Ordinal);
        var rows = keys.Select(k => (IReadOnlyList<object?>)[
                k.Code, Label(k.Code), catalogue.Find(k.Code)?.Unit,
                int.TryParse(k.Year, out var y) ? y : k.Year,
                .. read.SelectMany(p => p.Shown.TryGetValue(k, out var c) ? new object?[] { c.Text, c.Value } : [null, null]),
            ]).ToList();
        string[] rowNames = ["Catalogue code", "Catalogue label", "Unit", "Year"];
        return new Sheet("Comparison", [.. rowNames, .. read.SelectMany(p => new[] { p.Plan.Label, $"{p.Plan.Label} (value)" })], rows)
        {
            Folded = read.Select((_, i) => rowNames.Length + 2 * i + 1).ToList(),
        };
    }

    private static Sheet Documents(IReadOnlyList<ComparedPlan> plans) => new("Documents",
        ["Plan", "Plan formats", "Path", "Format", "OCR", "Commune", "Issuer", "Title", "Number", "Date", "Pages", "Status", "Error",
         "Targets", "Needs review", "Comparison cells differing from the plan", "Repaired words", "SHA-256", "Processed"],
        plans.SelectMany(p => p.Plan.Documents.Select(d => (IReadOnlyList<object?>)[
            p.Plan.Label, p.Plan.Formats, d.Source.Path, d.Result?.Format, d.Result?.Ocr,
            d.Result?.Place, d.Result?.Issuer, d.Result?.Title, d.Result?.Number, d.Result?.Date,
            d.Result?.Pages, d.Source.Ok ? "ok" : "failed", d.Source.Error,
            d.Result?.Targets.Count, d.Result?.Targets.Count(t => t.NeedsReview),
            d.Result == null ? null : p.Differing.GetValueOrDefault(d.Source.Path),
            d.Result?.RepairedWords, d.Source.Sha256,
            d.Source.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ])).ToList());

    /// <summary>
    /// What the plan states for each code and year. Its files may read it differently (a scan's OCR,
    /// a txt export): the cell shows what most of the files that state something there read, ties
    /// going to the best-read file (<see cref="PlanGrouping.ReadingRank"/>).
    /// </summary>
    private ComparedPlan Compare(ReportedPlan plan)
    {
        var readings = plan.Read.Select(d => (d.Source.Path, Cells: Cells(d.Result!))).ToList();
        var shown = readings.SelectMany(r => r.Cells.Keys).Distinct()
            .ToDictionary(k => k, k => PlanGrouping.MostAgreed(readings.Select(r => r.Cells.GetValueOrDefault(k)), c => c.Text)!);
        var differing = readings.ToDictionary(r => r.Path,
            r => shown.Count(s => r.Cells.GetValueOrDefault(s.Key)?.Text != s.Value.Text), StringComparer.Ordinal);
        return new ComparedPlan(plan, shown, differing);
    }

    // one file's targets by code and year, each cell every distinct target there in the file's order
    private Dictionary<CellKey, Cell> Cells(ContractDocument r) =>
        r.Targets.Where(t => t.Code != null && t.Kind == "target" && t.Value != null)
            .GroupBy(t => new CellKey(t.Code!, t.Annual ? Yearly : t.Year?.ToString(CultureInfo.InvariantCulture) ?? ""))
            .ToDictionary(g => g.Key, g => new Cell(
                string.Join("; ", g.Select(t => TargetText.Of(t, catalogue.Find(t.Code!))).Distinct()), g.First().Value!.Value));

    private readonly record struct CellKey(string Code, string Year);

    private sealed record Cell(string Text, double Value);

    // a plan with the cells the comparison shows for it and, per file (by path), how many of them it reads otherwise
    private sealed record ComparedPlan(ReportedPlan Plan, IReadOnlyDictionary<CellKey, Cell> Shown, IReadOnlyDictionary<string, int> Differing);

    private string? Label(string? code) => code == null ? null : catalogue.Find(code)?.Label;
}
