using Ingest.Core.Review;

namespace Ingest.Core.Tests.ReviewPage;

/// <summary>A decided target read again under another key is found by its figure and its line; written for these tests.</summary>
public class DecisionCarryOverTests
{
    private const string Line = "- Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình đạt 80%;";

    private static TargetTrace T(string key, int line = 12, double value = 80, string text = Line, int page = 2, string unit = "%", int? year = 2027) =>
        new(key, page, line, value, null, unit, text, year, "target");

    private static IReadOnlyDictionary<string, string> Carry(TargetTrace[] before, TargetTrace[] after) =>
        DecisionCarryOver.NewKeys(before, after, new HashSet<string> { "old" });

    [Theory]
    // the reading moved the line two down
    [InlineData(14, Line)]
    // the reading changed a word of the line ("xử lý" read "xứ lý")
    [InlineData(12, "- Tỷ lệ hồ sơ thủ tục hành chính được xứ lý trực tuyến toàn trình đạt 80%;")]
    public void TheSameFigureOnTheSameLine_TakesTheDecision(int newLine, string newText)
    {
        var map = Carry([T("old"), T("other", line: 20, value: 90)], [T("new", line: newLine, text: newText), T("other", line: 20, value: 90)]);
        Assert.Equal("new", Assert.Single(map).Value);
    }

    [Theory]
    [InlineData(85, "%", 2, Line)]                                   // another figure
    [InlineData(80, "hộ", 2, Line)]                                  // another unit
    [InlineData(80, "%", 3, Line)]                                   // another page
    [InlineData(80, "%", 2, "- Tỷ lệ người dân có chữ ký số cá nhân đạt 80%.")]   // another line
    public void AnotherFigureOrLine_TakesNothing(double value, string unit, int page, string text) =>
        Assert.Empty(Carry([T("old")], [T("new", value: value, unit: unit, page: page, text: text)]));

    [Fact]
    public void AKeptKey_NeedsNoCarrying() =>
        Assert.Empty(Carry([T("old")], [T("old", line: 14)]));

    [Fact]
    public void ATargetTheOldReadingHadToo_IsNotTheLostOne() =>
        Assert.Empty(Carry([T("old"), T("twin", line: 13)], [T("twin", line: 13)]));

    [Fact]
    public void TwoEquallyClose_TakeNothing() =>
        Assert.Empty(Carry([T("old")], [T("a", line: 10), T("b", line: 14)]));

    [Fact]
    public void TheNearerOfTwo_TakesIt() =>
        Assert.Equal("b", Carry([T("old")], [T("a", line: 9), T("b", line: 13)])["old"]);

    [Fact]
    public void ATargetWithADecisionOfItsOwn_TakesNoOther() =>
        Assert.Empty(DecisionCarryOver.NewKeys([T("old")], [T("mine", line: 13)], new HashSet<string> { "old", "mine" }));

    [Fact]
    public void TwoLostDecisions_AsNearToOneTarget_GoToNeither() =>
        Assert.Empty(DecisionCarryOver.NewKeys([T("a", line: 11), T("b", line: 13)], [T("new", line: 12)], new HashSet<string> { "a", "b" }));

    [Fact]
    public void TwoLostDecisions_ToOneTarget_TheNearerTakesIt() =>
        Assert.Equal("a", Assert.Single(DecisionCarryOver.NewKeys([T("a", line: 11), T("b", line: 15)], [T("new", line: 12)], new HashSet<string> { "a", "b" })).Key);

    [Fact]
    public void ALostLine_DoesNotTakeTheNextLineOfItsList()
    {
        // the new reading lost the communes' line and moved the villages' one: the villages' line is
        // nearer its own old line than the communes' line, which reads almost alike
        const string communes = "- Tỷ lệ xã có hạ tầng cáp quang đạt 100%;", villages = "- Tỷ lệ thôn có hạ tầng cáp quang đạt 100%;";
        var before = new[] { T("old", line: 12, text: communes, value: 100), T("v1", line: 13, text: villages, value: 100) };
        Assert.Empty(Carry(before, [T("v2", line: 12, text: villages, value: 100)]));
    }

    [Fact]
    public void AnUndecidedTarget_IsNotCarried() =>
        Assert.Empty(DecisionCarryOver.NewKeys([T("old")], [T("new")], new HashSet<string>()));
}
