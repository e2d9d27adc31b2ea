using Ingest.Core.Text;

namespace Ingest.Core.Review;

/// <summary>
/// What identifies a target for a reviewer's decision once its key is gone: where it was read and
/// what was read there, as the pipeline read it (not as a reviewer corrected it).
/// </summary>
public sealed record TargetTrace(string Key, int Page, int Line, double? Value, double? ValueMax, string Unit, string SourceText, int? Year, string Kind);

/// <summary>
/// A document read again can give a decided target another key: the key holds the line and the
/// indicator's words, and a better reading moves lines or names the indicator otherwise. Such a
/// target is found again among the new reading's targets by the figure it read and the line it
/// read it on, so the decision follows it instead of being lost.
/// </summary>
public static class DecisionCarryOver
{
    /// <summary>
    /// How much of its words (those with letters) a target's new line must share with its old one,
    /// as shared words over the words of both lines.
    /// </summary>
    public const double MinLineOverlap = 0.5;

    /// <summary>
    /// For each decided key of <paramref name="before"/> that <paramref name="after"/> no longer
    /// has, the new key of the same target: same page, same figure and unit as read, on a line
    /// that shares most of its words, among the new reading's targets that are neither an old
    /// target nor decided on already, and whose nearest old target it is. The nearest such target is
    /// taken; none when two are as near.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NewKeys(IReadOnlyList<TargetTrace> before, IReadOnlyList<TargetTrace> after, IReadOnlySet<string> decided)
    {
        var afterKeys = after.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var beforeKeys = before.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var lost = before.Where(t => decided.Contains(t.Key) && !afterKeys.Contains(t.Key)).ToList();
        var fresh = after.Where(t => !beforeKeys.Contains(t.Key) && !decided.Contains(t.Key)).ToList();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in lost)
        {
            var scored = fresh.Where(n => SameFigure(o, n))
                .Select(n => (New: n, Score: Closeness(o, n)))
                .Where(p => !double.IsNaN(p.Score))
                .OrderByDescending(p => p.Score).ToList();
            if (scored.Count == 0 || scored.Count > 1 && scored[1].Score == scored[0].Score) continue;
            var (n, score) = scored[0];
            // and the old target must be the nearest the new one has, by a margin: a list's lines read
            // alike ("Tỷ lệ xã đạt 100%", "Tỷ lệ thôn đạt 100%"), a lost line is no other line's decision,
            // and two lost decisions as near to one target both stay where they are
            if (before.Any(b => b.Key != o.Key && SameFigure(b, n) && Closeness(b, n) is var c && !double.IsNaN(c) && c >= score)) continue;
            map[o.Key] = n.Key;
        }
        return map;
    }

    private static bool SameFigure(TargetTrace a, TargetTrace b) =>
        a.Page == b.Page && a.Value == b.Value && a.ValueMax == b.ValueMax && string.Equals(a.Unit, b.Unit, StringComparison.Ordinal);

    // the share of words the two lines have in common, a little more for the same deadline and kind
    // and a little less the further the line moved, so that the nearer of two alike wins; NaN when
    // the lines share too little to be one
    private static double Closeness(TargetTrace a, TargetTrace b)
    {
        double overlap = Overlap(LineWords(a.SourceText), LineWords(b.SourceText));
        if (overlap < MinLineOverlap) return double.NaN;
        return overlap + (a.Year == b.Year ? 0.01 : 0) + (a.Kind == b.Kind ? 0.01 : 0) - Math.Min(Math.Abs(a.Line - b.Line), 100) * 1e-4;
    }

    // the line's words with letters: its figures and marks are the same on any line of a list
    private static HashSet<string> LineWords(string line) =>
        VietText.Fold(line).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', ';', ':', '.', '(', ')', '-', '–', '•', '*'))
            .Where(w => w.Any(char.IsLetter)).ToHashSet(StringComparer.Ordinal);

    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }
}
