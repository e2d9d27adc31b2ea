using Ingest.Core.Model;
using Ingest.Core.Ports;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Loads a page image with leptonica and applies the chosen clean-ups: grey, background
/// normalisation, scaling up a low-resolution image, deskew, and painting out table borders.
/// Returns the image Tesseract reads, its resolution and the ruling lines found on it.
/// </summary>
internal static class PageImagePreparer
{
    /// <summary>What scanners and renderers produce when a file carries no resolution.</summary>
    private const int AssumedDpi = 300;

    public static (Pix Image, int Dpi, PageRules Rules) Load(PageImage source, PreprocessOptions options)
    {
        using var raw = Read(source) ?? throw new DocumentFailure("image could not be decoded");
        // a PDF places its image on the page, which gives its true resolution whatever the image's header says
        int dpi = source.Bytes != null && source.Dpi is { } placed ? (int)Math.Round(placed)
            : raw.XRes >= 70 ? raw.XRes : (int)Math.Round(source.Dpi ?? AssumedDpi);
        var current = Pix.Own(TesseractNative.pixConvertTo8(raw.Raw, 0)) ?? throw new DocumentFailure("image could not be converted to grey");
        try
        {
            if (options.NormalizeBackground)
                current = Replace(current, TesseractNative.pixBackgroundNorm(current.Raw, IntPtr.Zero, IntPtr.Zero, 10, 15, 100, 50, 255, 2, 1));
            if (options.Upsample && dpi < PreprocessOptions.MinDpi)
            {
                float f = PreprocessOptions.TargetDpi / (float)dpi;
                current = Replace(current, TesseractNative.pixScale(current.Raw, f, f));
                dpi = PreprocessOptions.TargetDpi;
            }
            if (options.Deskew)
                current = Replace(current, TesseractNative.pixDeskew(current.Raw, 0));
            TesseractNative.pixSetResolution(current.Raw, dpi, dpi);
            var rules = RuleFinder.Find(current, dpi, options.EraseRules);
            return (current, dpi, rules);
        }
        catch
        {
            current.Dispose();
            throw;
        }
    }

    private static Pix? Read(PageImage source)
    {
        if (source.Bytes is { } bytes) return Pix.Own(TesseractNative.pixReadMem(bytes, (nuint)bytes.Length));
        if (!File.Exists(source.Source)) throw new DocumentFailure($"page image missing ({Path.GetFileName(source.Source)})");
        return Pix.Own(source.Frame > 0 || IsTiff(source.Source)
            ? TesseractNative.pixReadTiff(source.Source, source.Frame)
            : TesseractNative.pixRead(source.Source));
    }

    /// <summary>A copy scaled by <paramref name="factor"/>, for the retry at another resolution.</summary>
    public static Pix Scale(Pix image, float factor, int dpi)
    {
        var scaled = Pix.Own(TesseractNative.pixScale(image.Raw, factor, factor)) ?? throw new DocumentFailure("image could not be scaled");
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

    // a failed step keeps the image it was given, so one unusual page never loses the rest
    private static Pix Replace(Pix current, IntPtr next)
    {
        var p = Pix.Own(next);
        if (p == null) return current;
        current.Dispose();
        return p;
    }
}
