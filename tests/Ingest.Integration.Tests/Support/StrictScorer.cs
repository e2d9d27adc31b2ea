using System.Text.Json;

namespace Ingest.Integration.Tests.Support;

/// <summary>
/// The strict F1 of the project's scorer (shared eval/score.py), ported line for line: a
/// prediction matches a gold target when year (or annual), value, range maximum, unit class and
/// kind agree and its code is one of the gold codes; strict pairs are taken first.
/// </summary>
public static class StrictScorer
{
    public sealed record Gold(int? Year, double? Value, double? Max, string Unit, string Kind, string[] Codes, bool Unreadable, string Line);
    public sealed record Pred(int? Year, double? Value, double? Max, string Unit, string Kind, string? Code);

    public static List<Gold> LoadGold(string path) =>
        File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var e = JsonDocument.Parse(l).RootElement;
            return new Gold(
                e.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
                Num(e, "value"), Num(e, "max"), e.GetProperty("unit").GetString() ?? "",
                e.TryGetProperty("kind", out var k) ? k.GetString() ?? "target" : "target",
                e.TryGetProperty("codes", out var c) ? c.EnumerateArray().Select(x => x.GetString()!).ToArray() : ["UNLISTED"],
                e.TryGetProperty("unreadable", out var u) && u.GetBoolean(),
                e.GetProperty("line").GetString() ?? "");
        }).ToList();

    public static List<Pred> LoadPred(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("targets").EnumerateArray().Select(t =>
        {
            var dl = t.GetProperty("deadline");
            var cat = t.GetProperty("catalogue");
            return new Pred(dl.GetProperty("year").ValueKind == JsonValueKind.Number ? dl.GetProperty("year").GetInt32() : null,
                Num(t, "value"), Num(t, "valueMax"), t.GetProperty("unit").GetString() ?? "", t.GetProperty("kind").GetString() ?? "target",
                cat.ValueKind == JsonValueKind.Object ? cat.GetProperty("code").GetString() : null);
        }).ToList();

    public static (int Tp, int Pred, int Gold) Count(List<Gold> allGold, List<Pred> allPred)
    {
        var gold = allGold.Where(g => !g.Unreadable).ToList();
        var pred = allPred.Where(p => p.Value != null).ToList();
        var used = new HashSet<int>();
        var pairedGold = new HashSet<int>();
        int strict = 0;
        foreach (var strictPass in new[] { true, false })
            for (int gi = 0; gi < gold.Count; gi++)
            {
                if (pairedGold.Contains(gi)) continue;
                for (int pi = 0; pi < pred.Count; pi++)
                {
                    if (used.Contains(pi) || !KeyOk(gold[gi], pred[pi])) continue;
                    if (strictPass && !CodeOk(gold[gi], pred[pi])) continue;
                    used.Add(pi);
                    pairedGold.Add(gi);
                    if (strictPass) strict++;
                    break;
                }
            }
        return (strict, pred.Count, gold.Count);
    }

    public static double F1(int tp, int pred, int gold)
    {
        double p = pred > 0 ? tp / (double)pred : gold == 0 ? 1 : 0;
        double r = gold > 0 ? tp / (double)gold : 1;
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }

    private static bool KeyOk(Gold g, Pred p) =>
        g.Year == p.Year && Same(g.Value, p.Value) && Same(g.Max, p.Max) && UnitClass(g.Unit) == UnitClass(p.Unit) && g.Kind == p.Kind;

    private static bool CodeOk(Gold g, Pred p) => g.Codes is ["UNLISTED"] ? p.Code == null : p.Code != null && g.Codes.Contains(p.Code);

    private static bool Same(double? a, double? b) => a == null || b == null ? a == null && b == null : Math.Abs(a.Value - b.Value) <= 1e-6;

    private static string UnitClass(string u) => u.Trim().ToLowerInvariant() switch
    {
        "%" or "percent" or "phần trăm" => "%",
        "rank" or "thứ bậc" or "thu bac" or "hạng" => "rank",
        _ => "count",
    };

    private static double? Num(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
