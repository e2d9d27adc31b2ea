namespace Ingest.Adapters.Tesseract;

/// <summary>
/// How much of a page's text-sized ink the engine read no words from (issue 15, item 2). Mean
/// confidence cannot see lost text: a phone photo's shadowed half reads to nothing while the words
/// that were read keep 92–94. Ink is the page's dark components of a letter's to a word's size
/// (specks, table borders and pictures left out); a component is read when its centre lies in a
/// recognised word's box.
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

    public static double Fraction(Pix image, int dpi, string tsv)
    {
        using var binary = Pix.Own(TesseractNative.pixConvertTo1(image.Raw, InkThreshold));
        if (binary == null) return 0;
        var words = WordBoxes(tsv, (int)Math.Round(BoxSlackInches * dpi));
        double minH = MinHeightInches * dpi, maxH = MaxHeightInches * dpi, maxW = MaxWidthInches * dpi;
        long ink = 0, lost = 0;
        foreach (var (x, y, w, h) in binary.ComponentBoxes())
        {
            if (h < minH || h > maxH || w > maxW) continue;
            long area = (long)w * h;
            ink += area;
            int cx = x + w / 2, cy = y + h / 2;
            if (!words.Any(b => cx >= b.X0 && cx <= b.X1 && cy >= b.Y0 && cy <= b.Y1)) lost += area;
        }
        return ink == 0 ? 0 : lost / (double)ink;
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
