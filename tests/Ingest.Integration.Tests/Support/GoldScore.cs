using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Validation;

namespace Ingest.Integration.Tests.Support;

/// <summary>Scores a result against a sample's gold file by the shared scorer's rules (Core's <see cref="GoldAnswers"/>).</summary>
public static class GoldScore
{
    public static (int Tp, int Pred, int Gold) Count(ExtractionResult result, string goldName, string? goldDir = null)
    {
        var doc = ContractReader.From(result, result.Document.Source.Path);
        var c = GoldAnswers.Compare(GoldAnswers.Load(Path.Combine(goldDir ?? Repo.Gold, goldName + ".gold.jsonl")), doc.Targets);
        return (c.Strict, c.Predicted, c.Gold);
    }

    public static double F1(ExtractionResult result, string goldName)
    {
        var (tp, np, ng) = Count(result, goldName);
        return GoldComparison.F1(tp, np, ng);
    }
}
