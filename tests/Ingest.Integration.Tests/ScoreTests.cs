using Ingest.Core.Validation;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>Strict F1 against the gold answers, each format scored on its own (bar: 0.95).</summary>
public class ScoreTests
{
    private const double Bar = 0.95;

    [Theory]
    [InlineData("txt")]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void CleanPlans_MeetTheBar(string format)
    {
        var pipeline = Repo.Pipeline();
        int tp = 0, np = 0, ng = 0;
        var rows = new List<string>();
        foreach (var name in Repo.CleanPlans)
        {
            var path = Path.Combine(Repo.Samples, $"{name}.{format}");
            var (t, p, g) = Score(pipeline, path, name);
            rows.Add($"{name}: {GoldComparison.F1(t, p, g):0.000} ({t}/{p} pred, {g} gold)");
            tp += t; np += p; ng += g;
        }
        var f1 = GoldComparison.F1(tp, np, ng);
        Assert.True(f1 >= Bar, $"{format}: strict F1 {f1:0.000} < {Bar}\n" + string.Join("\n", rows));
    }

    [Fact]
    public void OldOcrPlan_IsRepairedWellEnoughToMeetItsBar()
    {
        // diacritics stripped and letters confused by an old OCR tool; repair restores it (bar: 0.90)
        const string name = "kon-chieng-kh-dang-uy-scan";
        var path = Path.Combine(Repo.Samples, name + ".txt");
        var (t, p, g) = Score(Repo.Pipeline(), path, name);
        var f1 = GoldComparison.F1(t, p, g);
        Assert.True(f1 >= 0.90, $"strict F1 {f1:0.000} ({t}/{p} pred, {g} gold)");
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void XopAppendixTables_EveryTargetFound(string format)
    {
        var path = Path.Combine(Repo.Samples, $"xop-kh-ubnd.{format}");
        // the appendix targets are the 2030 ones (Phụ lục 01) and those of the task table (Phụ lục 02)
        var (tp, _, g) = Score(Repo.Pipeline(), path, "xop-kh-ubnd");
        Assert.Equal(g, tp);
    }

    private static (int Tp, int Pred, int Gold) Score(Ingest.Core.Pipeline.IngestPipeline pipeline, string path, string name) =>
        GoldScore.Count(pipeline.Run(path), name);
}
