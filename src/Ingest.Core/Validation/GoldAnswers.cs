using System.Text.Json;
using Ingest.Core.Contract;

namespace Ingest.Core.Validation;

/// <summary>One line of a gold file (see samples/gold/README.md): a target a perfect extractor finds.</summary>
public sealed record GoldTarget(
    string Text, int? Year, double? Value, double? Max, string Unit, string Comparator, string Kind,
    IReadOnlyList<string> Codes, bool Unreadable, string Line);

/// <summary>A gold target and the prediction paired with it; <see cref="Strict"/> when the code is right too.</summary>
public sealed record GoldPair(GoldTarget Gold, ContractTarget Predicted, bool Strict);

/// <summary>
/// How a document's targets compare with its gold answers, by the rules of the shared scorer
/// (eval/score.py): a prediction matches a gold target when deadline year, value, range maximum,
/// unit class and kind agree; strict pairs (code among the gold codes, or no code for UNLISTED)
/// are taken first. Unreadable gold lines and predictions without a value are left out.
/// </summary>
public sealed record GoldComparison(IReadOnlyList<GoldPair> Pairs, IReadOnlyList<GoldTarget> Missing, IReadOnlyList<ContractTarget> Extra)
{
    public int Strict => Pairs.Count(p => p.Strict);

    public int Gold => Pairs.Count + Missing.Count;

    public int Predicted => Pairs.Count + Extra.Count;

    public static double F1(int tp, int predicted, int gold)
    {
        double p = predicted > 0 ? tp / (double)predicted : gold == 0 ? 1 : 0;
        double r = gold > 0 ? tp / (double)gold : 1;
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
}

public static class GoldAnswers
{
    public static IReadOnlyList<GoldTarget> Load(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((l, i) =>
        {
            try
            {
                var e = JsonDocument.Parse(l).RootElement;
                return new GoldTarget(
                    Str(e, "text") ?? "",
                    e.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
                    Num(e, "value"), Num(e, "max"), Str(e, "unit") ?? "", Str(e, "cmp") ?? "=", Str(e, "kind") ?? "target",
                    e.TryGetProperty("codes", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().Select(x => x.GetString()!).ToArray() : ["UNLISTED"],
                    e.TryGetProperty("unreadable", out var u) && u.ValueKind == JsonValueKind.True,
                    Str(e, "line") ?? "");
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}: line {i + 1}: not a gold target ({ex.Message})", ex);
            }
        }).ToList();

    public static GoldComparison Compare(IReadOnlyList<GoldTarget> allGold, IReadOnlyList<ContractTarget> allPredicted)
    {
        var gold = allGold.Where(g => !g.Unreadable).ToList();
        var pred = allPredicted.Where(p => p.Value != null).ToList();
        var used = new bool[pred.Count];
        var paired = new GoldPair?[gold.Count];
        foreach (var strictPass in new[] { true, false })
            for (int gi = 0; gi < gold.Count; gi++)
            {
                if (paired[gi] != null) continue;
                for (int pi = 0; pi < pred.Count; pi++)
                {
                    if (used[pi] || !KeyOk(gold[gi], pred[pi])) continue;
                    if (strictPass && !CodeOk(gold[gi], pred[pi])) continue;
                    used[pi] = true;
                    paired[gi] = new GoldPair(gold[gi], pred[pi], strictPass);
                    break;
                }
            }
        return new GoldComparison(
            paired.Where(p => p != null).Select(p => p!).ToList(),
            gold.Where((_, i) => paired[i] == null).ToList(),
            pred.Where((_, i) => !used[i]).ToList());
    }

    public static bool CodeOk(GoldTarget g, ContractTarget p) =>
        g.Codes is ["UNLISTED"] ? p.Code == null : p.Code != null && g.Codes.Contains(p.Code);

    private static bool KeyOk(GoldTarget g, ContractTarget p) =>
        g.Year == p.Year && Same(g.Value, p.Value) && Same(g.Max, p.ValueMax) && UnitClass(g.Unit) == UnitClass(p.Unit) && g.Kind == p.Kind;

    private static bool Same(double? a, double? b) => a == null || b == null ? a == null && b == null : Math.Abs(a.Value - b.Value) <= 1e-6;

    private static string UnitClass(string u) => u.Trim().ToLowerInvariant() switch
    {
        "%" or "percent" or "phần trăm" => "%",
        "rank" or "thứ bậc" or "thu bac" or "hạng" => "rank",
        _ => "count",
    };

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
