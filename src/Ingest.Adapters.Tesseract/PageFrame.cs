using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Adapters.Tesseract;

/// <summary>y = A·x² + B·x + C (or x of y, for a side edge).</summary>
internal readonly record struct Curve(double A, double B, double C)
{
    public double At(double t) => (A * t + B) * t + C;
}

/// <summary>
/// Where a photographed page lies in the photo: its top and bottom edges as curves (a page that
/// bows bends them), its left and right edges as lines, and the four corners where they meet, in
/// image pixels.
/// </summary>
internal sealed record PageOutline(Curve Top, Curve Bottom, Curve Left, Curve Right,
    (double X, double Y) TopLeft, (double X, double Y) TopRight, (double X, double Y) BottomRight, (double X, double Y) BottomLeft)
{
    public double Width => (Distance(TopLeft, TopRight) + Distance(BottomLeft, BottomRight)) / 2;
    public double Height => (Distance(TopLeft, BottomLeft) + Distance(TopRight, BottomRight)) / 2;

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

/// <summary>
/// Finds a photographed page against what lies around it (a desk, a lap, a dark table) and maps it
/// back to a flat rectangle (issue 15, item 1). A phone held over a page sees it as a quadrilateral
/// narrower at the far end, turned a little, and bowed where the sheet curls; Tesseract reads
/// straight, level lines, and a table's borders must be straight to be found at all. The paper is
/// brighter than its surroundings under the same light even in a shadow, so each edge is where
/// brightness first jumps by a clear ratio coming in from the photo's border. A page filling the
/// whole image (every scan) has no such edges, and is left alone.
/// </summary>
internal static class PageFrame
{
    /// <summary>The photo is searched shrunk by this factor: edges are long, and a page is found in a few milliseconds.</summary>
    private const int Shrink = 4;
    /// <summary>Brightness ratio from outside to inside that marks the paper's edge: paper (200–230) against a desk (60–115) under the same light.</summary>
    private const double EdgeRatio = 1.35;
    /// <summary>Everything outside a page's edge is darker than the paper inside it by this ratio at least.</summary>
    private const double SurroundRatio = 1.2;
    /// <summary>Pixels (shrunk) averaged on each side of a candidate edge, so desk texture and noise make no jump.</summary>
    private const int EdgeWindow = 3;
    /// <summary>An edge is looked for in the outer third of the photo only; further in is the page's own text.</summary>
    private const double SearchDepth = 1 / 3.0;
    /// <summary>Lines sampled along each side start and end this far (a fraction of the side) from the corners, where edges meet.</summary>
    private const double SideMargin = 0.1;
    /// <summary>Of the lines sampled along a side, at least this many must find the edge, and fit it.</summary>
    private const double MinFound = 0.5, MinFitting = 0.7;
    /// <summary>The page must cover at least this much of the photo, or what was found is something else.</summary>
    private const double MinPageArea = 0.3;
    /// <summary>A side bowed by more than this (of the page's width) is not a page's edge.</summary>
    private const double MaxBow = 0.05;
    /// <summary>The rectangle is cut this much (of a side) inside the edges found, so no sliver of desk reads as a border.</summary>
    private const double Inset = 0.004;

    /// <summary>The page's outline, or null when the image shows no page against a darker surround on all four sides.</summary>
    public static PageOutline? Find(GreyImage photo) => Find(photo.Shrink(Shrink), photo.Width, photo.Height);

    /// <summary>
    /// The page's outline in a photo of <paramref name="width"/> × <paramref name="height"/>, from
    /// the photo shrunk by <see cref="Shrink"/> (<see cref="Pix.Shrink"/> makes it straight from
    /// leptonica's pixels: most pages are scans, and a scan's full grey copy is then never made).
    /// </summary>
    public static PageOutline? Find(Pix photo) => Find(photo.Shrink(Shrink), photo.Width, photo.Height);

    private static PageOutline? Find(GreyImage shrunk, int photoWidth, int photoHeight)
    {
        var small = Blur(shrunk);
        int w = small.Width, h = small.Height;
        if (w < 40 || h < 40) return null;
        var top = new List<(double, double)>(); var bottom = new List<(double, double)>();
        var left = new List<(double, double)>(); var right = new List<(double, double)>();
        int columns = 0, rows = 0;
        for (int x = (int)(w * SideMargin); x < w - (int)(w * SideMargin); x += 2, columns++)
        {
            if (FirstJump(i => small[x, i], h) is { } t) top.Add((Full(x), Full(t)));
            if (FirstJump(i => small[x, h - 1 - i], h) is { } b) bottom.Add((Full(x), Full(h - b)));
        }
        for (int y = (int)(h * SideMargin); y < h - (int)(h * SideMargin); y += 2, rows++)
        {
            if (FirstJump(i => small[i, y], w) is { } l) left.Add((Full(y), Full(l)));
            if (FirstJump(i => small[w - 1 - i, y], w) is { } r) right.Add((Full(y), Full(w - r)));
        }
        if (Fit(top, columns, 2) is not { } topCurve || Fit(bottom, columns, 2) is not { } bottomCurve
            || Fit(left, rows, 1) is not { } leftLine || Fit(right, rows, 1) is not { } rightLine)
            return null;
        var outline = new PageOutline(topCurve, bottomCurve, leftLine, rightLine,
            Corner(topCurve, leftLine), Corner(topCurve, rightLine), Corner(bottomCurve, rightLine), Corner(bottomCurve, leftLine));
        if (outline.Width * outline.Height < MinPageArea * photoWidth * photoHeight) return null;
        if (Math.Abs(topCurve.A) * outline.Width * outline.Width / 4 > MaxBow * outline.Width
            || Math.Abs(bottomCurve.A) * outline.Width * outline.Width / 4 > MaxBow * outline.Width) return null;
        return outline;
    }

    /// <summary>
    /// The page as a flat rectangle of the given size: the four corners fix a perspective mapping,
    /// and what the top and bottom edges still bow from it is spread linearly between them, as a
    /// sheet curling from its spine bends each line by a share of its edges' bend.
    /// </summary>
    /// <param name="fourAtATime">False maps each pixel on its own, the definition the four-at-a-time mapping keeps to.</param>
    public static GreyImage Flatten(GreyImage photo, PageOutline page, int width, int height, bool fourAtATime = true)
    {
        // every pixel is written: the page need not be zeroed first
        var pixels = GC.AllocateUninitializedArray<byte>(width * height);
        Flatten(photo, page, width, height, (y, row) => row.CopyTo(pixels.AsSpan(y * width, width)), fourAtATime);
        return new GreyImage(width, height, pixels);
    }

    /// <summary>
    /// The page flattened (see <see cref="Flatten(GreyImage, PageOutline, int, int, bool)"/>) straight
    /// into the image the engine reads, at <paramref name="dpi"/>: a row at a time, so the page
    /// (8.7 million pixels) is not made once more in managed memory only to be copied over.
    /// </summary>
    public static Pix FlattenedImage(GreyImage photo, PageOutline page, int width, int height, int dpi)
    {
        var image = Pix.Create(width, height, 8);
        try { Flatten(photo, page, width, height, image.SetRow); }
        catch
        {
            image.Dispose();
            throw;
        }
        TesseractNative.pixSetResolution(image.Raw, dpi, dpi);
        return image;
    }

    /// <summary>A row of a flattened page, its pixels in order, handed on as soon as it is made.</summary>
    private delegate void RowMade(int y, ReadOnlySpan<byte> pixels);

    private static unsafe void Flatten(GreyImage photo, PageOutline page, int width, int height, RowMade made, bool fourAtATime = true)
    {
        var toPhoto = Homography.FromRectangle(width, height, page.TopLeft, page.TopRight, page.BottomRight, page.BottomLeft);
        var toPage = toPhoto.Inverse();
        var topBow = Bow(page.Top, page.TopLeft.X, page.TopRight.X, toPage, 0);
        var bottomBow = Bow(page.Bottom, page.BottomLeft.X, page.BottomRight.X, toPage, height);
        double insetX = Inset * width, insetY = Inset * height;
        double scaleX = (width - 2 * insetX) / width, scaleY = (height - 2 * insetY) / height;
        // what depends on the column alone is worked out once per column, not once per pixel (a
        // flattened page is 8.7 million pixels); each pixel's sum is formed as Homography.Apply forms it
        var top = new double[width];
        var bottom = new double[width];
        var m = toPhoto.M;
        var (m0u, m3u, m6u) = (new double[width], new double[width], new double[width]);
        for (int x = 0; x < width; x++)
        {
            double u = insetX + x * scaleX;
            (top[x], bottom[x]) = (topBow.At(u), bottomBow.At(u));
            (m0u[x], m3u[x], m6u[x]) = (m[0] * u, m[3] * u, m[6] * u);
        }
        var (m1, m2, m4, m5, m7, m8) = (m[1], m[2], m[4], m[5], m[7], m[8]);
        // each pixel is the photo's at the mapped point, interpolated from its four neighbours
        // (a point off the photo takes the nearest edge), read through pointers: a flattened page
        // is 8.7 million pixels, and through arrays each paid a dozen bounds checks and a call
        // (a 2480 x 3508 page: 420 ms, 256 ms through pointers, the same pixels). Four points are
        // mapped at a time (two divisions each), each lane's sums formed in the order a single
        // point's are below (no fused multiply-add), so the pixels are the same again.
        int stride = photo.Width;
        double maxX = photo.Width - 1.001, maxY = photo.Height - 1.001;
        var (zero, lastX, lastY) = (Vector256<double>.Zero, Vector256.Create(maxX), Vector256.Create(maxY));
        var (m1v, m2v, m4v, m5v, m7v, m8v) = (Vector256.Create(m1), Vector256.Create(m2), Vector256.Create(m4), Vector256.Create(m5), Vector256.Create(m7), Vector256.Create(m8));
        var pixels = new byte[width];
        fixed (byte* from = photo.Pixels, row = pixels)
        fixed (double* topAt = top, bottomAt = bottom, m0 = m0u, m3 = m3u, m6 = m6u)
        {
            for (int y = 0; y < height; y++)
            {
                double v = insetY + y * scaleY, share = v / height, rest = 1 - share;
                var (vv, sharev, restv) = (Vector256.Create(v), Vector256.Create(share), Vector256.Create(rest));
                int x = 0;
                for (; fourAtATime && x + 4 <= width; x += 4)
                {
                    var bent = vv + restv * Vector256.Load(topAt + x) + sharev * Vector256.Load(bottomAt + x);
                    var d = Vector256.Load(m6 + x) + m7v * bent + m8v;
                    var px = Clamp((Vector256.Load(m0 + x) + m1v * bent + m2v) / d, zero, lastX);
                    var py = Clamp((Vector256.Load(m3 + x) + m4v * bent + m5v) / d, zero, lastY);
                    Interpolated(from, stride, photo.Height, px, py, row + x);
                }
                for (; x < width; x++)
                {
                    double bent = v + rest * topAt[x] + share * bottomAt[x];
                    double d = m6[x] + m7 * bent + m8;
                    row[x] = Interpolated(from, stride, Math.Clamp((m0[x] + m1 * bent + m2) / d, 0, maxX), Math.Clamp((m3[x] + m4 * bent + m5) / d, 0, maxY));
                }
                made(y, pixels);
            }
        }
    }

    // the photo at (px, py), interpolated from its four neighbours
    internal static unsafe byte Interpolated(byte* from, int stride, double px, double py)
    {
        int x0 = (int)px, y0 = (int)py;
        double fx = px - x0, fy = py - y0;
        byte* p = from + ((long)y0 * stride + x0);
        double sample = p[0] * (1 - fx) * (1 - fy) + p[1] * fx * (1 - fy) + p[stride] * (1 - fx) * fy + p[stride + 1] * fx * fy;
        return (byte)Math.Clamp(Math.Round(sample), 0, 255);
    }

    // four points of the photo at once, each lane's sum formed as Interpolated forms a single
    // point's (the points are not negative, so flooring is the single point's truncation). A
    // point's two neighbours in a row are fetched as one 32-bit word, four points' at once: a
    // neighbour at a time, the fetches cost more than the sums. A word at the end of the photo's
    // last row would run past it, so points whose lower neighbours lie there are fetched one by one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe void Interpolated(byte* from, int stride, int rows, Vector256<double> px, Vector256<double> py, byte* to)
    {
        var (x0, y0) = (Vector256.Floor(px), Vector256.Floor(py));
        var (fx, fy) = (px - x0, py - y0);
        var (restX, restY) = (Vector256<double>.One - fx, Vector256<double>.One - fy);
        Vector256<double> topLeft, topRight, bottomLeft, bottomRight;
        if (Avx2.IsSupported && Vector256.LessThanAll(y0, Vector256.Create(rows - 2.0)))
        {
            var at = Avx.ConvertToVector128Int32WithTruncation(y0 * Vector256.Create((double)stride) + x0);
            var top = Avx2.GatherVector128((int*)from, at, 1);
            var bottom = Avx2.GatherVector128((int*)(from + stride), at, 1);
            var first = Vector128.Create(0xFF);
            topLeft = Avx.ConvertToVector256Double(top & first);
            topRight = Avx.ConvertToVector256Double((top >>> 8) & first);
            bottomLeft = Avx.ConvertToVector256Double(bottom & first);
            bottomRight = Avx.ConvertToVector256Double((bottom >>> 8) & first);
        }
        else
        {
            byte* p0 = from + ((long)(int)y0.GetElement(0) * stride + (int)x0.GetElement(0));
            byte* p1 = from + ((long)(int)y0.GetElement(1) * stride + (int)x0.GetElement(1));
            byte* p2 = from + ((long)(int)y0.GetElement(2) * stride + (int)x0.GetElement(2));
            byte* p3 = from + ((long)(int)y0.GetElement(3) * stride + (int)x0.GetElement(3));
            topLeft = Vector256.Create((double)p0[0], p1[0], p2[0], p3[0]);
            topRight = Vector256.Create((double)p0[1], p1[1], p2[1], p3[1]);
            bottomLeft = Vector256.Create((double)p0[stride], p1[stride], p2[stride], p3[stride]);
            bottomRight = Vector256.Create((double)p0[stride + 1], p1[stride + 1], p2[stride + 1], p3[stride + 1]);
        }
        var sample = topLeft * restX * restY + topRight * fx * restY + bottomLeft * restX * fy + bottomRight * fx * fy;
        var pixel = Vector256.Min(Vector256.Max(Vector256.Round(sample), Vector256<double>.Zero), Vector256.Create(255.0));
        if (Avx.IsSupported)
        {
            // whole numbers from 0 to 255, which narrowing keeps
            var values = Avx.ConvertToVector128Int32WithTruncation(pixel);
            var shorts = Vector128.Narrow(values, values).AsUInt16();
            *(uint*)to = Vector128.Narrow(shorts, shorts).AsUInt32().ToScalar();
            return;
        }
        to[0] = (byte)pixel.GetElement(0);
        to[1] = (byte)pixel.GetElement(1);
        to[2] = (byte)pixel.GetElement(2);
        to[3] = (byte)pixel.GetElement(3);
    }

    // Math.Clamp's comparisons, lane by lane
    private static Vector256<double> Clamp(Vector256<double> value, Vector256<double> min, Vector256<double> max)
    {
        value = Vector256.ConditionalSelect(Vector256.LessThan(value, min), min, value);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(value, max), max, value);
    }

    // how far (in page pixels) the curved edge lies from the straight one the corners give, along it
    private static Curve Bow(Curve edge, double x0, double x1, Homography toPage, double level)
    {
        var points = new List<(double, double)>();
        for (int i = 0; i <= 40; i++)
        {
            double x = x0 + (x1 - x0) * i / 40;
            var (u, v) = toPage.Apply(x, edge.At(x));
            points.Add((u, v - level));
        }
        return LeastSquares(points, 2);
    }

    private static double Full(int shrunk) => shrunk * Shrink + Shrink / 2.0;

    /// <summary>
    /// Where, coming in from the border along a profile, the brightness first rises by
    /// <see cref="EdgeRatio"/> from the window before to the window after, with everything before
    /// it darker than what follows by <see cref="SurroundRatio"/>; null when that never happens in
    /// the outer third. A scan's white margin is as bright as the page, so the jumps between its
    /// letters further in are not an edge.
    /// </summary>
    public static int? FirstJump(Func<int, byte> profile, int length)
    {
        int depth = (int)(length * SearchDepth), k = EdgeWindow;
        double jump = Math.Log(EdgeRatio), surround = Math.Log(SurroundRatio);
        var logs = new double[Math.Min(length, depth + 2 * k)];
        for (int i = 0; i < logs.Length; i++) logs[i] = Math.Log(Math.Max(1, (int)profile(i)));
        double Rise(int i)
        {
            double before = 0, after = 0;
            for (int j = 0; j < k; j++) { before += logs[i - 1 - j]; after += logs[i + j]; }
            return (after - before) / k;
        }
        double brightestBefore = logs.Take(k).Max();
        for (int i = k; i + k <= logs.Length && i < depth; i++)
        {
            brightestBefore = Math.Max(brightestBefore, logs[i - 1]);
            if (Rise(i) <= jump) continue;
            // the rise is first seen a window before the edge: the edge is where it is steepest
            int edge = Enumerable.Range(i, k).Where(e => e + k <= logs.Length).MaxBy(Rise);
            double paper = 0;
            for (int j = 0; j < k; j++) paper += logs[edge + j];
            double surroundBrightest = Math.Max(brightestBefore, edge > i ? logs[i..edge].Max() : double.MinValue);
            return paper / k - surroundBrightest > surround ? edge : null;
        }
        return null;
    }

    /// <summary>
    /// A curve of the given degree through the edge points, refitted without the points far from it
    /// (a letter near the margin, a stain); null when too few lines found the edge or too few fit.
    /// </summary>
    private static Curve? Fit(List<(double T, double V)> points, int sampled, int degree)
    {
        if (sampled == 0 || points.Count < MinFound * sampled || points.Count < 6) return null;
        var kept = points;
        Curve curve = LeastSquares(kept, degree);
        for (int round = 0; round < 5; round++)
        {
            var residuals = kept.Select(p => Math.Abs(curve.At(p.T) - p.V)).OrderBy(r => r).ToList();
            double limit = Math.Max(Shrink, 3 * residuals[residuals.Count / 2]);
            var next = points.Where(p => Math.Abs(curve.At(p.T) - p.V) < limit).ToList();
            if (next.Count < 6) return null;
            bool same = next.Count == kept.Count;
            kept = next;
            curve = LeastSquares(kept, degree);
            if (same) break;
        }
        return kept.Count >= MinFitting * points.Count ? curve : null;
    }

    /// <summary>Least-squares polynomial of degree 1 or 2 (normal equations, centred for stability).</summary>
    public static Curve LeastSquares(IReadOnlyList<(double T, double V)> points, int degree)
    {
        double mean = points.Average(p => p.T);
        int n = degree + 1;
        var m = new double[n, n + 1];
        foreach (var (t0, v) in points)
        {
            double t = t0 - mean;
            var powers = new double[2 * n];
            powers[0] = 1;
            for (int i = 1; i < 2 * n; i++) powers[i] = powers[i - 1] * t;
            for (int r = 0; r < n; r++)
            {
                for (int c = 0; c < n; c++) m[r, c] += powers[r + c];
                m[r, n] += powers[r] * v;
            }
        }
        var coef = Solve(m, n);
        // back from t - mean to t
        double a = degree == 2 ? coef[2] : 0, b = coef[1], c0 = coef[0];
        return new Curve(a, b - 2 * a * mean, c0 - b * mean + a * mean * mean);
    }

    // x = side(y) meets y = edge(x): each substitution moves less, edges being near level and near upright
    private static (double X, double Y) Corner(Curve edge, Curve side)
    {
        double x = side.At(edge.At(side.At(0)));
        for (int i = 0; i < 30; i++) x = side.At(edge.At(x));
        return (x, edge.At(x));
    }

    internal static double[] Solve(double[,] m, int n)
    {
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            for (int c = 0; c <= n; c++) (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]);
            double d = m[col, col];
            if (Math.Abs(d) < 1e-12) continue;
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = m[r, col] / d;
                for (int c = col; c <= n; c++) m[r, c] -= f * m[col, c];
            }
        }
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Math.Abs(m[i, i]) < 1e-12 ? 0 : m[i, n] / m[i, i];
        return x;
    }

    private static GreyImage Blur(GreyImage image)
    {
        // a 3×3 mean: the shrink already averaged 4×4, this closes the gaps between letters' strokes
        int w = image.Width, h = image.Height;
        var result = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int sum = 0, n = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        int xx = x + dx, yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                        sum += image.Pixels[yy * w + xx]; n++;
                    }
                result[y * w + x] = (byte)(sum / n);
            }
        return new GreyImage(w, h, result);
    }
}

