using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Reports;
using Ingest.Core.Store;

namespace Ingest.Core.Tests.Reports;

/// <summary>The analysts' report built from results in memory: plans, cells as written, Yes/No.</summary>
public class ReportBuilderTests
{
    private const string Title = "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW";

    private sealed record Header(string? Issuer = "Ủy ban nhân dân xã Xốp", string? Place = "Xốp", string? Number = "12/KH-UBND",
        string? Date = "2025-09", string? Title = Title);

    private static ContractTarget Target(string code, int? year, string comparator, double value, double? valueMax = null,
        string unit = "%", string? qualifier = null, bool needsReview = false, string kind = "target") =>
        new($"k{code}{year}{value}{qualifier}", "chỉ tiêu", value, valueMax, unit, comparator, year, false, kind, qualifier, code, 1,
            0.9, needsReview, "1", 1, 1, "dòng", null, null);

    private static ReportedDocument Doc(string path, Header? header = null, bool ocr = false, params ContractTarget[] targets)
    {
        var h = header ?? new Header();
        var format = Path.GetExtension(path).TrimStart('.') switch { "tif" => "image", var e => e };
        var result = new ContractDocument(path, "sha" + path, format, 1, ocr, h.Title, h.Issuer, h.Place, h.Number, h.Date, 0, [], targets);
        return new ReportedDocument(new SourceRecord(path, "sha" + path, true, null, 1, DateTimeOffset.UnixEpoch), result);
    }

    private static IReadOnlyList<Sheet> Build(params ReportedDocument[] documents) =>
        new ReportBuilder(IndicatorCatalogue.Default).Build(documents);

    private static Sheet Comparison(params ReportedDocument[] documents) => Build(documents).Single(s => s.Name == "Comparison");

    // the plan columns: every other one after the four that name the row (the others hold the numbers)
    private static List<string> PlanColumns(Sheet comparison) => comparison.Header.Skip(4).Where((_, i) => i % 2 == 0).ToList();

    private static object? Cell(Sheet sheet, string column, int row = 0) => sheet.Rows[row][sheet.Header.ToList().IndexOf(column)];

    private static readonly ContractTarget Ninety = Target("CQS.SO_HOA_HO_SO_TTHC", 2030, ">=", 90);

    [Fact]
    public void OnePlanInEveryFormat_IsOneColumn_AndTheDocumentsSheetListsItsFormats()
    {
        var comparison = Comparison(
            Doc("plans/xop.docx", targets: Ninety),
            Doc("plans/xop.pdf", new Header(Number: null), targets: Ninety),
            // the scan's header was read worse: no place, half the issuer
            Doc("plans/xop.scan.pdf", new Header(Issuer: "Ủy ban nhân dân", Place: null), ocr: true, targets: Ninety),
            Doc("plans/xop.txt", new Header(Issuer: null, Date: null), targets: Ninety),
            Doc("plans/chu-se.docx", new Header("Hội đồng nhân dân xã Chư Sê", "Chư Sê"), targets: Ninety));

        Assert.Equal(new[] { "Hội đồng nhân dân xã Chư Sê", "Ủy ban nhân dân xã Xốp" }, PlanColumns(comparison));
        Assert.Equal("≥ 90%", Cell(comparison, "Ủy ban nhân dân xã Xốp"));

        var documents = Build(Doc("plans/xop.docx"), Doc("plans/xop.scan.pdf", ocr: true), Doc("plans/xop.txt")).Single(s => s.Name == "Documents");
        Assert.All(documents.Rows, r => Assert.Equal("Ủy ban nhân dân xã Xốp", r[0]));
        Assert.Equal("docx, txt, pdf (OCR)", Cell(documents, "Plan formats"));
    }

    [Fact]
    public void FilesNamedDifferently_AreOnePlan_WhenTheirHeadersAgree()
    {
        var comparison = Comparison(
            Doc("a/KH 12 Xop.docx", targets: Ninety),
            Doc("b/ke-hoach-xop.pdf", new Header(Number: "12 / KH-UBND", Date: "2025-09-05"), targets: Ninety));

        Assert.Equal(new[] { "Ủy ban nhân dân xã Xốp" }, PlanColumns(comparison));
    }

