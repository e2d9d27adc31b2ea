using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Text;

namespace Ingest.Adapters.Poppler;

/// <summary>
/// PDFs through poppler: pdfinfo for encryption and damage, pdftotext -bbox-layout for the text
/// layer, and, page by page, OCR where that layer is missing or cannot be trusted (see
/// <see cref="TextLayerCheck"/>). Text-layer pages and OCR'd pages are laid out the same way, so a
/// mixed PDF reads as one document.
/// </summary>
public sealed class PdfReader(PopplerTools tools, IPageOcr? ocr = null, Lexicon? lexicon = null) : IDocumentReader
{
    private readonly Lexicon _lexicon = lexicon ?? Lexicon.Default;
    private readonly LayoutBlocks _layout = new(lexicon ?? Lexicon.Default);

    public SourceFormat Format => SourceFormat.Pdf;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        head.Length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-' ||
        extension == ".pdf" && head.IndexOf("%PDF-"u8) >= 0;

    public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> progress, CancellationToken ct)
    {
        var info = tools.Run("pdfinfo", [path], ct);
        if (info.ExitCode != 0)
        {
            var err = PopplerTools.FirstMeaningful(info.StdErr);
            if (err.Contains("password", StringComparison.OrdinalIgnoreCase) || err.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
                throw new DocumentFailure("encrypted PDF (password required)");
            throw new DocumentFailure($"corrupt or unreadable PDF ({err})");
        }
        var text = tools.Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", path, "-"], ct);
        if (text.ExitCode != 0)
        {
            var err = PopplerTools.FirstMeaningful(text.StdErr);
            if (err.Contains("password", StringComparison.OrdinalIgnoreCase)) throw new DocumentFailure("encrypted PDF (password required)");
            throw new DocumentFailure($"pdftotext failed ({err})");
        }
        var pages = BBoxLayoutParser.Parse(text.StdOut);
        if (pages.Count == 0) throw new DocumentFailure("PDF has no pages");
        var verdicts = new TextLayerCheck(new SyllableShape(_lexicon)).Assess(pages);
        var diagnostics = new List<Diagnostic>();
        var ocrPages = verdicts.Where(v => v.NeedsOcr).ToList();
        // the text layer is read already; the pages that need OCR are counted as they come back
        var tally = new PageTally(progress, pages.Count, pages.Count - (ocr == null ? 0 : ocrPages.Count));
        var recognised = new Dictionary<int, LayoutPage>();
        if (ocrPages.Count > 0)
        {
            if (ocr == null)
            {
                foreach (var v in ocrPages)
                    diagnostics.Add(new Diagnostic(Severity.Warning, "load", $"page {v.Page}: {v.Reason}; OCR is not available in this build", v.Page));
            }
            else
            {
                foreach (var v in ocrPages.Where(v => v.Verdict == TextLayerVerdict.Garbage))
                    diagnostics.Add(new Diagnostic(Severity.Info, "load", $"page {v.Page}: {v.Reason}; page read by OCR instead", v.Page));
                foreach (var p in Recognise(path, pages, ocrPages.Select(v => v.Page).ToList(), diagnostics, tally, ct)) recognised[p.Number] = p;
            }
        }
        var readable = pages
            .Where((p, i) => !verdicts[i].NeedsOcr || recognised.ContainsKey(p.Number))
            .Select(p => recognised.GetValueOrDefault(p.Number, p))
            .ToList();
        if (readable.Count == 0)
            throw new DocumentFailure(ocr == null
                ? "PDF has no text layer (a scan): OCR is needed and not available in this build"
                : "PDF has no readable page");
        return Build(path, sha256, readable, pages.Count, recognised.Count > 0, diagnostics);
    }

    private LoadedDocument Build(string path, string sha256, IReadOnlyList<LayoutPage> pages, int pageCount, bool ocrUsed, IReadOnlyList<Diagnostic> diagnostics) =>
        new(path, SourceFormat.Pdf, sha256, pageCount, ocrUsed, _layout.Build(pages), diagnostics);

    private IReadOnlyList<LayoutPage> Recognise(string path, IReadOnlyList<LayoutPage> pages, IReadOnlyList<int> numbers, List<Diagnostic> diagnostics, PageTally tally, CancellationToken ct)
    {
        var images = new PdfPageImages(tools, path, pages);
        try
        {
            var requests = numbers.Select(n => new PageImageRequest(path, n, token => images.Extract(n, token)));
            return OcrPages.Collect(OcrPages.ReadAll(ocr!, requests, tally, ct), diagnostics, anyOtherPage: numbers.Count < pages.Count);
        }
        finally { images.Dispose(); }
    }
}
