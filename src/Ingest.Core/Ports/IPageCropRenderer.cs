using Ingest.Core.Review;

namespace Ingest.Core.Ports;

/// <summary>
/// Draws part of one page of a PDF or an image file as PNG, for the reviewer's page: the lines
/// around a target's value. Throws <see cref="Model.DocumentFailure"/> with a one-line reason when it cannot.
/// </summary>
public interface IPageCropRenderer
{
    /// <summary>Whether this renderer draws files with this extension (".pdf", ".tif" …).</summary>
    bool Draws(string extension);

    /// <summary>The crop's area of its page as PNG; its pixels may be at another resolution than the crop's, in the same proportions.</summary>
    byte[] RenderPng(string path, Crop crop, CancellationToken ct);
}
