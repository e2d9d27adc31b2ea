using Ingest.Core.Output;
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
            var json = ContractJsonWriter.ToJson(pipeline.Run(path), path);
            var (t, p, g) = StrictScorer.Count(StrictScorer.LoadGold(Path.Combine(Repo.Gold, $"{name}.gold.jsonl")), StrictScorer.LoadPred(json));
            rows.Add($"{name}: {StrictScorer.F1(t, p, g):0.000} ({t}/{p} pred, {g} gold)");
            tp += t; np += p; ng += g;
        }
        var f1 = StrictScorer.F1(tp, np, ng);
        Assert.True(f1 >= Bar, $"{format}: strict F1 {f1:0.000} < {Bar}\n" + string.Join("\n", rows));
    }

    [Fact]
    public void OldOcrPlan_IsRepairedWellEnoughToMeetItsBar()
    {
        // diacritics stripped and letters confused by an old OCR tool; repair restores it (bar: 0.90)
        const string name = "kon-chieng-kh-dang-uy-scan";
        var path = Path.Combine(Repo.Samples, name + ".txt");
        var json = ContractJsonWriter.ToJson(Repo.Pipeline().Run(path), path);
        var (t, p, g) = StrictScorer.Count(StrictScorer.LoadGold(Path.Combine(Repo.Gold, name + ".gold.jsonl")), StrictScorer.LoadPred(json));
        var f1 = StrictScorer.F1(t, p, g);
        Assert.True(f1 >= 0.90, $"strict F1 {f1:0.000} ({t}/{p} pred, {g} gold)");
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("docx")]
    public void XopAppendixTables_EveryTargetFound(string format)
    {
        var path = Path.Combine(Repo.Samples, $"xop-kh-ubnd.{format}");
        var json = ContractJsonWriter.ToJson(Repo.Pipeline().Run(path), path);
        // the appendix targets are the 2030 ones (Phụ lục 01) and those of the task table (Phụ lục 02)
        var gold = StrictScorer.LoadGold(Path.Combine(Repo.Gold, "xop-kh-ubnd.gold.jsonl"));
        var (tp, _, g) = StrictScorer.Count(gold, StrictScorer.LoadPred(json));
        Assert.Equal(g, tp);
    }
}
