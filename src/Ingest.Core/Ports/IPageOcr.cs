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
/// An image file holding the page (<see cref="Frame"/> selects a page of a multi-page TIFF).
/// <see cref="PageWidthPoints"/> scales the words to the page's own units when the image stands
/// for a PDF page; otherwise they are scaled by the image's resolution (<see cref="Dpi"/> when the
/// file does not say). <see cref="Temporary"/> files are deleted once read.
/// </summary>
public sealed record PageImage(string Path, int Frame = 0, double? Dpi = null, double? PageWidthPoints = null, bool Temporary = false);

/// <summary>The words of one page, the engine's mean confidence (0–100), and how it got them.</summary>
public sealed record OcrPageResult(int Page, LayoutPage? Layout, double MeanConfidence, string Settings, string? Failure)
{
    public bool Ok => Failure == null && Layout != null;
}
