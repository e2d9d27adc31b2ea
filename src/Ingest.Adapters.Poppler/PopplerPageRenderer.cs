using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Ports;

namespace Ingest.Adapters.Poppler;

/// <summary>
/// Renders a PDF page in grey at 300 dpi with `pdftoppm`, the one job poppler still does: the
/// text layer and a scan's own page image are read in-process. The image comes back on the
/// tool's standard output (PGM), so nothing is written to disk.
/// </summary>
public sealed class PopplerPageRenderer(PopplerTools tools) : IPdfPageRenderer
{
    private const int RenderDpi = 300;

    public PageImage Render(string pdfPath, int page, double pageWidthPoints, CancellationToken ct)
    {
        var n = page.ToString(CultureInfo.InvariantCulture);
        var r = tools.Run("pdftoppm", ["-f", n, "-l", n, "-r", RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", pdfPath], ct);
        if (r.ExitCode != 0 || r.StdOut.Length == 0)
            throw new DocumentFailure($"page could not be rendered ({PopplerTools.FirstMeaningful(r.StdErr)})");
        return PageImage.Encoded($"{Path.GetFileName(pdfPath)} page {n}", r.StdOut, RenderDpi, pageWidthPoints);
    }
}
