using Ingest.Core.Model;
using Ingest.Core.Ports;

namespace Ingest.Adapters.Tesseract;

/// <summary>A page image ready for recognition, with the clean-ups that were applied to it, in order.</summary>
internal sealed record PreparedPage(Pix Image, int Dpi, PageRules Rules, IReadOnlyList<string> Steps);

/// <summary>
/// Loads a page image with leptonica and applies the clean-ups the page needs, each decided from a
/// measurement of the page: speckle removal on a bilevel image (a fax), background normalisation
/// where the paper's brightness varies (a phone photo's shadow and vignette), scaling up a
/// low-resolution image, deskew, and painting out table borders. Returns the image Tesseract reads,
/// its resolution, the ruling lines found on it, and what was done (the page's diagnostics).
/// </summary>
internal static class PageImagePreparer
{
    /// <summary>What scanners and renderers produce when a file carries no resolution.</summary>
    private const int AssumedDpi = 300;

    /// <summary>
    /// Background spread (see <see cref="BackgroundSpread"/>) above which the page is normalised:
    /// flatbed scans of the samples measure 0.07–0.14, phone photos (shadow, vignette, desk) 0.68–0.73.
    /// </summary>
    public const double UnevenBackground = 0.3;

    /// <summary>
    /// A page whose long text lines sag by more than this (inches, the median; see
    /// <see cref="TextLineCurvature"/>) is dewarped. Flat scans and flattened photos measure
    /// 0.001–0.014 (none of the 385 pages of bench/ocr-robust.sh's variants is dewarped); a synthetic
    /// page that Tesseract misreads for its bow (a sag of 60 px at 300 dpi) measures 0.13.
    /// </summary>
    public const double BowedLineSagInches = 0.03;

    /// <summary>Tiles across the page width over which the paper's brightness is sampled: each tile is wider than a letter.</summary>
    private const int BackgroundTilesAcross = 60;

    /// <summary>A speck is an ink component no wider and no taller than this (inches): 2 px at 200 dpi, under a full stop's size.</summary>
    public const double SpeckInches = 0.01;

    private const int ChooseMax = 2, SelectIfEither = 5, SelectIfGte = 4;

    public static PreparedPage Load(PageImage source, PreprocessOptions options)
    {
        using var raw = Read(source) ?? throw new DocumentFailure("image could not be decoded");
        // a PDF places its image on the page, which gives its true resolution whatever the image's header says
        if (source.Bytes != null && source.Dpi is { } placed) return Prepare(raw, (int)Math.Round(placed), options);
        if (raw.XRes >= 70) return Prepare(raw, raw.XRes, options);
        if (source.Dpi is { } given) return Prepare(raw, (int)Math.Round(given), options);
        // a bare image says nothing of its resolution: its letters do. A photographed page is
        // flattened to 300 dpi whatever they say, so they are only measured when a step asks for
        // the resolution (letter heights cost a twentieth of a second a page)
        var estimated = new Lazy<int?>(() => TextHeight.EstimateDpi(raw));
        var prepared = Prepare(raw, () => estimated.Value ?? AssumedDpi, options);
        return estimated.IsValueCreated && estimated.Value is { } e
            ? prepared with { Steps = [$"resolution {e} dpi from the letters' height", .. prepared.Steps] } : prepared;
    }

    public static PreparedPage Prepare(Pix raw, int dpi, PreprocessOptions options) => Prepare(raw, () => dpi, options);

