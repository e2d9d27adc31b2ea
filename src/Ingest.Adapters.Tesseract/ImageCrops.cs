using System.Runtime.InteropServices;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Cuts the part of a scanned image (TIFF page, PNG, JPEG) around a target's line with leptonica,
/// at the image's own resolution, as PNG. The crop is planned in page points; the image's pixels per
/// point are found as the OCR found them (its resolution, else 300 dpi).
/// </summary>
public sealed class ImageCrops : IPageCropRenderer
{
    private const int AssumedDpi = 300;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".tif", ".tiff", ".png", ".jpg", ".jpeg" };

    public bool Draws(string extension) => Extensions.Contains(extension);

    public byte[] RenderPng(string path, Crop crop, CancellationToken ct)
    {
        TesseractNative.EnsureLoaded();
        bool tiff = Path.GetExtension(path).ToLowerInvariant() is ".tif" or ".tiff";
        using var page = Pix.Own(tiff ? TesseractNative.pixReadTiff(path, crop.Page - 1) : TesseractNative.pixRead(path))
            ?? throw new DocumentFailure($"page {crop.Page} of the image could not be read");
        int dpi = page.XRes >= 70 ? page.XRes : AssumedDpi;
        double f = (double)dpi / crop.Dpi;
        var a = crop.Area;
        var box = TesseractNative.boxCreate((int)(a.X * f), (int)(a.Y * f), Math.Max(1, (int)(a.Width * f)), Math.Max(1, (int)(a.Height * f)));
        try
        {
            using var cut = Pix.Own(TesseractNative.pixClipRectangle(page.Raw, box, IntPtr.Zero))
                ?? throw new DocumentFailure($"page {crop.Page}: the line lies outside the image");
            if (TesseractNative.pixWriteMemPng(out var data, out var size, cut.Raw, 0) != 0 || data == IntPtr.Zero)
                throw new DocumentFailure($"page {crop.Page}: the crop could not be written as PNG");
            try
            {
                var bytes = new byte[(int)size];
                Marshal.Copy(data, bytes, 0, bytes.Length);
                return bytes;
            }
            finally { TesseractNative.lept_free(data); }
        }
        finally { TesseractNative.boxDestroy(ref box); }
    }
}
