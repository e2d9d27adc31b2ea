namespace Ingest.Adapters.Tesseract;

/// <summary>
/// How much of a page's text-sized ink the engine read no words from, and where (issue 15, item 2).
/// Mean confidence cannot see lost text: a phone photo's shadowed half reads to nothing while the
/// words that were read keep 92–94. Ink is the page's dark components of a letter's to a word's
/// size (specks, table borders and pictures left out); a component is read when its centre lies in
/// a recognised word's box.
/// </summary>
internal static class LostText
{
    private const int InkThreshold = 128;
    /// <summary>Heights of a letter or a word (inches): under it are specks and dots, over it pictures and blocks.</summary>
    private const double MinHeightInches = 0.04, MaxHeightInches = 0.4;
    /// <summary>Widths over this (inches) are rules and pictures, not words.</summary>
    private const double MaxWidthInches = 1.5;
    /// <summary>Slack around a word's box (inches): tone marks and a blurred edge stick out of it.</summary>
    private const double BoxSlackInches = 0.03;

    /// <summary>The page's text-sized components of ink, in its pixels: what a reading should give words for.</summary>
    public static IReadOnlyList<(int X, int Y, int W, int H)> Ink(Pix image, int dpi)
    {
        using var binary = Threshold.Darker(image, InkThreshold);
        double minH = MinHeightInches * dpi, maxH = MaxHeightInches * dpi, maxW = MaxWidthInches * dpi;
        return binary.ComponentBoxes().Where(c => c.H >= minH && c.H <= maxH && c.W <= maxW).ToList();
    }

    /// <summary>The share of the ink (by area) that lies under none of the reading's words.</summary>
    public static double Fraction(IReadOnlyList<(int X, int Y, int W, int H)> ink, int dpi, string tsv)
    {
        long total = ink.Sum(c => (long)c.W * c.H);
        long lost = Unread(ink, dpi, tsv).Sum(c => (long)c.W * c.H);
        return total == 0 ? 0 : lost / (double)total;
    }

    /// <summary>Ink a word's width apart (inches) or closer is one group: the letters of a figure, a sign and its number ("≥ 95").</summary>
    private const double GroupGapInches = 0.1;
    /// <summary>A group taller than this (inches) is a picture or a stamp, not a word the reading lost.</summary>
    private const double MaxGroupHeightInches = 0.4;

    /// <summary>
    /// The ink the reading gave no words for, gathered into word-sized groups (pixels): components
    /// on one line and no further apart than <see cref="GroupGapInches"/> are one group. What a
    /// page's layout analysis drops is mostly a table's short cells ("%", "06", "≥ 95") beside
    /// long ones, each such a group.
    /// </summary>
    public static IReadOnlyList<(int X, int Y, int W, int H)> UnreadGroups(IReadOnlyList<(int X, int Y, int W, int H)> ink, int dpi, string tsv)
    {
        var lost = Unread(ink, dpi, tsv).OrderBy(c => c.X).ToList();
        int gap = (int)Math.Round(GroupGapInches * dpi), maxH = (int)Math.Round(MaxGroupHeightInches * dpi);
        var groups = new List<(int X0, int Y0, int X1, int Y1)>();
        foreach (var c in lost)
        {
            int i = groups.FindIndex(g => c.X - g.X1 <= gap && c.X + c.W >= g.X0 - gap
                && Math.Min(g.Y1, c.Y + c.H) - Math.Max(g.Y0, c.Y) >= Math.Min(g.Y1 - g.Y0, c.H) / 2);
            if (i < 0) groups.Add((c.X, c.Y, c.X + c.W, c.Y + c.H));
            else groups[i] = (Math.Min(groups[i].X0, c.X), Math.Min(groups[i].Y0, c.Y), Math.Max(groups[i].X1, c.X + c.W), Math.Max(groups[i].Y1, c.Y + c.H));
        }
        return groups.Where(g => g.Y1 - g.Y0 <= maxH).Select(g => (g.X0, g.Y0, g.X1 - g.X0, g.Y1 - g.Y0)).ToList();
    }

    /// <summary>The components whose centre lies in none of the reading's words' boxes (with <see cref="BoxSlackInches"/>).</summary>
    internal static IEnumerable<(int X, int Y, int W, int H)> Unread(IReadOnlyList<(int X, int Y, int W, int H)> ink, int dpi, string tsv)
    {
        var words = WordBoxes(tsv, (int)Math.Round(BoxSlackInches * dpi));
        return ink.Where(c =>
        {
            int cx = c.X + c.W / 2, cy = c.Y + c.H / 2;
            return !words.Any(b => cx >= b.X0 && cx <= b.X1 && cy >= b.Y0 && cy <= b.Y1);
        });
    }

    private static List<(int X0, int Y0, int X1, int Y1)> WordBoxes(string tsv, int slack)
    {
        var boxes = new List<(int, int, int, int)>();
        foreach (var row in tsv.Split('\n'))
        {
            if (TsvLayout.WordRow(row) is not { } f || f[11].Trim().Length == 0) continue;
            if (int.TryParse(f[6], out var l) && int.TryParse(f[7], out var t) && int.TryParse(f[8], out var w) && int.TryParse(f[9], out var h))
                boxes.Add((l - slack, t - slack, l + w + slack, t + h + slack));
        }
        return boxes;
    }
}
