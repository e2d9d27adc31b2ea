namespace Ingest.Adapters.Tesseract;

/// <summary>A horizontal printed line in image pixels.</summary>
internal sealed record PixelRule(int Y, int X0, int X1);

/// <summary>
/// Finds the ruling lines of tables on a grey page image by morphology (an opening with a long thin
/// brick keeps only long strokes, which letters are not), and optionally paints them out so the
/// engine reads the cell text without the borders' noise.
/// </summary>
internal static class RuleFinder
{
    /// <summary>A stroke this long (in inches) is a rule, never a letter.</summary>
    private const double MinRuleInches = 0.5;
    private const int DarkThreshold = 128;
    private const int MaxRuleThicknessPx = 20;

    public static IReadOnlyList<PixelRule> Find(Pix gray, int dpi, bool erase)
    {
        int min = Math.Max(30, (int)(MinRuleInches * dpi));
        using var binary = Pix.Own(TesseractNative.pixConvertTo1(gray.Raw, DarkThreshold));
        if (binary == null) return [];
        using var horizontal = Pix.Own(TesseractNative.pixOpenBrick(IntPtr.Zero, binary.Raw, min, 1));
        if (horizontal == null) return [];
        var rules = Merge(Boxes(horizontal).Where(b => b.W >= min && b.H <= MaxRuleThicknessPx)
            .Select(b => new PixelRule(b.Y + b.H / 2, b.X, b.X + b.W)).ToList());
        if (erase)
        {
            using var vertical = Pix.Own(TesseractNative.pixOpenBrick(IntPtr.Zero, binary.Raw, 1, min));
            if (vertical != null)
            {
                using var both = Pix.Own(TesseractNative.pixOr(IntPtr.Zero, horizontal.Raw, vertical.Raw));
                // the grey edge of a scanned line is wider than its dark core
                using var mask = both == null ? null : Pix.Own(TesseractNative.pixDilateBrick(IntPtr.Zero, both.Raw, 3, 3));
                if (mask != null) TesseractNative.pixPaintThroughMask(gray.Raw, mask.Raw, 0, 0, 255);
            }
        }
        return rules;
    }

    private static List<(int X, int Y, int W, int H)> Boxes(Pix binary)
    {
        var boxa = TesseractNative.pixConnCompBB(binary.Raw, 8);
        var result = new List<(int, int, int, int)>();
        if (boxa == IntPtr.Zero) return result;
        try
        {
            int n = TesseractNative.boxaGetCount(boxa);
            for (int i = 0; i < n; i++)
                if (TesseractNative.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h) == 0) result.Add((x, y, w, h));
        }
        finally { TesseractNative.boxaDestroy(ref boxa); }
        return result;
    }

    // a rule broken by scanning noise is still one rule
    private static IReadOnlyList<PixelRule> Merge(List<PixelRule> rules)
    {
        var merged = new List<PixelRule>();
        foreach (var r in rules.OrderBy(r => r.Y).ThenBy(r => r.X0))
        {
            int i = merged.FindIndex(m => Math.Abs(m.Y - r.Y) <= 6 && r.X0 <= m.X1 + 40 && r.X1 >= m.X0 - 40);
            if (i < 0) merged.Add(r);
            else merged[i] = new PixelRule((merged[i].Y + r.Y) / 2, Math.Min(merged[i].X0, r.X0), Math.Max(merged[i].X1, r.X1));
        }
        return merged;
    }
}
