using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Tesseract's TSV (level, page, block, paragraph, line, word, left, top, width, height,
/// confidence, text) as a page of lines, its boxes scaled from pixels to page points.
/// </summary>
public static class TsvLayout
{
    /// <summary>The TSV level of a word row (page 1, block 2, paragraph 3, line 4, word 5).</summary>
    internal const int WordLevel = 5;

    /// <summary>A word row's fields, or null for any other row.</summary>
    internal static string[]? WordRow(string row)
    {
        var f = row.Split('\t');
        return f.Length >= 12 && int.TryParse(f[0], out var level) && level == WordLevel ? f : null;
    }

    /// <summary>
    /// The TSV with every row's box scaled by <paramref name="factor"/> and then moved by
    /// (<paramref name="dx"/>, <paramref name="dy"/>): boxes read from a scaled image, or from a
    /// piece cut out of the page, in the page's own pixels.
    /// </summary>
    internal static string MoveBoxes(string tsv, double factor, int dx, int dy) =>
        string.Join('\n', tsv.Split('\n').Select(row =>
        {
            var f = row.Split('\t');
            if (f.Length < 12) return row;
            for (int i = 6; i <= 9; i++)
                if (int.TryParse(f[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                    f[i] = ((int)Math.Round(v * factor) + (i == 6 ? dx : i == 7 ? dy : 0)).ToString(CultureInfo.InvariantCulture);
            return string.Join('\t', f);
        }));

    public static LayoutPage Parse(string tsv, int pageNumber, double pointsPerPixel, double widthPoints, double heightPoints)
    {
        var lines = new List<LayoutLine>();
        var current = new List<LayoutWord>();
        (int, int, int) key = (-1, -1, -1);
        foreach (var row in tsv.Split('\n'))
        {
            if (WordRow(row) is not { } f) continue;
            var text = f[11].Trim();
            if (text.Length == 0) continue;
            var k = (I(f[2]), I(f[3]), I(f[4]));
            if (k != key && current.Count > 0)
            {
                lines.Add(LayoutLine.Of(current));
                current = [];
            }
            key = k;
            double x = I(f[6]) * pointsPerPixel, y = I(f[7]) * pointsPerPixel;
            var box = new BBox(x, y, x + I(f[8]) * pointsPerPixel, y + I(f[9]) * pointsPerPixel);
            var conf = double.Parse(f[10], CultureInfo.InvariantCulture);
            current.Add(new LayoutWord(text, box, conf < 0 ? null : Math.Round(conf, 1)));
        }
        if (current.Count > 0) lines.Add(LayoutLine.Of(current));
        return new LayoutPage(pageNumber, widthPoints, heightPoints, lines);
    }


    private static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
