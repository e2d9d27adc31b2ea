using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Reports;
using Ingest.Core.Review;
using Ingest.Core.Store;

namespace Ingest.Core.Tests.ReviewPage;

/// <summary>The pure parts of the reviewer's page: the queue, a decision's checks, the crop, the value's place in a line.</summary>
public class ReviewPageTests
{
    private static ContractTarget T(string key, double confidence, bool needsReview = true, string? code = null, int? year = 2030,
        bool annual = false, string kind = "target", double? value = 50, double? max = null, int page = 1, int line = 1) =>
        new(key, "Tỷ lệ " + key, value, max, "%", "=", year, annual, kind, null, code, null, confidence, needsReview, "1", page, line, "text", null, null);

    private static ReportedDocument Doc(string path, string sha, params ContractTarget[] targets) =>
        new(new SourceRecord(path, sha, true, null, 1, DateTimeOffset.UnixEpoch),
            new ContractDocument(path, sha, "txt", 1, false, null, null, null, null, null, 0, [], targets));

    private static readonly IReadOnlyList<ReportedDocument> Store =
    [
        Doc("b.txt", "bbbbbbbbbbbb", T("b1", 0.4, code: "HT.5G_PHU_SONG"), T("b2", 0.9, needsReview: false), T("b3", 0.1, year: null, annual: true)),
        Doc("a.txt", "aaaaaaaaaaaa", T("a1", 0.4, kind: "baseline", year: 2025), T("a2", 0.2, code: "HT.5G_PHU_SONG")),
    ];

    private static string Keys(Queue q) => string.Join(" ", q.Items.Select(i => i.Target.Key));

    [Theory]
    // least sure first; equal confidence by document path; targets that need no review are left out
    [InlineData(null, null, null, null, false, "b3 a2 a1 b1")]
    [InlineData("b.txt", null, null, null, false, "b3 b1")]
    [InlineData("aaaaaaaaaaaa", null, null, null, false, "a2 a1")]
    [InlineData(null, "HT.5G_PHU_SONG", null, null, false, "a2 b1")]
    [InlineData(null, "UNLISTED", null, null, false, "b3 a1")]
    [InlineData(null, null, "baseline", null, false, "a1")]
    [InlineData(null, null, null, "annual", false, "b3")]
    [InlineData(null, null, null, "2030", false, "a2 b1")]
    // every target of one document, decided or not
    [InlineData("b.txt", null, null, null, true, "b3 b1 b2")]
    // "all" without a document is the needing-review queue still
    [InlineData(null, null, null, null, true, "b3 a2 a1 b1")]
    public void Queue_FiltersAndSortsByConfidence(string? doc, string? code, string? kind, string? year, bool all, string expected)
    {
        var q = ReviewQueue.Build(Store, new QueueFilter(doc, code, kind, year, all));
        Assert.Equal(expected, Keys(q));
        Assert.Equal(q.Items.Count(i => i.Target.NeedsReview), q.Left);
    }

    [Fact]
    public void Queue_CountsWhatIsLeftPerDocument_AndListsTheCodesAndYearsToFilterBy()
    {
        var q = ReviewQueue.Build(Store, new QueueFilter());
        Assert.Equal([("b.txt", 2), ("a.txt", 2)], q.Documents.Select(d => (d.Path, d.Left)));
        Assert.Equal(["HT.5G_PHU_SONG", "UNLISTED"], q.Codes);
        Assert.Equal(["2025", "2030", "annual"], q.Years);
    }

    private static readonly DecisionForm Form = new(IndicatorCatalogue.Default);

    private static DecisionCheck Check(string verdict, ContractTarget? target, params (string Field, string Typed)[] fields) =>
        Form.Check(new DecisionInput("sha", "k", verdict, fields.ToDictionary(f => f.Field, f => (string?)f.Typed)), target,
            "lan", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("value", "bảy mươi", "is not a number")]
    [InlineData("value", "-", "value cannot be cleared ('-')")]
    [InlineData("comparator", "=>", "is not one of = >= > <= < ~ range")]
    [InlineData("year", "1890", "is not a year between 1990 and 2100")]
    [InlineData("kind", "goal", "is not one of target, baseline")]
    [InlineData("code", "NOPE", "is not a catalogue code (or UNLISTED)")]
    [InlineData("valueMax", "10", "value 50 is above value max 10")]
    public void Decision_BadInputIsRefusedBesideItsField_AndNothingIsMade(string field, string typed, string reason)
    {
        var c = Check("correct", T("k", 0.3), (field, typed));
        Assert.Null(c.Decision);
        Assert.Contains(reason, c.Errors[field]);
    }

