namespace Ingest.Adapters.Tesseract;

/// <summary>A horizontal printed line in image pixels.</summary>
internal sealed record PixelRule(int Y, int X0, int X1);

/// <summary>A vertical printed line in image pixels.</summary>
internal sealed record PixelColumnRule(int X, int Y0, int Y1);

/// <summary>The printed lines of a page image: row borders and column borders.</summary>
internal sealed record PageRules(IReadOnlyList<PixelRule> Horizontal, IReadOnlyList<PixelColumnRule> Vertical)
{
    public static readonly PageRules None = new([], []);
}

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
    /// <summary>How much darker than the paper around it a thin stroke must be to count.</summary>
    private const int MinRuleContrast = 24;
    /// <summary>Wider than a rule with its scanned blur (in inches), so the paper beside it is in the window.</summary>
    private const double ContrastWindowInches = 0.05;
    private const int TophatBlack = 1;

    /// <summary>
    /// The rules of a page image. <paramref name="unevenLight"/>, when given, is the same page before
    /// its background was made even (a flattened photo's): row borders too pale for the usual test
    /// are looked for on it (see <see cref="FaintRowBorders"/>).
    /// </summary>
    public static PageRules Find(Pix gray, int dpi, bool erase, Pix? unevenLight = null)
    {
        int min = Math.Max(30, (int)(MinRuleInches * dpi));
        using var binary = Dark(gray, dpi);
        if (binary == null) return PageRules.None;
        using var horizontal = Pix.Own(TesseractNative.pixOpenBrick(IntPtr.Zero, binary.Raw, min, 1));
        if (horizontal == null) return PageRules.None;
        var rules = Merge(Boxes(horizontal).Where(b => b.W >= min && b.H <= MaxRuleThicknessPx)
            .Select(b => new PixelRule(b.Y + b.H / 2, b.X, b.X + b.W)).ToList());
        using var vertical = Pix.Own(TesseractNative.pixOpenBrick(IntPtr.Zero, binary.Raw, 1, min));
        // a column border is a rule turned on its side: the same merge, with x and y swapped
        var columns = vertical == null ? [] : Merge(Boxes(vertical).Where(b => b.H >= min && b.W <= MaxRuleThicknessPx)
            .Select(b => new PixelRule(b.X + b.W / 2, b.Y, b.Y + b.H)).ToList())
            .Select(r => new PixelColumnRule(r.Y, r.X0, r.X1)).ToList();
        if (erase)
        {
            if (vertical != null)
            {
                using var both = Pix.Own(TesseractNative.pixOr(IntPtr.Zero, horizontal.Raw, vertical.Raw));
                // the grey edge of a scanned line is wider than its dark core
                using var mask = both == null ? null : Pix.Own(TesseractNative.pixDilateBrick(IntPtr.Zero, both.Raw, 3, 3));
                if (mask != null) TesseractNative.pixPaintThroughMask(gray.Raw, mask.Raw, 0, 0, 255);
            }
        }
        if (unevenLight != null)
            rules = Merge([.. rules, .. FaintRowBorders(unevenLight, dpi, columns)]);
        return new PageRules(rules, columns);
    }

    /// <summary>How much darker (grey levels) than the paper around it a faint border is, averaged along <see cref="FaintAverageInches"/> of it.</summary>
    private const int FaintContrast = 8;
    private const double FaintAverageInches = 0.17, MinFaintRuleInches = 2.0, FaintDriftInches = 0.015, CrossingInches = 0.1;

    /// <summary>
    /// A phone photo prints a table's thin row borders at a tenth of the paper's brightness, under
    /// its noise and, once a dim corner is made even, under noise made as strong. On the page as
    /// lit, averaged along each row over <see cref="FaintAverageInches"/>, noise fades and a straight
    /// border keeps its contrast; but so does the band of tone marks over a line of text. A row
    /// border is told from it by what it is: at least <see cref="MinFaintRuleInches"/> long, and
    /// running on through at least two column borders, which text in a cell stops short of.
    /// </summary>
    private static IEnumerable<PixelRule> FaintRowBorders(Pix unevenLight, int dpi, IReadOnlyList<PixelColumnRule> columns)
    {
        if (columns.Count < 2) return [];
        int half = Math.Max(2, (int)(FaintAverageInches * dpi / 2)), window = Math.Max(3, (int)(ContrastWindowInches * dpi)) | 1;
        int drift = Math.Max(3, (int)(FaintDriftInches * dpi)) | 1, min = Math.Max(30, (int)(MinRuleInches * dpi));
        using var averaged = Pix.FromGrey(unevenLight.ToGrey().MeanAlongRows(half), dpi);
        using var tophat = Pix.Own(TesseractNative.pixTophat(averaged.Raw, window, window, TophatBlack));
        using var inverted = tophat == null ? null : Pix.Own(TesseractNative.pixInvert(IntPtr.Zero, tophat.Raw));
        using var faint = inverted == null ? null : Pix.Own(TesseractNative.pixConvertTo1(inverted.Raw, 256 - FaintContrast));
        // where the border is palest its darkest row wanders by a pixel or two: thickened, one row holds it whole
        using var thick = faint == null ? null : Pix.Own(TesseractNative.pixDilateBrick(IntPtr.Zero, faint.Raw, 1, drift));
        using var opened = thick == null ? null : Pix.Own(TesseractNative.pixOpenBrick(IntPtr.Zero, thick.Raw, min, 1));
        if (opened == null) return [];
        int length = (int)(MinFaintRuleInches * dpi), past = (int)(CrossingInches * dpi);
        var pieces = Boxes(opened).Where(b => b.W >= min && b.H <= MaxRuleThicknessPx).Select(b => new PixelRule(b.Y + b.H / 2, b.X, b.X + b.W)).ToList();
        return Merge(pieces).Where(r => r.X1 - r.X0 >= length
            && columns.Count(c => c.X > r.X0 + past && c.X < r.X1 - past && r.Y >= c.Y0 - past && r.Y <= c.Y1 + past) >= 2).ToList();
    }

    /// <summary>
    /// The page's dark pixels: those under a fixed threshold, and those clearly darker than the
    /// paper a few pixels around them. A light or faded scan prints its thin borders in pale grey
    /// (190 on paper of 230), which no fixed threshold separates from the paper without also
    /// catching a shaded margin; a black top-hat measures each pixel against its own
    /// neighbourhood, so a thin border, across or down, stands out and gradual shading does not.
    /// </summary>
    private static Pix? Dark(Pix gray, int dpi)
    {
        var fixedDark = Pix.Own(TesseractNative.pixConvertTo1(gray.Raw, DarkThreshold));
        if (fixedDark == null) return null;
        int window = Math.Max(3, (int)(ContrastWindowInches * dpi)) | 1;
        using var tophat = Pix.Own(TesseractNative.pixTophat(gray.Raw, window, window, TophatBlack));
        using var inverted = tophat == null ? null : Pix.Own(TesseractNative.pixInvert(IntPtr.Zero, tophat.Raw));
        using var contrast = inverted == null ? null : Pix.Own(TesseractNative.pixConvertTo1(inverted.Raw, 256 - MinRuleContrast));
        if (contrast == null) return fixedDark;
        var both = Pix.Own(TesseractNative.pixOr(IntPtr.Zero, fixedDark.Raw, contrast.Raw));
        if (both == null) return fixedDark;
        fixedDark.Dispose();
        return both;
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

    // a rule broken by scanning noise, or where a column's border crosses it, is still one rule;
    // taken left to right, each piece meets the end of the rule it continues
    private static IReadOnlyList<PixelRule> Merge(List<PixelRule> rules)
    {
        var merged = new List<PixelRule>();
        foreach (var r in rules.OrderBy(r => r.X0).ThenBy(r => r.Y))
        {
            int i = merged.FindIndex(m => Math.Abs(m.Y - r.Y) <= 6 && r.X0 <= m.X1 + 40 && r.X1 >= m.X0 - 40);
            if (i < 0) merged.Add(r);
            else merged[i] = new PixelRule((merged[i].Y + r.Y) / 2, Math.Min(merged[i].X0, r.X0), Math.Max(merged[i].X1, r.X1));
        }
        return merged;
    }
}
