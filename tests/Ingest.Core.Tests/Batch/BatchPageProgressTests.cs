using System.Collections.Concurrent;
using Ingest.Core.Batch;
using Ingest.Core.Model;
using Ingest.Core.Pipeline;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Batch;

/// <summary>The batch runner passes on a document's pages as its OCR reads them, not only when the document is done.</summary>
public class BatchPageProgressTests
{
    /// <summary>OCR whose pages come back when the test says so.</summary>
    private sealed class HeldOcr : IPageOcr
    {
        public readonly ConcurrentDictionary<int, TaskCompletionSource<OcrPageResult>> Pages = new();

        public Task<OcrPageResult> RecognizeAsync(PageImageRequest request, CancellationToken ct) =>
            Pages.GetOrAdd(request.Page, _ => new TaskCompletionSource<OcrPageResult>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public void Return(int page) =>
            Pages.GetOrAdd(page, _ => new TaskCompletionSource<OcrPageResult>(TaskCreationOptions.RunContinuationsAsynchronously))
                .SetResult(new OcrPageResult(page, null, 0, "", "held"));
    }

    /// <summary>A scan of three pages, read through the OCR port the way the PDF and image readers read theirs; its text is a small plan.</summary>
    private sealed class ScanReader(IPageOcr ocr) : IDocumentReader
    {
        public SourceFormat Format => SourceFormat.Image;

        public bool CanRead(string extension, ReadOnlySpan<byte> head) => true;

        public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> pages, CancellationToken ct)
        {
            var requests = Enumerable.Range(1, 3).Select(n => new PageImageRequest(path, n, _ => throw new InvalidOperationException("not used")));
            OcrPages.ReadAll(ocr, requests, new PageTally(pages, 3), ct);
            return PlainTextReader.FromText(path, sha256, Some.Header2025 + "Phấn đấu đến năm 2030, 95% hộ gia đình có cáp quang.\n\fTrang hai\n\fTrang ba\n");
        }
    }

    private sealed class Recorder : IBatchProgress
    {
        public readonly BlockingCollection<string> Events = new();

        public void Started(BatchInput input) => Events.Add($"started {Path.GetFileName(input.Path)}");

        public void Reading(BatchInput input, PagesRead pages) => Events.Add($"pages {pages.Done}/{pages.Total}");

        public void Finished(DocumentOutcome outcome) => Events.Add($"finished {(outcome.Ok ? "ok" : outcome.Error)}");

        public string Next() => Events.TryTake(out var e, TimeSpan.FromSeconds(30)) ? e : "nothing within 30 s";
    }

    [Fact]
    public async Task EachPageTheOcrReturns_ReachesTheProgress_WhileTheDocumentIsStillBeingRead()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-pages-");
        var scan = Path.Combine(dir.FullName, "plan.scan");
        File.WriteAllText(scan, "a scan, as far as this test is concerned");
        var ocr = new HeldOcr();
        var runner = new BatchRunner(new IngestPipeline(PipelineSettings.Default([new ScanReader(ocr)])), "test", new MemoryStore(), new BatchOptions(Jobs: 1));
        var progress = new Recorder();

        var batch = Task.Run(() => runner.Run([new BatchInput(scan, "plan.json")], Path.Combine(dir.FullName, "out"), progress));

        Assert.Equal("started plan.scan", progress.Next());
        Assert.Equal("pages 0/3", progress.Next());
        ocr.Return(2);
        Assert.Equal("pages 1/3", progress.Next());
        ocr.Return(1);
        Assert.Equal("pages 2/3", progress.Next());
        Assert.False(batch.IsCompleted);
        ocr.Return(3);
        Assert.Equal("pages 3/3", progress.Next());
        // the loader says the whole document is read once more, then the document is done
        Assert.Equal("pages 3/3", progress.Next());
        Assert.Equal("finished ok", progress.Next());
        Assert.True(Assert.Single(await batch.WaitAsync(TimeSpan.FromSeconds(30))).Ok);
    }
}