    [Fact]
    public void Decision_ACorrectionReadsAsTheWorkbookWould_AndFieldsTypedAsTheyReadCorrectNothing()
    {
        var c = Check("correct", T("k", 0.3), ("value", "75,5"), ("comparator", "≥"), ("unit", "%"), ("year", "2030"), ("code", "UNLISTED"));
        var d = Assert.IsType<ReviewDecision>(c.Decision);
        Assert.Equal(ReviewVerdict.Correct, d.Verdict);
        // unit, year as read; code was already none
        Assert.Equal(new Dictionary<string, object?> { ["value"] = 75.5, ["comparator"] = ">=" }, d.Corrections);
        Assert.Equal(("sha", "k", "lan"), (d.Sha256, d.Key, d.Reviewer));

        Assert.Equal("nothing corrected: change a field, or accept", Check("correct", T("k", 0.3), ("value", "50")).Errors["form"]);
        Assert.Contains("is not accept, correct or reject", Check("maybe", T("k", 0.3)).Errors["verdict"]);
        Assert.Contains("no target k", Check("accept", null).Errors["form"]);
        // an accept or reject carries no corrections, whatever the form held
        Assert.Empty(Check("reject", T("k", 0.3), ("value", "60")).Decision!.Corrections);
    }

    [Fact]
    public void Decision_AnnualAndKindAreCorrectable()
    {
        var d = Check("correct", T("k", 0.3), ("year", "annual"), ("kind", "Baseline")).Decision!;
        Assert.Equal(new Dictionary<string, object?> { ["year"] = null, ["annual"] = true, ["kind"] = "baseline" }, d.Corrections);
    }

    [Fact]
    public void Crop_TakesTheLineWithLinesAroundIt_AndPlacesTheValueWithinIt()
    {
        // a 12 pt line at y 100..112, its value word at x 150..180, drawn at 144 dpi (2 px a point)
        var place = new TargetPlace(3, new BBox(72, 100, 500, 112), new BBox(150, 100, 180, 112));
        var crop = CropPlan.For(place, dpi: 144);
        Assert.Equal(3, crop.Page);
        // 36 pt either side; 30 pt (2.5 lines) above and below
        Assert.Equal(new PixelRect(72, 140, 1000, 144), crop.Area);
        Assert.Equal(new PixelRect(72, 60, 856, 24), crop.Line);
        Assert.Equal(new PixelRect(228, 60, 60, 24), crop.Value);
    }

    [Fact]
    public void Crop_NeverStartsBeforeThePageEdge_AndBoxesTheLineWhenTheWordIsNotKnown()
    {
        var crop = CropPlan.For(new TargetPlace(1, new BBox(10, 5, 200, 15), null), dpi: 72);
        Assert.Equal((0, 0), (crop.Area.X, crop.Area.Y));
        Assert.Equal(new PixelRect(10, 5, 190, 10), crop.Line);
        Assert.Null(crop.Value);
    }

    [Theory]
    [InlineData("- 100% người dân có chữ ký số", 100, 2, 4)]
    [InlineData("năm 2030 đạt 88,69 % số hộ", 88.69, 13, 7)]
    [InlineData("đạt 24.530 người, 2 xã", 2, 18, 1)]
    [InlineData("đạt 24.530 người", 24530, 4, 6)]
    [InlineData("không có số", 5, -1, 0)]
    public void ValueSpan_FindsTheNumberThatReadsAsTheValue(string line, double value, int start, int length)
    {
        var span = ValueSpan.Find(line, value);
        if (start < 0) Assert.Null(span);
        else Assert.Equal((start, length), span);
    }
}
