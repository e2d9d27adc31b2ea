using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ingest.Core.Model;

namespace Ingest.Adapters.Tesseract;

/// <summary>Tesseract's raw answer for one page: TSV words and the mean confidence (0–100).</summary>
internal sealed record OcrRun(string Tsv, int MeanConfidence, int Words);

/// <summary>Recognition failed inside the engine (not a timeout, not a cancellation).</summary>
internal sealed class OcrEngineFailure(string message) : Exception(message);

/// <summary>
/// One Tesseract engine. Not thread-safe: each worker creates one, once, and reuses it for every
/// page it reads. Recognition can be cancelled through the engine's progress monitor, which is how
/// the per-page timeout really stops work instead of abandoning a busy thread.
/// </summary>
internal sealed unsafe class TesseractEngine : IDisposable
{
    private IntPtr _api;

    public TesseractEngine(string tessdata, string language)
    {
        _api = TesseractNative.TessBaseAPICreate();
        if (_api == IntPtr.Zero) throw new DocumentFailure("tesseract could not be created");
        if (TesseractNative.TessBaseAPIInit3(_api, tessdata, language) != 0)
        {
            TesseractNative.TessBaseAPIDelete(_api);
            _api = IntPtr.Zero;
            throw new DocumentFailure($"tesseract could not load language '{language}' from {tessdata}");
        }
        // the engine's progress notes ("Detected 60 diacritics") would interleave with ours on stderr
        TesseractNative.TessBaseAPISetVariable(_api, "debug_file", "/dev/null");
        // the layout stage tests every text row for typewriter (fixed) pitch, a dynamic programme
        // over its letters that only the legacy classifier's word splitting uses; the LSTM reads a
        // row whole and finds its own spaces. It was 4% of a 300 dpi page's instructions
        // (callgrind, two pages: same text without it)
        TesseractNative.TessBaseAPISetVariable(_api, "textord_disable_pitch_test", "1");
        // paragraphs only separate one line's words from the next line's here (TsvLayout.Parse keys
        // a line by block, paragraph and line, and lines are numbered afresh in each paragraph), which
        // any split into paragraphs does; found from the text after recognition, they cost a walk
        // through every line's letters (1.4% of a phone-photo batch), from the layout before it a
        // tenth of that
        TesseractNative.TessBaseAPISetVariable(_api, "paragraph_text_based", "0");
    }

    /// <summary>
    /// Reads the image, or only the rectangle <paramref name="region"/> of it (x, y, width, height
    /// in pixels); the words' boxes are in the whole image's pixels either way.
    /// </summary>
    public OcrRun Recognize(Pix image, int dpi, int pageSegMode, CancellationToken ct, (int X, int Y, int W, int H)? region = null)
    {
        ObjectDisposedException.ThrowIf(_api == IntPtr.Zero, this);
        if (region is not { } r) return Read(image, image, dpi, pageSegMode, ct, 0, 0);
        // the engine takes a copy of every image it is given: a table cell is cut out first rather
        // than read as a rectangle of the page, which copied the whole page for each of its cells
        using var piece = image.Clip(r.X, r.Y, r.W, r.H) ?? throw new OcrEngineFailure("the region lies outside the image");
        return Read(piece, image, dpi, pageSegMode, ct, r.X, r.Y);
    }

    /// <summary>Reads <paramref name="piece"/>, which lies at (dx, dy) in <paramref name="page"/>; boxes in the page's pixels.</summary>
    private OcrRun Read(Pix piece, Pix page, int dpi, int pageSegMode, CancellationToken ct, int dx, int dy)
    {
        TesseractNative.TessBaseAPISetPageSegMode(_api, pageSegMode);
        TesseractNative.TessBaseAPISetImage2(_api, piece.Raw);
        TesseractNative.TessBaseAPISetSourceResolution(_api, dpi);
        var box = new StrongBox<CancellationToken>(ct);
        var handle = GCHandle.Alloc(box);
        var monitor = TesseractNative.TessMonitorCreate();
        try
        {
            TesseractNative.TessMonitorSetCancelFunc(monitor, &ShouldCancel);
            TesseractNative.TessMonitorSetCancelThis(monitor, GCHandle.ToIntPtr(handle));
            int rc = TesseractNative.TessBaseAPIRecognize(_api, monitor);
            ct.ThrowIfCancellationRequested();
            if (rc != 0) throw new OcrEngineFailure("tesseract could not recognise the page");
            var tsv = EngineWords.Rows(_api);
            if (dx != 0 || dy != 0) tsv = TsvLayout.MoveBoxes(tsv, 1, dx, dy);
            tsv = InequalityGlyphs.Restore(tsv, page.Width, page.Height, page.IsDark);
            int words = tsv.Split('\n').Count(l => TsvLayout.WordRow(l) is { } f && f[11].Length > 0);
            return new OcrRun(tsv, TesseractNative.TessBaseAPIMeanTextConf(_api), words);
        }
        finally
        {
            TesseractNative.TessMonitorDelete(monitor);
            handle.Free();
            TesseractNative.TessBaseAPIClear(_api);
        }
    }

    /// <summary>
    /// The image as the engine thresholds it to read it: one threshold for the whole page. Reading
    /// a rectangle of a grey page thresholds the rectangle alone, and a table cell of paper and a
    /// few figures under scanner noise splits at a level inside the noise: on a page turned 3°,
    /// an empty cell came out as a block of invented letters, "58,3" as "98,3" and "≥ 95" as "=2".
    /// Null when the engine could not threshold it.
    /// </summary>
    public Pix? Binarize(Pix image, int dpi)
    {
        ObjectDisposedException.ThrowIf(_api == IntPtr.Zero, this);
        TesseractNative.TessBaseAPISetImage2(_api, image.Raw);
        TesseractNative.TessBaseAPISetSourceResolution(_api, dpi);
        try { return Pix.Own(TesseractNative.TessBaseAPIGetThresholdedImage(_api)); }
        finally { TesseractNative.TessBaseAPIClear(_api); }
    }

    [UnmanagedCallersOnly]
    private static byte ShouldCancel(IntPtr cancelThis, int words)
    {
        var box = (StrongBox<CancellationToken>?)GCHandle.FromIntPtr(cancelThis).Target;
        return box != null && box.Value.IsCancellationRequested ? (byte)1 : (byte)0;
    }

    public void Dispose()
    {
        if (_api == IntPtr.Zero) return;
        TesseractNative.TessBaseAPIEnd(_api);
        TesseractNative.TessBaseAPIDelete(_api);
        _api = IntPtr.Zero;
    }
}