/// <summary>A plane perspective mapping (3×3, last entry 1).</summary>
internal sealed record Homography(double[] M)
{
    public (double X, double Y) Apply(double x, double y)
    {
        double d = M[6] * x + M[7] * y + M[8];
        return ((M[0] * x + M[1] * y + M[2]) / d, (M[3] * x + M[4] * y + M[5]) / d);
    }

    /// <summary>The mapping that takes the corners of a width × height rectangle to four points (clockwise from top left).</summary>
    public static Homography FromRectangle(double width, double height, params (double X, double Y)[] to)
    {
        (double, double)[] from = [(0, 0), (width, 0), (width, height), (0, height)];
        var m = new double[8, 9];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            int r = 2 * i;
            m[r, 0] = x; m[r, 1] = y; m[r, 2] = 1; m[r, 6] = -u * x; m[r, 7] = -u * y; m[r, 8] = u;
            m[r + 1, 3] = x; m[r + 1, 4] = y; m[r + 1, 5] = 1; m[r + 1, 6] = -v * x; m[r + 1, 7] = -v * y; m[r + 1, 8] = v;
        }
        var h = PageFrame.Solve(m, 8);
        return new Homography([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1]);
    }

    public Homography Inverse()
    {
        var a = M;
        double c00 = a[4] * a[8] - a[5] * a[7], c01 = a[2] * a[7] - a[1] * a[8], c02 = a[1] * a[5] - a[2] * a[4];
        double c10 = a[5] * a[6] - a[3] * a[8], c11 = a[0] * a[8] - a[2] * a[6], c12 = a[2] * a[3] - a[0] * a[5];
        double c20 = a[3] * a[7] - a[4] * a[6], c21 = a[1] * a[6] - a[0] * a[7], c22 = a[0] * a[4] - a[1] * a[3];
        return new Homography([c00 / c22, c01 / c22, c02 / c22, c10 / c22, c11 / c22, c12 / c22, c20 / c22, c21 / c22, 1]);
    }
}
