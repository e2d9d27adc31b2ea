using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Ingest.Adapters.PdfPig;

/// <summary>
/// PDFs read in-process by PdfPig: the text layer of every page (<see cref="TextLayer"/>), and,
/// page by page, OCR where that layer is missing or cannot be trusted (see
/// <see cref="TextLayerCheck"/>), from the scan's own page image or, when the page is not one
/// image, a rendering (<see cref="IPdfPageRenderer"/>, the only outside tool left). Text-layer
/// pages and OCR'd pages are laid out the same way, so a mixed PDF reads as one document.
/// </summary>
public sealed class PdfReader(IPdfPageRenderer renderer, IPageOcr? ocr = null, Lexicon? lexicon = null, LoadOptions? limits = null) : IDocumentReader
{
    private readonly LoadOptions _limits = limits ?? LoadOptions.Default;
    private readonly Lexicon _lexicon = lexicon ?? Lexicon.Default;
    private readonly LayoutBlocks _layout = new(lexicon ?? Lexicon.Default);

    public SourceFormat Format => SourceFormat.Pdf;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        head.Length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-' ||
        extension == ".pdf" && head.IndexOf("%PDF-"u8) >= 0;

    public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> progress, CancellationToken ct)
    {
        using var document = Open(path);
        _limits.CheckPages(Parse(() => document.NumberOfPages));
        var pages = Parse(() =>
        {
            var read = new List<LayoutPage>(document.NumberOfPages);
            for (int n = 1; n <= document.NumberOfPages; n++)
            {
                ct.ThrowIfCancellationRequested();
                read.Add(TextLayer.Read(document.GetPage(n)));
            }
            return read;
        });
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
                var images = new PdfPageImages(document, path, renderer);
                var requests = ocrPages.Select(v => new PageImageRequest(path, v.Page, token => Parse(() => images.Acquire(v.Page, token))));
                var read = OcrPages.Collect(OcrPages.ReadAll(ocr, requests, tally, ct), diagnostics, anyOtherPage: ocrPages.Count < pages.Count);
                foreach (var p in read) recognised[p.Number] = p;
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
        return new LoadedDocument(path, SourceFormat.Pdf, sha256, pages.Count, recognised.Count > 0, _layout.Build(readable), diagnostics);
    }

    /// <summary>
    /// One page's image as the reader hands it to OCR (the scanner's own image, else the page drawn
    /// by <paramref name="renderer"/>): where the reviewer's page cuts an OCR'd page's crop from.
    /// </summary>
    public static PageImage PageImageOf(string path, int page, IPdfPageRenderer renderer, CancellationToken ct)
    {
        using var document = Open(path);
        return Parse(() => new PdfPageImages(document, path, renderer).Acquire(page, ct));
    }

    private static PdfDocument Open(string path) => Parse(() => PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true }));

    /// <summary>
    /// Runs a step of PdfPig's parsing, which reads the file lazily, page by page: whatever it
    /// throws is a fault of the file, told in one line, and an encrypted file says so.
    /// </summary>
    private static T Parse<T>(Func<T> step)
    {
        try { return step(); }
        catch (PdfDocumentEncryptedException) { throw new DocumentFailure("encrypted PDF (password required)"); }
        catch (Exception e) when (e is not (DocumentFailure or OperationCanceledException or OutOfMemoryException))
        {
            var message = e.Message.Split('\n')[0].Trim();
            if (message.Length > 160) message = message[..160];
            throw new DocumentFailure($"corrupt or unreadable PDF ({(e is PdfDocumentFormatException ? message : $"{e.GetType().Name}: {message}")})", e);
        }
    }
}
