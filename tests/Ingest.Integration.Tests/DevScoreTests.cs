using Ingest.Core.Validation;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>
/// Strict F1 on the development corpus (dev/), each format on its own, must not fall below the level
/// measured when the floor was last raised (eval/dev.sh prints the same figures with the shared scorer).
/// A change that loses targets on documents the extraction was not built from fails here.
/// </summary>
public class DevScoreTests
{
    [Theory]
    [InlineData("docs", ".txt", false, 0.97)]
    [InlineData("engocr", ".txt", false, 0.92)]
    [InlineData("docs", ".docx", true, 0.99)]
    [InlineData("docs", ".pdf", true, 0.99)]
    public void DevCorpus_StaysAtItsMeasuredLevel(string folder, string extension, bool constructedOnly, double floor) =>
        Measure(folder, extension, constructedOnly, floor);

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("docs", ".scan.pdf", true, 0.98)]
    public void DevScans_StayAtTheirMeasuredLevel(string folder, string extension, bool constructedOnly, double floor) =>
        Measure(folder, extension, constructedOnly, floor);

    private static void Measure(string folder, string extension, bool constructedOnly, double floor)
    {
        var gold = Path.Combine(Repo.Dev, "gold");
        int tp = 0, np = 0, ng = 0;
        var rows = new List<string>();
        foreach (var goldFile in Directory.GetFiles(gold, "*.gold.jsonl").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(goldFile)[..^".gold.jsonl".Length];
            if (constructedOnly && !name.StartsWith("ct", StringComparison.Ordinal)) continue;
            var path = Path.Combine(Repo.Dev, folder, name + extension);
            if (!File.Exists(path)) continue;
            var (t, p, g) = GoldScore.Count(Extracted.Of(path), name, gold);
            rows.Add($"{name}: {GoldComparison.F1(t, p, g):0.000} ({t}/{p} pred, {g} gold)");
            tp += t; np += p; ng += g;
        }
        var f1 = GoldComparison.F1(tp, np, ng);
        Assert.True(f1 >= floor, $"dev {folder}/*{extension}: strict F1 {f1:0.000} < {floor}\n" + string.Join("\n", rows));
    }
}
