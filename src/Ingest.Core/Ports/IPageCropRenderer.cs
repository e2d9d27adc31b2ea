using Ingest.Core.Review;

namespace Ingest.Core.Ports;

/// <summary>
/// Draws part of one page of a PDF or an image file as PNG, for the reviewer's page: the lines
/// around a target's value. Throws <see cref="Model.DocumentFailure"/> with a one-line reason when it cannot.
/// </summary>
public interface IPageCropRenderer
{
    /// <summary>
    /// Whether this renderer draws files with this extension (".pdf", ".tif" …); <paramref name="readByOcr"/>
    /// says the document was read by OCR, so its words' boxes lie on its page images as prepared for
    /// recognition (deskewed, a photo flattened), not on the page as a PDF draws it.
    /// </summary>
    bool Draws(string extension, bool readByOcr);

    /// <summary>The crop's area of its page as PNG; its pixels may be at another resolution than the crop's, in the same proportions.</summary>
    byte[] RenderPng(string path, Crop crop, CancellationToken ct);
}
