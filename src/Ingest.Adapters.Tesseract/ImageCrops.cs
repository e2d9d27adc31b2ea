using System.Runtime.InteropServices;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Cuts the part of a scanned image (TIFF page, PNG, JPEG) around a target's line with leptonica, as
/// PNG, from the page as the reader saw it: the image prepared as for recognition (a photo
/// flattened, a page deskewed or scaled up; <see cref="PageImagePreparer"/> with the default steps),
/// since the words' boxes were read there and the image as stored can lie elsewhere. The crop is
/// planned in page points, at the prepared image's resolution.
/// </summary>
public sealed class ImageCrops : IPageCropRenderer
{
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".tif", ".tiff", ".png", ".jpg", ".jpeg" };

    public bool Draws(string extension) => Extensions.Contains(extension);

    public byte[] RenderPng(string path, Crop crop, CancellationToken ct)
    {
        TesseractNative.EnsureLoaded();
        bool tiff = Path.GetExtension(path).ToLowerInvariant() is ".tif" or ".tiff";
        var prepared = PageImagePreparer.Load(PageImage.File(path, tiff ? crop.Page - 1 : 0), PreprocessOptions.Default);
        using var page = prepared.Image;
        double f = (double)prepared.Dpi / crop.Dpi;
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
