namespace Ingest.Adapters.Tesseract;

/// <summary>
/// How far a page's lines of text bow (issue 15, item 1: a bowed page is dewarped from its
/// text-line curvature). A sheet that curls under a phone bends its lines where its edges may not
/// show it (a page cut off by the photo's border, a bound page's spine); a line that sags by
/// about its letters' height runs into the next, and Tesseract reads both wrong. Leptonica finds
/// the lines' centres (the dewarp module's own first step); each long line gets a parabola, and
/// its sag is how far the parabola's middle leaves the straight line through its ends.
/// </summary>
internal static class TextLineCurvature
{
    private const int InkThreshold = 128;
    /// <summary>Lines shorter than this share of the longest are left out: a heading or a last line says little of the page's bow.</summary>
    private const float LongLineShare = 0.6f;
    /// <summary>Fewer long lines than this and there is no telling a bow from a line's own unevenness.</summary>
    private const int MinLines = 5;
    private const int CloneAccess = 2;

    /// <summary>
    /// The median sag of the page's long text lines (inches; positive whichever way they bow), or
    /// null when the page has too few lines to tell. Measured at half resolution: a sag of interest
    /// is several pixels even there, and the search costs a quarter.
    /// </summary>
    public static double? MedianSagInches(Pix grey, int dpi)
    {
        using var binary = Threshold.Darker(grey, InkThreshold);
        using var half = Pix.Own(TesseractNative.pixReduceRankBinary2(binary.Raw, 1, IntPtr.Zero));
        if (half == null) return null;
        var lines = Centres(half);
        var sags = lines.Where(l => l.Count >= 6).Select(Sag).OrderBy(s => s).ToList();
        if (sags.Count < MinLines) return null;
        return sags[sags.Count / 2] * 2 / dpi;
    }

    /// <summary>How far the middle of a parabola through the points leaves the chord between its ends (pixels).</summary>
    public static double Sag(IReadOnlyList<(double X, double Y)> points)
    {
        var curve = PageFrame.LeastSquares(points.Select(p => (p.X, p.Y)).ToList(), 2);
        double x0 = points.Min(p => p.X), x1 = points.Max(p => p.X), mid = (x0 + x1) / 2;
        return Math.Abs(curve.At(mid) - (curve.At(x0) + curve.At(x1)) / 2);
    }

    private static List<List<(double X, double Y)>> Centres(Pix binary)
    {
        var all = TesseractNative.dewarpGetTextlineCenters(binary.Raw, 0);
        if (all == IntPtr.Zero) return [];
        var lines = new List<List<(double X, double Y)>>();
        var longOnes = TesseractNative.dewarpRemoveShortLines(binary.Raw, all, LongLineShare, 0);
        try
        {
            if (longOnes == IntPtr.Zero) return lines;
            for (int i = 0, n = TesseractNative.ptaaGetCount(longOnes); i < n; i++)
            {
                var pta = TesseractNative.ptaaGetPta(longOnes, i, CloneAccess);
                if (pta == IntPtr.Zero) continue;
                var line = new List<(double, double)>();
                for (int k = 0, m = TesseractNative.ptaGetCount(pta); k < m; k++)
                    if (TesseractNative.ptaGetPt(pta, k, out var x, out var y) == 0) line.Add((x, y));
                TesseractNative.ptaDestroy(ref pta);
                lines.Add(line);
            }
            return lines;
        }
        finally
        {
            TesseractNative.ptaaDestroy(ref all);
            if (longOnes != IntPtr.Zero) TesseractNative.ptaaDestroy(ref longOnes);
        }
    }

    /// <summary>
    /// The page with its lines straightened by leptonica's dewarping (a model of the vertical
    /// displacement built from the same line centres, adaptive threshold, vertical only), or null
    /// when no model could be built.
    /// </summary>
    public static Pix? Straighten(Pix grey)
    {
        int rc = TesseractNative.dewarpSinglePage(grey.Raw, 0, 1, 0, 0, out var straight, out var model, 0);
        var result = Pix.Own(straight);
        try
        {
            // without a model leptonica hands back a plain copy
            if (rc != 0 || model == IntPtr.Zero || TesseractNative.dewarpaModelStatus(model, 0, out int vertical, out _) != 0 || vertical == 0)
            {
                result?.Dispose();
                return null;
            }
            return result;
        }
        finally { if (model != IntPtr.Zero) TesseractNative.dewarpaDestroy(ref model); }
    }
}
