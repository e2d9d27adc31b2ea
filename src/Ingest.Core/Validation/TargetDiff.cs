using System.Globalization;
using System.Text.Json;
using Ingest.Core.Contract;

namespace Ingest.Core.Validation;

/// <summary>What differs between a document's targets and its expected answers, as lines a person reads.</summary>
public sealed record TargetDiff(IReadOnlyList<string> Missing, IReadOnlyList<string> Extra, IReadOnlyList<string> Changed)
{
    public bool Clean => Missing.Count == 0 && Extra.Count == 0 && Changed.Count == 0;

    public IEnumerable<string> Lines() =>
        Missing.Select(m => "- missing: " + m).Concat(Extra.Select(e => "+ extra:   " + e)).Concat(Changed.Select(c => "~ changed: " + c));
}

/// <summary>
/// Compares a document's targets with expected answers: an approved contract JSON (targets paired
/// by key, every field that says what the target is compared) or a gold JSONL (paired by the
/// scorer's rules; a wrong code or comparator is a change).
/// </summary>
public static class TargetValidator
{
    public static TargetDiff AgainstApproved(ContractDocument expected, ContractDocument actual)
    {
        var want = ByKey(expected.Targets);
        var got = ByKey(actual.Targets);
        var missing = want.Where(w => !got.ContainsKey(w.Key)).Select(w => Describe(w.Value)).ToList();
        var extra = got.Where(g => !want.ContainsKey(g.Key)).Select(g => Describe(g.Value)).ToList();
        var changed = new List<string>();
        foreach (var (key, w) in want)
        {
            if (!got.TryGetValue(key, out var g)) continue;
            var fields = Fields(w).Zip(Fields(g)).Where(p => p.First.Value != p.Second.Value)
                .Select(p => $"{p.First.Name} {p.First.Value} → {p.Second.Value}").ToList();
            if (fields.Count > 0) changed.Add($"{Describe(w)}: {string.Join(", ", fields)}");
        }
        return new TargetDiff(missing, extra, changed);
    }

    public static TargetDiff AgainstGold(IReadOnlyList<GoldTarget> gold, ContractDocument actual)
    {
        var c = GoldAnswers.Compare(gold, actual.Targets);
        var changed = new List<string>();
        foreach (var p in c.Pairs)
        {
            var diffs = new List<string>();
            if (!p.Strict) diffs.Add($"code {p.Predicted.Code ?? "none"}, expected {string.Join(" or ", p.Gold.Codes)}");
            if (p.Gold.Comparator != p.Predicted.Comparator) diffs.Add($"comparator {p.Predicted.Comparator}, expected {p.Gold.Comparator}");
            if (diffs.Count > 0) changed.Add($"{Describe(p.Predicted)}: {string.Join("; ", diffs)}");
        }
        return new TargetDiff(
            c.Missing.Select(g => string.Create(CultureInfo.InvariantCulture,
                $"{g.Year?.ToString(CultureInfo.InvariantCulture) ?? "yearly"} {g.Comparator} {Num(g.Value)}{(g.Max != null ? "–" + Num(g.Max) : "")} {g.Unit} [{string.Join("|", g.Codes)}] {g.Text} (line \"{Cut(g.Line)}\")")).ToList(),
            c.Extra.Select(Describe).ToList(),
            changed);
    }

    public static string Describe(ContractTarget t) => string.Create(CultureInfo.InvariantCulture,
        $"{(t.Annual ? "yearly" : t.Year?.ToString(CultureInfo.InvariantCulture) ?? "no year")} {t.Comparator} {Num(t.Value)}{(t.ValueMax != null ? "–" + Num(t.ValueMax) : "")} {t.Unit}{(t.Kind == "baseline" ? " (baseline)" : "")} [{t.Code ?? "UNLISTED"}] {t.Indicator}{(t.Qualifier != null ? $" ({t.Qualifier})" : "")} (page {t.Page}, line {t.Line})");

    private static Dictionary<string, ContractTarget> ByKey(IReadOnlyList<ContractTarget> targets)
    {
        var map = new Dictionary<string, ContractTarget>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            // approved files written before targets had keys are paired by what the key is made of
            var basis = t.Key.Length > 0 ? t.Key : $"{t.Page}|{t.Line}|{t.Indicator}|{t.Year}|{t.Annual}|{t.Kind}|{t.Qualifier}";
            int n = seen.GetValueOrDefault(basis);
            seen[basis] = n + 1;
            map[n == 0 ? basis : $"{basis}#{n}"] = t;
        }
        return map;
    }

    private static IEnumerable<(string Name, string Value)> Fields(ContractTarget t) =>
    [
        ("indicator", t.Indicator), ("value", Num(t.Value)), ("valueMax", Num(t.ValueMax)), ("unit", t.Unit),
        ("comparator", t.Comparator), ("year", t.Year?.ToString(CultureInfo.InvariantCulture) ?? "none"), ("annual", t.Annual ? "yes" : "no"),
        ("kind", t.Kind), ("qualifier", t.Qualifier ?? "none"), ("code", t.Code ?? "none"),
    ];

    private static string Num(double? v) => v?.ToString("0.####", CultureInfo.InvariantCulture) ?? "?";

    private static string Cut(string s) => s.Length <= 50 ? s : s[..50] + "…";
}

/// <summary>Finds a document's expected answers in a folder: approved JSON, contract JSON or gold JSONL.</summary>
public static class ExpectedAnswers
{
    /// <summary>
    /// Tries, in order: FILE.approved.json, STEM.json, STEM.gold.jsonl, and again with the last
    /// dotted part of the stem dropped, so that "plan.scan.pdf" finds "plan.gold.jsonl".
    /// </summary>
    public static string? Find(string expectedDir, string documentPath)
    {
        var name = Path.GetFileName(documentPath);
        var candidates = new List<string> { name + ".approved.json" };
        for (var stem = Path.GetFileNameWithoutExtension(name); stem.Length > 0; stem = Path.GetFileNameWithoutExtension(stem))
        {
            candidates.Add(stem + ".json");
            candidates.Add(stem + ".gold.jsonl");
            if (!stem.Contains('.')) break;
        }
        return candidates.Select(c => Path.Combine(expectedDir, c)).FirstOrDefault(File.Exists);
    }

    public static TargetDiff Compare(string expectedFile, ContractDocument actual) =>
        expectedFile.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            ? TargetValidator.AgainstGold(GoldAnswers.Load(expectedFile), actual)
            : TargetValidator.AgainstApproved(ReadApproved(expectedFile), actual);

    /// <summary>An approved (contract) JSON file; one that is not JSON, or not of the contract's shape, is an InvalidDataException naming it.</summary>
    private static ContractDocument ReadApproved(string file)
    {
        var text = File.ReadAllText(file);
        try { return ContractReader.Parse(text); }
        catch (JsonException e)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"{file}: not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})"), e);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{file}: not an approved target file ({e.Message.Split('\n')[0]})", e);
        }
    }
}