    /// <param name="resolution">The page's resolution, asked for only when a step needs it.</param>
    private static PreparedPage Prepare(Pix raw, Func<int> resolution, PreprocessOptions options)
    {
        var steps = new List<string>();
        Pix? despeckled = null;
        bool bilevel = TesseractNative.pixGetDepth(raw.Raw) == 1;
        if (options.Despeckle && bilevel)
        {
            despeckled = Despeckle(raw, resolution(), out int removed);
            if (despeckled != null) steps.Add($"despeckle ({removed} px)");
        }
        double? porous = options.Thicken && bilevel && PinholeShare(despeckled ?? raw) is var holes && holes >= PorousInk ? holes : null;
        var current = Pix.Own(TesseractNative.pixConvertTo8((despeckled ?? raw).Raw, 0)) ?? throw new DocumentFailure("image could not be converted to grey");
        despeckled?.Dispose();
        Pix? asLit = null;
        bool flattened = false;
        try
        {
            if (options.Flatten && FlattenPhotographedPage(current) is { } flat)
            {
                (current, flattened) = (Replaced(current, flat.Image), true);
                steps.Add(flat.Step);
                // a photo's faint borders are looked for on the page as lit (RuleFinder), which nothing below moves
                asLit = Pix.Own(TesseractNative.pixClone(current.Raw));
            }
            if (options.NormalizeBackground && BackgroundSpread(current) is var spread && spread > UnevenBackground)
            {
                if (EvenLight.Of(current) is { } lit) current = Replaced(current, lit);
                steps.Add($"background (spread {spread:0.00})");
            }
            int dpi = flattened ? PreprocessOptions.TargetDpi : resolution();
            if (options.Upsample && PreprocessOptions.ReadingDpi(dpi, bilevel) is var reading && reading > dpi)
            {
                float f = reading / (float)dpi;
                current = Replaced(current, LinearScale.Scale(current, f));
                steps.Add($"upsample {dpi}→{reading} dpi");
                dpi = reading;
            }
            if (porous is { } share)
            {
                current = Replaced(current, Thicken(current));
                steps.Add($"thicken (pinholes {share:0.0%})");
            }
            if (options.Deskew)
            {
                if (Deskew.Level(current) is var (level, angle))
                {
                    current = Replaced(current, level);
                    asLit?.Dispose();
                    asLit = null;
                    steps.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"deskew ({angle:0.0}°)"));
                }
            }
            if (options.Dewarp && TextLineCurvature.MedianSagInches(current, dpi) is { } sag && sag > BowedLineSagInches
                && TextLineCurvature.Straighten(current) is { } straight)
            {
                current = Replaced(current, straight);
                // the page as lit no longer lies where the straightened page does
                asLit?.Dispose();
                asLit = null;
                steps.Add($"dewarp (lines sag {sag:0.00} in)");
            }
            TesseractNative.pixSetResolution(current.Raw, dpi, dpi);
            var rules = RuleFinder.Find(current, dpi, options.EraseRules, bridgeBreaks: bilevel, unevenLight: asLit);
            if (options.EraseRules) steps.Add("rules");
            return new PreparedPage(current, dpi, rules, steps);
        }
        catch
        {
            current.Dispose();
            throw;
        }
        finally { asLit?.Dispose(); }
    }

    /// <summary>
    /// The long side of a photographed page once flattened, in inches: a photo gives the paper's shape
    /// but not its size, and official documents are A4 (a smaller sheet is only read larger).
    /// </summary>
    private const double PhotographedPageLongSideInches = 297 / 25.4;

    /// <summary>
    /// A photo of a page against a darker surround, mapped to a flat upright page at
    /// <see cref="PreprocessOptions.TargetDpi"/> (see <see cref="PageFrame"/>); null when the image
    /// shows no such page, as no scan does. A photo's pixels are not a scan's: blurred, compressed
    /// and resampled by the flattening, a page photographed at 200 dpi (bench e_phone) read at that
    /// resolution lost line ends and the "hằng năm" of whole lists (dev 0.964 at 300, 0.918 at 200)
    /// where a 200 dpi scan reads as well as scaled up.
    /// </summary>
    private static (Pix Image, string Step)? FlattenPhotographedPage(Pix grey)
    {
        if (PageFrame.Find(grey) is not { } page) return null;
        var photo = grey.ToGrey();
        double longSide = Math.Round(PhotographedPageLongSideInches * PreprocessOptions.TargetDpi);
        (int w, int h) = page.Width >= page.Height
            ? ((int)longSide, (int)Math.Round(longSide * page.Height / page.Width))
            : ((int)Math.Round(longSide * page.Width / page.Height), (int)longSide);
        return (PageFrame.FlattenedImage(photo, page, w, h, PreprocessOptions.TargetDpi),
            $"flatten (page of {page.Width:0}×{page.Height:0} px found in the photo, read as {w}×{h})");
    }

    /// <summary>
    /// How much the paper's brightness varies across a grey page: the brightest pixel of each tile
    /// (a tile wider than a letter always holds paper) gives the background, and the spread is
    /// (95th − 5th percentile) over the 95th. Even light on a flatbed keeps it low; a shadow, a
    /// vignette or a desk around the page raise it.
    /// </summary>
    public static double BackgroundSpread(Pix grey)
    {
        int tile = Math.Max(8, grey.Width / BackgroundTilesAcross);
        using var tiles = Pix.Own(TesseractNative.pixScaleGrayMinMax(grey.Raw, tile, tile, ChooseMax));
        if (tiles == null) return 0;
        var values = new List<int>(tiles.Width * tiles.Height);
        for (int y = 0; y < tiles.Height; y++)
            for (int x = 0; x < tiles.Width; x++)
                if (TesseractNative.pixGetPixel(tiles.Raw, x, y, out var v) == 0) values.Add((int)v);
        if (values.Count == 0) return 0;
        values.Sort();
        double lo = values[(int)(0.05 * (values.Count - 1))], hi = values[(int)(0.95 * (values.Count - 1))];
        return hi <= 0 ? 0 : (hi - lo) / hi;
    }

    /// <summary>
    /// A bilevel image without its specks: ink components smaller than <see cref="SpeckInches"/> both
    /// ways (a fax's pepper noise). A mark placed before a heading number stops it being a heading;
    /// the dot of an i or a Vietnamese tone mark is larger and stays. Null when nothing was removed.
    /// </summary>
    public static Pix? Despeckle(Pix bilevel, int dpi, out int removedPixels)
    {
        removedPixels = 0;
        int keep = Math.Max(2, (int)Math.Round(SpeckInches * dpi)) + 1;
        var clean = Pix.Own(TesseractNative.pixSelectBySize(bilevel.Raw, keep, keep, 8, SelectIfEither, SelectIfGte, out int changed));
        if (clean == null) return null;
        if (changed == 0) { clean.Dispose(); return null; }
        TesseractNative.pixCountPixels(bilevel.Raw, out int before, IntPtr.Zero);
        TesseractNative.pixCountPixels(clean.Raw, out int after, IntPtr.Zero);
        removedPixels = before - after;
        return clean;
    }

    /// <summary>
    /// At this share of pinholes (see <see cref="PinholeShare"/>) or more a bilevel page is
    /// thickened: a fax's drop-outs leave 0.5–1.3% (one per hundred ink pixels), a clean page
    /// thresholded at 200 or 300 dpi none. Its thin, porous strokes lose commas and misread digits
    /// ("58,4" as "S84", "70" as "79", "74,8" as "748"); grown by a pixel they read right.
    /// </summary>
    public const double PorousInk = 0.002;

    /// <summary>Paper pixels with ink on all four sides (holes a fax's drop-outs leave inside strokes), per ink pixel.</summary>
    public static double PinholeShare(Pix bilevel)
    {
        var (inked, holes) = InkBits.Of(bilevel).InkAndPinholes();
        return inked == 0 ? 0 : holes / (double)inked;
    }

    /// <summary>A grey page's ink grown by a pixel on every side (the darkest of each 3×3 neighbourhood).</summary>
    public static Pix Thicken(Pix grey) => GreyMorphology.Darkest(grey, 3);

    // each step makes the page anew: the version it was made from is released at once (a 300 dpi
    // page is 9 MB, and a photo passes through up to six of them)
    private static Pix Replaced(Pix current, Pix next)
    {
        current.Dispose();
        return next;
    }

    private static Pix? Read(PageImage source)
    {
        if (source.Bytes is { } bytes) return Pix.Own(TesseractNative.pixReadMem(bytes, (nuint)bytes.Length));
        if (!File.Exists(source.Source)) throw new DocumentFailure($"page image missing ({Path.GetFileName(source.Source)})");
        return Pix.Own(source.Frame > 0 || IsTiff(source.Source)
            ? TesseractNative.pixReadTiff(source.Source, source.Frame)
            : TesseractNative.pixRead(source.Source));
    }

    /// <summary>Sauvola's window (inches each side of a pixel) and weight of the local spread: a few letters across.</summary>
    private const double SauvolaHalfWindowInches = 0.07;
    private const float SauvolaFactor = 0.34f;

    /// <summary>
    /// Another preparation of a prepared page, for a second reading when the first lost text:
    /// background normalisation when the measurement did not call for it, else a threshold from
    /// each pixel's neighbourhood (Sauvola), which keeps text that one threshold for the whole page
    /// (Otsu, Tesseract's own) drops. None for a bilevel page, which has no grey to threshold again.
    /// <paramref name="evenlyLit"/>: the page made evenly lit already (<see cref="EvenLight.Of"/>), if
    /// the caller has it; the normalisation is not made twice.
    /// </summary>
    public static (Pix? Image, string How) Alternative(Pix prepared, int dpi, IReadOnlyList<string> steps, Pix? evenlyLit = null)
    {
        if (steps.Any(s => s.StartsWith("despeckle"))) return (null, "");
        if (!steps.Any(s => s.StartsWith("background")))
            return (evenlyLit != null ? Pix.Own(TesseractNative.pixClone(evenlyLit.Raw)) : EvenLight.Of(prepared), "background");
        int half = Math.Max(7, (int)Math.Round(SauvolaHalfWindowInches * dpi));
        if (TesseractNative.pixSauvolaBinarizeTiled(prepared.Raw, half, SauvolaFactor, 1, 1, IntPtr.Zero, out var binary) != 0 || binary == IntPtr.Zero)
            return (null, "");
        using var bilevel = Pix.Own(binary)!;
        var grey = Pix.Own(TesseractNative.pixConvertTo8(bilevel.Raw, 0));
        if (grey != null) TesseractNative.pixSetResolution(grey.Raw, dpi, dpi);
        return (grey, "sauvola");
    }

    /// <summary>A copy scaled by <paramref name="factor"/>, for the retry at another resolution.</summary>
    public static Pix Scale(Pix image, float factor, int dpi)
    {
        var scaled = LinearScale.Scale(image, factor);
        int d = (int)Math.Round(dpi * factor);
        TesseractNative.pixSetResolution(scaled.Raw, d, d);
        return scaled;
    }

    public static int TiffPageCount(string path)
    {
        var fp = TesseractNative.fopen(path, "rb");
        if (fp == IntPtr.Zero) throw new DocumentFailure("image could not be opened");
        try
        {
            return TesseractNative.tiffGetCount(fp, out var n) == 0 ? n : throw new DocumentFailure("TIFF could not be read");
        }
        finally { TesseractNative.fclose(fp); }
    }

    public static bool IsTiff(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var f = File.OpenRead(path);
        return f.Read(head) == 4 && (head.SequenceEqual("II*\0"u8) || head.SequenceEqual("MM\0*"u8));
    }
}
