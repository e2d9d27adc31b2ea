using Ingest.Core.Model;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// Words read again where a page's reading left ink without words (a table's short cells that
/// layout analysis dropped as noise), put back among the page's lines: into the line they stand
/// on, in order along it, or as a line of their own after the last line above them. A word that
/// overlaps one the page read is that word again, and is left out.
/// </summary>
public static class RecoveredWords
{
    /// <summary>How much of a recovered word's box may overlap a read word's before it is the same word.</summary>
    private const double SameWordOverlap = 0.3;

    public static IReadOnlyList<LayoutLine> Insert(IReadOnlyList<LayoutLine> lines, IReadOnlyList<LayoutWord> words)
    {
        var result = lines.ToList();
        var read = lines.SelectMany(l => l.Words).Select(w => w.Box).ToList();
        foreach (var word in words.OrderBy(w => w.Box.CenterY).ThenBy(w => w.Box.X0))
        {
            if (read.Any(b => Overlap(b, word.Box) > SameWordOverlap * Area(word.Box))) continue;
            read.Add(word.Box);
            int on = result.FindIndex(l => OnLine(l, word.Box));
            if (on >= 0)
            {
                var merged = result[on].Words.Append(word).OrderBy(w => w.Box.X0).ToList();
                result[on] = new LayoutLine(merged, result[on].Box.Union(word.Box));
                continue;
            }
            int above = result.FindLastIndex(l => l.Box.CenterY <= word.Box.CenterY);
            result.Insert(above + 1, new LayoutLine([word], word.Box));
        }
        return result;
    }

    // the word's middle lies within the line's height, and the line runs near it: a word beside a
    // line's last word, not one a page's width away on another column's line at the same height
    private static bool OnLine(LayoutLine line, BBox word) =>
        word.CenterY > line.Box.Y0 && word.CenterY < line.Box.Y1
        && word.X0 - line.Box.X1 < 3 * line.Box.Height && line.Box.X0 - word.X1 < 3 * line.Box.Height;

    private static double Area(BBox b) => Math.Max(0, b.Width) * Math.Max(0, b.Height);

    private static double Overlap(BBox a, BBox b) =>
        Math.Max(0, Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0)) * Math.Max(0, Math.Min(a.Y1, b.Y1) - Math.Max(a.Y0, b.Y0));
}
