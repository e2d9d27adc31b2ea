using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;

namespace Ingest.Adapters.Poppler;

/// <summary>
/// Draws the part of a PDF page around a target's line with `pdftoppm -x -y -W -H`: only that area
/// is rasterised, which is what keeps the first view of a page quick. PNG on standard output.
/// </summary>
public sealed class PopplerPageCrops(PopplerTools tools) : IPageCropRenderer
{
    public bool Draws(string extension, bool readByOcr) => !readByOcr && extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    public byte[] RenderPng(string path, Crop crop, CancellationToken ct)
    {
        static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        var a = crop.Area;
        var r = tools.Run("pdftoppm", ["-f", S(crop.Page), "-l", S(crop.Page), "-r", S(crop.Dpi),
            "-x", S(a.X), "-y", S(a.Y), "-W", S(a.Width), "-H", S(a.Height), "-png", "-singlefile", path], ct);
        if (r.ExitCode != 0 || r.StdOut.Length == 0)
            throw new DocumentFailure($"page {crop.Page} could not be drawn ({PopplerTools.FirstMeaningful(r.StdErr)})");
        return r.StdOut;
    }
}