    [Theory]
    [InlineData("Đảng ủy xã Xốp", "Xốp", "12/KH-UBND", "2025-09")]           // another issuer in the place
    [InlineData("Ủy ban nhân dân xã Xốp", "Xốp", "15/KH-UBND", "2025-09")]   // another number
    [InlineData("Ủy ban nhân dân xã Xốp", "Xốp", "12/KH-UBND", "2024-03")]   // another date
    [InlineData("Ủy ban nhân dân xã Xốp", null, "12/KH-UBND", "2025-09")]    // no place read: not enough to tell
    public void FilesNamedDifferently_StayTwoPlans_WhenTheirHeadersDoNotShowOnePlan(string issuer, string? place, string number, string date)
    {
        var comparison = Comparison(
            Doc("a/KH 12 Xop.docx", targets: Ninety),
            Doc("b/ke-hoach.pdf", new Header(issuer, place, number, date), targets: Ninety));

        Assert.Equal(2, PlanColumns(comparison).Count);
    }

    [Fact]
    public void FilesWithoutHeaders_GroupByFolderAndName_AndSameLabelsAreToldApart()
    {
        var none = new Header(null, null, null, null, null);
        var comparison = Comparison(
            Doc("a/ke-hoach.docx", none, targets: Ninety),
            Doc("a/ke-hoach.scan.pdf", none, ocr: true, targets: Ninety),
            Doc("b/ke-hoach.docx", none, targets: Ninety),
            Doc("b/ke-hoach-2.docx", none, targets: Ninety));

        Assert.Equal(new[] { "ke-hoach [a/ke-hoach]", "ke-hoach [b/ke-hoach]", "ke-hoach-2" }, PlanColumns(comparison).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("a/plan.docx", "a/plan.scan.pdf", true)]
    [InlineData("a/plan.pdf", "a/plan.pdf.txt", true)]           // a text export of the pdf
    [InlineData("a/plan.docx", "b/plan.docx", false)]            // two communes' folders
    [InlineData("a/plan.docx", "a/plan-2.docx", false)]
    [InlineData("a/ke-hoach.Xop.docx", "a/ke-hoach.ChuSe.docx", false)] // a dotted name that is no format
    public void FilesWithoutHeaders_AreOnePlan_OnlyWhenNamedAlikeApartFromFormatSuffixes(string a, string b, bool onePlan)
    {
        var none = new Header(null, null, null, null, null);
        var comparison = Comparison(Doc(a, none, targets: Ninety), Doc(b, none, targets: Ninety));

        Assert.Equal(onePlan ? 1 : 2, PlanColumns(comparison).Count);
    }

    [Fact]
    public void TwoPlansOfOnePlace_AreLabelledWithTheirNumberAndDate()
    {
        var comparison = Comparison(
            Doc("kh.docx", targets: Ninety),
            Doc("nq.docx", new Header(Number: "7/NQ-UBND", Date: "2025-10-02", Title: "Nghị quyết"), targets: Ninety));

        Assert.Equal(new[] { "Ủy ban nhân dân xã Xốp (12/KH-UBND, 2025-09)", "Ủy ban nhân dân xã Xốp (7/NQ-UBND, 2025-10-02)" }, PlanColumns(comparison));
    }

    [Theory]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", ">=", 90, null, "%", null, "≥ 90%")]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", "=", 90, null, "%", null, "90%")]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", ">", 95, null, "%", "trường học", "> 95% (trường học)")]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", "range", 80, 90.0, "%", null, "80–90%")]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", "~", 80, null, "%", null, "≈ 80%")]
    [InlineData("CQS.SO_HOA_HO_SO_TTHC", "<", 12.5, null, "%", null, "< 12.5%")]
    [InlineData("KHCN.TIEM_LUC_XEP_HANG", "<=", 20, null, "rank", null, "≤ 20")]                // the row's unit says "thứ bậc"
    [InlineData("HDND.GIAM_SAT_CHUYEN_DE", ">=", 3, null, "cuộc", null, "≥ 3")]
    [InlineData("HDND.GIAM_SAT_CHUYEN_DE", "=", 1500, null, "người", null, "1,500 người")]   // not the catalogue's unit: said
    public void Cell_ShowsTheTargetAsWritten(string code, string comparator, double value, double? max, string unit, string? qualifier, string expected)
    {
        var comparison = Comparison(Doc("xop.docx", targets: Target(code, 2030, comparator, value, max, unit, qualifier)));

        Assert.Equal(expected, Cell(comparison, "Ủy ban nhân dân xã Xốp"));
        Assert.Equal(value, Cell(comparison, "Ủy ban nhân dân xã Xốp (value)"));
        Assert.Equal(new[] { 5 }, comparison.Folded);
    }

    [Fact]
    public void SeveralTargetsForOneCodeAndYear_AreAllShown_InTheirOrder()
    {
        var comparison = Comparison(Doc("xop.docx", targets:
        [
            Target("GD.CHUYEN_DOI_SO_MUC_2", 2030, ">", 95, qualifier: "trường học"),
            Target("GD.CHUYEN_DOI_SO_MUC_2", 2030, ">", 90, qualifier: "mầm non"),
            Target("GD.CHUYEN_DOI_SO_MUC_2", 2030, ">", 95, qualifier: "trường học"), // said twice in the plan
            Target("GD.CHUYEN_DOI_SO_MUC_2", 2025, "=", 10, kind: "baseline"),
        ]));

        var row = Assert.Single(comparison.Rows);
        Assert.Equal("> 95% (trường học); > 90% (mầm non)", Cell(comparison, "Ủy ban nhân dân xã Xốp"));
        Assert.Equal(95.0, Cell(comparison, "Ủy ban nhân dân xã Xốp (value)"));
        Assert.Equal(2030, row[3]);
    }

    [Theory]
    [InlineData(new[] { 90.0, 90.0, 80.0 }, 90.0)]  // docx, pdf agree against the scan
    [InlineData(new[] { 90.0, 80.0, 80.0 }, 80.0)]  // most files read 80
    [InlineData(new[] { 90.0, 80.0 }, 90.0)]        // a tie goes to the better read (docx before pdf)
    [InlineData(new[] { 0.0, 80.0, 70.0 }, 80.0)]   // the docx states nothing: a tie between pdf and the scan, the pdf wins
    public void FormatsThatDisagree_ShowWhatMostRead_TiesToTheBetterRead(double[] values, double shown)
    {
        string[] files = ["p.docx", "p.pdf", "p.scan.pdf"];
        var docs = values.Select((v, i) => Doc(files[i], ocr: i == 2,
            targets: v == 0 ? [] : [Target("CQS.SO_HOA_HO_SO_TTHC", 2030, ">=", v)])).Reverse().ToArray();

        var sheets = Build(docs);
        var comparison = sheets.Single(s => s.Name == "Comparison");
        Assert.Equal(shown, Cell(comparison, "Ủy ban nhân dân xã Xốp (value)"));
        var documents = sheets.Single(s => s.Name == "Documents");
        Assert.Equal(values.Count(v => v != shown), documents.Rows.Sum(r => (int)r[documents.Header.ToList().IndexOf("Comparison cells differing from the plan")]!));
    }

    [Fact]
    public void Booleans_AreYesOrNo_InEverySheetAsCsv()
    {
        var sheets = Build(Doc("xop.scan.pdf", ocr: true, targets: [Target("CQS.SO_HOA_HO_SO_TTHC", 2030, ">=", 90, needsReview: true), Ninety]));

        var targets = CsvWriter.ToCsv(sheets.Single(s => s.Name == "Targets"));
        var documents = CsvWriter.ToCsv(sheets.Single(s => s.Name == "Documents"));
        Assert.Equal(true, Cell(sheets[0], "Needs review"));
        Assert.Contains(",Yes,", targets);  // needs review
        Assert.Contains(",No,", targets);   // annual, and the other target's needs review
        Assert.Contains(",Yes,", documents); // OCR
        Assert.DoesNotContain("TRUE", targets + documents);
        Assert.DoesNotContain("FALSE", targets + documents);
    }
}
