using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Core.Ports;

/// <summary>
/// Reads page images into positioned, scored words. Implementations own their engines (one per
/// worker) and spread pages over all cores; a page that cannot be read comes back with a
/// <see cref="OcrPageResult.Failure"/>, it does not throw, so the rest of its document goes on.
/// </summary>
public interface IPageOcr
{
    Task<OcrPageResult> RecognizeAsync(PageImageRequest request, CancellationToken ct);
}

/// <summary>
/// A page to read. The image is produced by <see cref="Acquire"/> on the worker that reads it,
/// so a 200-page scan never has more page images in memory (or on disk) than there are workers.
/// </summary>
public sealed record PageImageRequest(string DocumentPath, int Page, Func<CancellationToken, PageImage> Acquire);

/// <summary>
/// The image of a page: a file (<see cref="Frame"/> selects a page of a multi-page TIFF), or the
/// encoded image itself in <see cref="Bytes"/> (JPEG, PNG, PNM: a scan's page taken out of its PDF,
/// or a page drawn by a renderer), so that no temporary file is written for it; <see cref="Source"/>
/// then only names it. <see cref="PageWidthPoints"/> scales the words to the page's own units when
/// the image stands for a PDF page; otherwise they are scaled by the image's resolution.
/// <see cref="Dpi"/> is the resolution the PDF gives the image (its pixels over the page's width);
/// for a file it is the fallback when the file does not say.
/// </summary>
public sealed record PageImage(string Source, byte[]? Bytes = null, int Frame = 0, double? Dpi = null, double? PageWidthPoints = null)
{
    public static PageImage File(string path, int frame = 0) => new(path, Frame: frame);

    public static PageImage Encoded(string source, byte[] bytes, double dpi, double pageWidthPoints) =>
        new(source, bytes, Dpi: dpi, PageWidthPoints: pageWidthPoints);
}

/// <summary>
/// The words of one page, the engine's mean confidence (0–100), and how it got them;
/// <see cref="Warning"/> says when the page was read but may have lost text.
/// </summary>
public sealed record OcrPageResult(int Page, LayoutPage? Layout, double MeanConfidence, string Settings, string? Failure, string? Warning = null)
{
    public bool Ok => Failure == null && Layout != null;
}
