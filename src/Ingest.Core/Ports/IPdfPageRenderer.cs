namespace Ingest.Core.Ports;

/// <summary>
/// Draws one page of a PDF as an image, for OCR of a page whose text layer cannot be trusted and
/// that is not simply one embedded scan (vector text in a broken font, a page of several images,
/// a rotated page). Throws <see cref="Model.DocumentFailure"/> with a one-line reason when it cannot.
/// </summary>
public interface IPdfPageRenderer
{
    PageImage Render(string pdfPath, int page, double pageWidthPoints, CancellationToken ct);
}
