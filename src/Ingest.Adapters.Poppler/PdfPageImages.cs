using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Adapters.Poppler;

/// <summary>
/// The image of one PDF page, made when an OCR worker asks for it: the scanner's own image taken
/// out unchanged (`pdfimages`) when the page is exactly one image covering the page, otherwise the
/// page rendered in grey at 300 dpi (`pdftoppm`). Files go to a private temporary folder that is
/// removed with this object.
/// </summary>
internal sealed partial class PdfPageImages(PopplerTools tools, string pdfPath, IReadOnlyList<LayoutPage> pages) : IDisposable
{
    private const int RenderDpi = 300;
    private const double AspectTolerance = 0.03;

    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-pages-").FullName;
    private readonly Lazy<IReadOnlyDictionary<int, List<EmbeddedImage>>> _images = new(() => ListImages(tools, pdfPath));
    private readonly Lazy<IReadOnlyDictionary<int, int>> _rotation = new(() => ReadRotation(tools, pdfPath, pages.Count));

    internal sealed record EmbeddedImage(int Width, int Height, string Encoding, double Ppi);

    public PageImage Extract(int page, CancellationToken ct)
    {
        var size = pages[page - 1];
        var prefix = Path.Combine(_dir, $"p{page}");
        var n = page.ToString(CultureInfo.InvariantCulture);
        if (SingleImage(page, size) is { } image)
        {
            bool jpeg = image.Encoding == "jpeg";
            var r = tools.Run("pdfimages", ["-f", n, "-l", n, jpeg ? "-j" : "-tiff", pdfPath, prefix], ct);
            var file = Directory.EnumerateFiles(_dir, $"p{page}-*").Order(StringComparer.Ordinal).FirstOrDefault();
            if (r.ExitCode == 0 && file != null)
                return new PageImage(file, Dpi: image.Ppi > 0 ? image.Ppi : null, PageWidthPoints: size.Width, Temporary: true);
        }
        var render = tools.Run("pdftoppm", ["-f", n, "-l", n, "-r", RenderDpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", pdfPath, prefix], ct);
        var pgm = prefix + ".pgm";
        if (render.ExitCode != 0 || !File.Exists(pgm))
            throw new DocumentFailure($"page could not be rendered ({PopplerTools.FirstMeaningful(render.StdErr)})");
        return new PageImage(pgm, Dpi: RenderDpi, PageWidthPoints: size.Width, Temporary: true);
    }

    /// <summary>The page's one image when it fills the page (a scan), and the page is not rotated.</summary>
    private EmbeddedImage? SingleImage(int page, LayoutPage size)
    {
        if (_rotation.Value.GetValueOrDefault(page) % 360 != 0) return null;
        if (!_images.Value.TryGetValue(page, out var list) || list.Count != 1) return null;
        var img = list[0];
        double pageAspect = size.Width / size.Height, imageAspect = img.Width / (double)img.Height;
        return Math.Abs(pageAspect / imageAspect - 1) <= AspectTolerance ? img : null;
    }

    // page   num  type   width height color comp bpc  enc interp  object ID x-ppi y-ppi size ratio
    [GeneratedRegex(@"^\s*(?<page>\d+)\s+\d+\s+(?<type>\w+)\s+(?<w>\d+)\s+(?<h>\d+)\s+\S+\s+\d+\s+\d+\s+(?<enc>\S+)\s+\S+\s+\d+\s+\d+\s+(?<ppi>\d+)", RegexOptions.Multiline)]
    private static partial Regex ListRow();

    internal static IReadOnlyDictionary<int, List<EmbeddedImage>> ListImages(PopplerTools tools, string pdfPath)
    {
        var r = tools.Run("pdfimages", ["-list", pdfPath], CancellationToken.None);
        return ParseList(r.ExitCode == 0 ? r.StdOut : "");
    }

    internal static IReadOnlyDictionary<int, List<EmbeddedImage>> ParseList(string listing)
    {
        var result = new Dictionary<int, List<EmbeddedImage>>();
        foreach (Match m in ListRow().Matches(listing))
        {
            // masks travel with their image; only real images count
            if (m.Groups["type"].Value != "image") continue;
            int page = int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture);
            if (!result.TryGetValue(page, out var list)) result[page] = list = [];
            list.Add(new EmbeddedImage(int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
                m.Groups["enc"].Value, double.Parse(m.Groups["ppi"].Value, CultureInfo.InvariantCulture)));
        }
        return result;
    }

    [GeneratedRegex(@"^Page\s+(?<page>\d+)\s+rot:\s+(?<rot>-?\d+)", RegexOptions.Multiline)]
    private static partial Regex RotationRow();

    private static IReadOnlyDictionary<int, int> ReadRotation(PopplerTools tools, string pdfPath, int count)
    {
        var r = tools.Run("pdfinfo", ["-f", "1", "-l", count.ToString(CultureInfo.InvariantCulture), pdfPath], CancellationToken.None);
        return RotationRow().Matches(r.StdOut).ToDictionary(
            m => int.Parse(m.Groups["page"].Value, CultureInfo.InvariantCulture),
            m => int.Parse(m.Groups["rot"].Value, CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
