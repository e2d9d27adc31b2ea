using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Adapters.OpenXml;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>
/// `ingest report` on a store holding one plan in three formats and two other plans of one
/// commune: one column per plan, cells as written, and a workbook that prints.
/// </summary>
public class ReportTests(ReportTests.StoreWithPlans store) : IClassFixture<ReportTests.StoreWithPlans>
{
    public sealed class StoreWithPlans
    {
        public string Dir { get; } = Directory.CreateTempSubdirectory("ingest-report-").FullName;
        public string Xlsx => Path.Combine(Dir, "targets.xlsx");
        public string Db => Path.Combine(Dir, "t.db");

        public StoreWithPlans()
        {
            string[] files = ["xop-kh-ubnd.docx", "xop-kh-ubnd.pdf", "xop-kh-ubnd.txt", "kon-chieng-nq-hdnd.txt", "kon-chieng-kh-dang-uy-scan.txt"];
            var extract = CliTests.Run(["extract", .. files.Select(f => Path.Combine(Repo.Samples, f)), "-o", Path.Combine(Dir, "out"), "--db", Db, "--progress", "lines"]);
            Assert.True(extract.Code == 0, extract.Err);
            var report = CliTests.Run("report", "-o", Xlsx, "--db", Db);
            Assert.True(report.Code == 0, report.Err);
        }
    }

    private Ingest.Core.Reports.Sheet Sheet(string name) => new XlsxWorkbook().Read(store.Xlsx).Single(s => s.Name == name);

    [Fact]
    public void OnePlanInThreeFormats_IsOneColumn_AndTwoPlansOfOneCommuneAreTwo()
    {
        var comparison = Sheet("Comparison");
        var plans = comparison.Header.Skip(4).Where(h => !h.EndsWith("(value)", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, plans.Count);
        Assert.Single(plans, p => p.Contains("Xốp"));
        Assert.Equal(2, plans.Count(p => p.Contains("Kon Chiêng")));
        var documents = Sheet("Documents");
        var xop = documents.Rows.Where(r => ((string)r[2]!).Contains("xop-kh-ubnd")).ToList();
        Assert.Equal(3, xop.Count);
        Assert.All(xop, r => Assert.Equal("docx, pdf, txt", r[documents.Header.ToList().IndexOf("Plan formats")]));
    }

    [Fact]
    public void QualifiedTargets_ShareTheirCell()
    {
        var comparison = Sheet("Comparison");
        var column = comparison.Header.ToList().FindIndex(h => h.Contains("Xốp"));
        var row = comparison.Rows.Single(r => Equals(r[0], "GD.CHUYEN_DOI_SO_MUC_2") && Equals(r[3], 2030.0));

        Assert.Matches(@"^> 95% \(.+\); > 90% \(.+\)$", (string)row[column]!);
        Assert.Equal(95.0, row[column + 1]);
    }

    [Fact]
    public void Workbook_PrintsA4Landscape_WithTheHeaderOnEveryPage_AndColumnsFitted()
    {
        using var doc = SpreadsheetDocument.Open(store.Xlsx, false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
        var wb = doc.WorkbookPart!;
        var sheets = wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["Targets", "Comparison", "Documents"], sheets.Select(s => s.Name!.Value!));
        var titles = wb.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").ToList();
        for (int i = 0; i < sheets.Count; i++)
        {
            var ws = ((WorksheetPart)wb.GetPartById(sheets[i].Id!)).Worksheet;
            var setup = ws.GetFirstChild<PageSetup>()!;
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            Assert.Equal(9u, setup.PaperSize!.Value);
            // the 24 columns of Targets go on pages side by side rather than on one at a quarter of the size
            Assert.Equal(0u, setup.FitToHeight!.Value);
            var shown = ws.GetFirstChild<Columns>()!.Elements<Column>().Where(c => c.Hidden?.Value != true).Select(c => (int)c.Width!.Value).ToList();
            Assert.Equal(Ingest.Adapters.OpenXml.XlsxWorkbook.PagesWide(shown), setup.FitToWidth!.Value);
            if (sheets[i].Name == "Targets") Assert.True(setup.FitToWidth.Value > 1);
            Assert.True(ws.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
            var quoted = $"'{sheets[i].Name}'";
            Assert.Equal(setup.FitToWidth.Value > 1 ? $"{quoted}!$A:$A,{quoted}!$1:$1" : $"{quoted}!$1:$1", Assert.Single(titles, t => t.LocalSheetId!.Value == i).Text);

            var header = ws.Descendants<Row>().First().Elements<Cell>().Count();
            var columns = ws.GetFirstChild<Columns>()!.Elements<Column>().ToList();
            Assert.Equal(header, columns.Count);
            Assert.All(columns, c => Assert.InRange(c.Width!.Value, 6, 50));
            Assert.Contains(columns, c => c.Width!.Value > 20); // from the content, not one default
        }
    }

    [Theory]
    [InlineData(new int[0], 1u)]
    [InlineData(new[] { 40, 50, 50 }, 1u)]          // fits one page at 100%
    [InlineData(new[] { 50, 50, 50, 50, 30 }, 1u)]  // one page, shrunk to about 70%
    [InlineData(new[] { 50, 50, 50, 50, 50, 50 }, 2u)]
    public void AWideSheet_PrintsOnPagesSideBySide_RatherThanShrunkPastReading(int[] widths, uint pages) =>
        Assert.Equal(pages, Ingest.Adapters.OpenXml.XlsxWorkbook.PagesWide(widths));

    [Fact]
    public void Workbook_ShowsBooleansAsYesNo_AndFoldsTheNumberBesideEachPlan()
    {
        var targets = Sheet("Targets");
        var needsReview = targets.Rows.Select(r => r[targets.Header.ToList().IndexOf("Needs review")]).Distinct().ToList();
        Assert.Subset(new HashSet<object?> { "Yes", "No" }, needsReview.ToHashSet());
        Assert.Contains("No", needsReview);
        using var doc = SpreadsheetDocument.Open(store.Xlsx, false);
        var wb = doc.WorkbookPart!;
        var comparisonPart = (WorksheetPart)wb.GetPartById(wb.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Comparison").Id!);
        var hidden = comparisonPart.Worksheet.GetFirstChild<Columns>()!.Elements<Column>().Where(c => c.Hidden?.Value == true).ToList();
        Assert.Equal(3, hidden.Count); // the numbers beside each plan's text
    }

    [Fact]
    public void CsvReport_HasTheSamePlans()
    {
        var csv = Path.Combine(store.Dir, "targets.csv");
        Assert.Equal(0, CliTests.Run("report", "-o", csv, "--db", store.Db).Code);

        var header = File.ReadLines(Path.Combine(store.Dir, "targets.comparison.csv")).First();
        Assert.Single(header.Split(','), h => h.Contains("Xốp") && !h.Contains("(value)"));
        Assert.Contains(",No,", File.ReadAllText(csv));
    }
}
