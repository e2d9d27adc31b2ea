using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Cuts the part of a scanned image (TIFF page, PNG, JPEG) around a target's line with leptonica, as
/// PNG, from the page as the reader saw it: the image prepared as for recognition (a photo
/// flattened, a page deskewed or scaled up; <see cref="PageImagePreparer"/> with the default steps),
/// since the words' boxes were read there and the image as stored can lie elsewhere. The crop is
/// planned in page points, at the prepared image's resolution. A PDF read by OCR is drawn the same
/// way, from its page's image as the PDF reader hands it to OCR (<paramref name="pdfPage"/>).
/// </summary>
public sealed class ImageCrops(Func<string, int, CancellationToken, PageImage>? pdfPage = null) : IPageCropRenderer
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".tif", ".tiff", ".png", ".jpg", ".jpeg" };

    public bool Draws(string extension, bool readByOcr) =>
        Extensions.Contains(extension) || (readByOcr && pdfPage != null && extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase));

    public byte[] RenderPng(string path, Crop crop, CancellationToken ct)
    {
        TesseractNative.EnsureLoaded();
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var source = extension == ".pdf" && pdfPage != null ? pdfPage(path, crop.Page, ct)
            : PageImage.File(path, extension is ".tif" or ".tiff" ? crop.Page - 1 : 0);
        var prepared = PageImagePreparer.Load(source, PreprocessOptions.Default);
        using var page = prepared.Image;
        // the words were placed on the page as the OCR placed them: a PDF page's image spans the page's width
        double pixelsPerPoint = source.PageWidthPoints is { } w ? page.Width / w : prepared.Dpi / 72.0;
        double f = pixelsPerPoint * 72.0 / crop.Dpi;
        var a = crop.Area;
        using var cut = page.Clip((int)(a.X * f), (int)(a.Y * f), Math.Max(1, (int)(a.Width * f)), Math.Max(1, (int)(a.Height * f)))
            ?? throw new DocumentFailure($"page {crop.Page}: the line lies outside the image");
        return cut.ToPng() ?? throw new DocumentFailure($"page {crop.Page}: the crop could not be written as PNG");
    }
}
