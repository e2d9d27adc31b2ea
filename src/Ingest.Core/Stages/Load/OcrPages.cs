using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Core.Stages.Load;

/// <summary>The OCR part of loading, shared by the PDF and image readers.</summary>
public static class OcrPages
{
    /// <summary>
    /// Submits every page at once (the engine pool bounds the work) and waits for all, in page
    /// order. Each page is counted on <paramref name="tally"/> as it comes back, read or not: a
    /// scan's pages take seconds each, and progress should not wait for the last one.
    /// </summary>
    public static IReadOnlyList<OcrPageResult> ReadAll(IPageOcr ocr, IEnumerable<PageImageRequest> requests, PageTally tally, CancellationToken ct)
    {
        var tasks = requests.Select(async r =>
        {
            var result = await ocr.RecognizeAsync(r, ct).ConfigureAwait(false);
            tally.PageRead();
            return result;
        }).ToList();
        try { Task.WaitAll([.. tasks], ct); }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException(ct);
        }
        return tasks.Select(t => t.Result).OrderBy(r => r.Page).ToList();
    }

    /// <summary>
    /// The OCR'd pages' layouts, and a diagnostic per page: how it was read, or why it could not be.
    /// Throws when no page at all could be read.
    /// </summary>
    public static IReadOnlyList<LayoutPage> Collect(IReadOnlyList<OcrPageResult> results, List<Diagnostic> diagnostics, bool anyOtherPage)
    {
        var pages = new List<LayoutPage>();
        foreach (var r in results)
        {
            if (r.Ok)
            {
                pages.Add(r.Layout!);
                diagnostics.Add(new Diagnostic(Severity.Info, "ocr",
                    string.Create(CultureInfo.InvariantCulture, $"page {r.Page} read by OCR ({r.Settings}), mean confidence {r.MeanConfidence:0}"), r.Page));
                if (r.Warning != null) diagnostics.Add(new Diagnostic(Severity.Warning, "ocr", $"page {r.Page}: {r.Warning}", r.Page));
            }
            else diagnostics.Add(new Diagnostic(Severity.Warning, "ocr", $"page {r.Page} could not be read: {r.Failure}", r.Page));
        }
        if (pages.Count == 0 && !anyOtherPage && results.Count > 0)
            throw new DocumentFailure($"no page could be read by OCR (page {results[0].Page}: {results[0].Failure})");
        return pages;
    }
}
