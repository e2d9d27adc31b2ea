using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Scans and photos: TIFF (every page), PNG and JPEG, recognised page by page through the OCR
/// workers and laid out like a PDF page, so tables are rebuilt the same way.
/// </summary>
public sealed class ImageReader(IPageOcr ocr, Lexicon? lexicon = null) : IPageSetReader
{
    /// <summary>Larger than any page scanned at 600 dpi; a bigger image is refused before decoding.</summary>
    public const long MaxPixels = 150_000_000;

    private readonly LayoutBlocks _blocks = new(lexicon ?? Lexicon.Default);

    public SourceFormat Format => SourceFormat.Image;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("\x89PNG"u8) || head.StartsWith("\xFF\xD8\xFF"u8)
        || extension is ".tif" or ".tiff" or ".png" or ".jpg" or ".jpeg";

    public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> progress, CancellationToken ct) =>
        ReadPages(path, [path], sha256, progress, ct);

    /// <summary>The files' pages as one document's, numbered on from file to file, all in the one OCR queue.</summary>
    public LoadedDocument ReadPages(string path, IReadOnlyList<string> files, string sha256, IProgress<PagesRead> progress, CancellationToken ct)
    {
        TesseractNative.EnsureLoaded();
        var frames = new List<(string File, int Frame)>();
        foreach (var f in files)
        {
            int count;
            try { count = PageCount(f); }
            catch (DocumentFailure e) when (files.Count > 1) { throw new DocumentFailure($"page image {Path.GetFileName(f)}: {e.Message}"); }
            frames.AddRange(Enumerable.Range(0, count).Select(i => (f, i)));
        }
        var requests = frames.Select((p, i) => new PageImageRequest(path, i + 1, _ => PageImage.File(p.File, p.Frame)));
        var diagnostics = new List<Diagnostic>();
        var read = OcrPages.ReadAll(ocr, requests, new PageTally(progress, frames.Count), ct);
        var layouts = OcrPages.Collect(read, diagnostics, anyOtherPage: false);
        return new LoadedDocument(path, SourceFormat.Image, sha256, frames.Count, true, _blocks.Build(layouts), diagnostics);
    }

    private static int PageCount(string path)
    {
        int format, w, h;
        try
        {
            if (TesseractNative.pixReadHeader(path, out format, out w, out h, out _, out _, out _) != 0)
                throw new DocumentFailure("not a readable image (TIFF, PNG or JPEG expected)");
        }
        catch (DllNotFoundException)
        {
            throw new DocumentFailure("leptonica (liblept5) is not installed; ./ingest installs it");
        }
        if ((long)w * h > MaxPixels)
            throw new DocumentFailure($"image is {w}×{h} pixels, more than the {MaxPixels / 1_000_000} megapixels a page can have");
        return PageImagePreparer.IsTiff(path) ? Math.Max(1, PageImagePreparer.TiffPageCount(path)) : 1;
    }
}
