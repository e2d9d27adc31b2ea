using Ingest.Core.Ports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Ingest.Adapters.PdfPig;

/// <summary>
/// The image of one PDF page, made when an OCR worker asks for it: the scanner's own image, in
/// memory and unchanged (a JPEG's bytes as stored; other encodings as PNG), when the page is one
/// image covering the page and is not rotated, or one image and nothing else (a photo placed on a
/// page with blank margins); otherwise the page drawn by the renderer. The
/// document is shared by the OCR workers, and PdfPig's parser is not thread-safe, so reading it
/// is one at a time.
/// </summary>
internal sealed class PdfPageImages(PdfDocument document, string pdfPath, IPdfPageRenderer renderer)
{
    // how far the image may fall short of the page, or its shape differ from the page's
    private const double Tolerance = 0.03;
    // a page holding one image and no text stands for that image when the image fills this much of it
    private const double MinAloneShare = 0.5;

    private readonly Lock _gate = new();

    public PageImage Acquire(int number, CancellationToken ct)
    {
        double width;
        lock (_gate)
        {
            ct.ThrowIfCancellationRequested();
            var page = document.GetPage(number);
            width = page.Width;
            if (Embedded(page) is { } image) return image;
        }
        return renderer.Render(pdfPath, number, width, ct);
    }

    private PageImage? Embedded(Page page)
    {
        if (page.Rotation.Value % 360 != 0) return null;
        var images = page.GetImages().Where(i => !i.IsImageMask).Take(2).ToList();
        if (images.Count != 1) return null;
        var image = images[0];
        var box = image.BoundingBox;
        if (image.WidthInSamples <= 0 || image.HeightInSamples <= 0) return null;
        double imageAspect = image.WidthInSamples / (double)image.HeightInSamples;
        bool covers = box.Width >= (1 - Tolerance) * page.Width && box.Height >= (1 - Tolerance) * page.Height
            && Math.Abs(page.Width / page.Height / imageAspect - 1) <= Tolerance;
        // a phone photo put on an A4 page keeps its own shape, with blank bands beside it: drawn with
        // them, a photo's page would no longer stand out against the desk around it (PageFrame)
        bool alone = page.Letters.Count == 0 && box.Width * box.Height >= MinAloneShare * page.Width * page.Height
            && Math.Abs(box.Width / box.Height / imageAspect - 1) <= Tolerance;
        if (!covers && !alone) return null;
        double widthPoints = covers ? page.Width : box.Width;
        double dpi = image.WidthInSamples / (widthPoints / 72.0);
        var name = $"{Path.GetFileName(pdfPath)} page {page.Number}";
        var raw = image.RawMemory.Span;
        // a JPEG is stored as the file itself (DCTDecode): leptonica reads it as the scanner wrote it
        if (raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8 && raw[2] == 0xFF)
            return PageImage.Encoded(name, raw.ToArray(), dpi, widthPoints);
        return image.TryGetPng(out var png) ? PageImage.Encoded(name, png, dpi, widthPoints) : null;
    }
}
