using Ingest.Core.Catalogue;
using Ingest.Core.Stages.Matching;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages.Matching;

/// <summary>
/// The matcher alone on every gold indicator text of the samples and the dev set (as
/// `ingest match-check samples/gold dev/gold` reports it) must not fall below the share reached.
/// </summary>
public class MatchCheckTests
{
    // 499 of 501 gold texts on catalogue-match: a lost line is a regression to look at, not noise
    private const double Floor = 0.996;

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Ingest.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root (Ingest.sln) not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void GoldTexts_OfSamplesAndDev_KeepTheirShare()
    {
        var root = RepoRoot();
        var check = MatchCheck.Run(new CatalogueMatcher(IndicatorCatalogue.Default, Some.Lexicon), new MatchOptions().MinScore,
            MatchCheck.GoldIn([Path.Combine(root, "samples", "gold"), Path.Combine(root, "dev", "gold")]));
        Assert.True(check.Lines.Count > 400, $"only {check.Lines.Count} gold texts found under {root}");
        var wrong = check.Lines.Where(l => !l.Right)
            .Select(l => $"{l.Document}: {string.Join("|", l.Gold.Codes)} -> {l.Got?.Code ?? "none"} ({l.Top?.Score:0.000}): {l.Gold.Text}");
        Assert.True(check.Share >= Floor, $"share {check.Share:0.000} ({check.Right}/{check.Lines.Count}) < {Floor}\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Share_CountsARightCodeAndNoCodeForUnlisted()
    {
        var matcher = new CatalogueMatcher(IndicatorCatalogue.Default, Some.Lexicon);
        var gold = new[]
        {
            Gold("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "CQS.HO_SO_XU_LY_TRUC_TUYEN"),
            Gold("Số lượt khách du lịch đến tỉnh", "UNLISTED"),
            Gold("Tỷ lệ phủ sóng 5G trên địa bàn", "HT.4G_THON"),
        };
        var check = MatchCheck.Run(matcher, new MatchOptions().MinScore, [("doc", gold)]);
        Assert.Equal((1, 2, 1, 1), (check.CodedRight, check.Coded, check.UnlistedRight, check.Unlisted));
        Assert.Equal(2 / 3.0, check.Share, 6);
    }

    private static Ingest.Core.Validation.GoldTarget Gold(string text, string code) =>
        new(text, 2025, 100, null, "%", "=", "target", [code], false, "");
}
