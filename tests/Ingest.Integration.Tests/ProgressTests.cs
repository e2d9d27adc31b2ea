using Ingest.Adapters.PdfPig;
using Ingest.Adapters.Poppler;
using Ingest.Cli.Progress;
using Ingest.Core.Batch;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Integration.Tests.Support;
using Spectre.Console;

namespace Ingest.Integration.Tests;

/// <summary>Progress on a terminal (drawn into a string and played back as a terminal would show it) and the page counts readers report.</summary>
public class ProgressTests
{
    private static IAnsiConsole Terminal(StringWriter into) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(into),
    });

    private static DocumentOutcome Ok(string path, int targets, int review, double seconds) =>
        new(path, true, targets, review, 4, TimeSpan.FromSeconds(seconds), null, path + ".json");

    [Fact]
    public void OnATerminal_EachFinishedDocumentLeavesItsLine_AboveTheBar_AndTheLinesStayWhenTheBarGoes()
    {
        var output = new StringWriter();
        var live = new LiveProgress(3, quiet: false, Terminal(output));
        BatchInput a = new("in/a.scan.pdf", "a.json"), b = new("in/b.pdf", "b.json"), c = new("in/c.docx", "c.json");

        live.Show(() =>
        {
            live.Started(a);
            live.Started(b);
            live.Reading(a, new PagesRead(1, 4));
            // let the display draw the bar and both documents before anything is printed above it
            Thread.Sleep(400);
            live.Finished(new DocumentOutcome(b.Path, false, 0, 0, 0, TimeSpan.FromSeconds(1), "corrupt", null));
            Thread.Sleep(300);
            live.Started(c);
            live.Finished(Ok(c.Path, 7, 0, 0.5));
            live.Reading(a, new PagesRead(4, 4));
            Thread.Sleep(300);
            // wider than the terminal: it wraps onto the row where the bar was
            live.Finished(Ok(a.Path, 12, 1, 3.5) with { Warnings = ["page 2 could not be read: timed out after 60s (psm 3), then after 60s (psm 6 ×1.5)"] });
            return 0;
        });

        var drawn = output.ToString();
        Assert.Contains("in/a.scan.pdf", drawn.Split('\n').First(l => l.Contains("1/4 pages")));
        Assert.Equal(
        [
            "in/b.pdf: error: corrupt",
            "in/c.docx: 7 targets, 0 need review, 0.50s",
            "in/a.scan.pdf: warning: page 2 could not be read: timed out after 60s (psm 3),",
            "then after 60s (psm 6 ×1.5)",
            "in/a.scan.pdf: 12 targets, 1 need review, 3.50s",
        ], TerminalScreen.Play(drawn).Where(l => l.Length > 0));
    }

    [Fact]
    public void TheLiveView_ListsEveryDocumentInFlight_WithItsPages_WithinTheWidth()
    {
        var state = new BatchProgressState(5);
        state.Started("samples/chu-se-kh-hdnd.scan.pdf", TimeSpan.Zero);
        state.Started("samples/a-folder-with-a-long-name/xop-kh-ubnd.scan.pdf", TimeSpan.Zero);
        state.Read("samples/chu-se-kh-hdnd.scan.pdf", new PagesRead(3, 5), TimeSpan.FromSeconds(20));
        state.Read("samples/a-folder-with-a-long-name/xop-kh-ubnd.scan.pdf", new PagesRead(0, 12), TimeSpan.FromSeconds(1));
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 60;

        console.Write(new ProgressView(state.Snapshot(TimeSpan.FromSeconds(21))));

        var lines = output.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal(3, lines.Count);
        // 3 read, 2 + 12 left, and three documents not yet opened of (5 + 12) / 2 pages
        Assert.Contains("0/5 docs · 3/~43 pages", lines[0]);
        Assert.Matches(@"^  samples/chu-se-kh-hdnd\.scan\.pdf +3/5 pages, 0:21$", lines[1]);
        Assert.Matches(@"^  ….*/xop-kh-ubnd\.scan\.pdf +0/12 pages, 0:21$", lines[2]);
        Assert.All(lines, l => Assert.True(l.Length <= 60, l));
    }

    private sealed class PageRecorder : IProgress<PagesRead>
    {
        public readonly List<PagesRead> Reports = [];

        public void Report(PagesRead value)
        {
            lock (Reports) Reports.Add(value);
        }
    }

    /// <summary>OCR that reads nothing, at once.</summary>
    private sealed class BlankOcr : IPageOcr
    {
        public int Pages;

        public Task<OcrPageResult> RecognizeAsync(PageImageRequest request, CancellationToken ct)
        {
            Interlocked.Increment(ref Pages);
            return Task.FromResult(new OcrPageResult(request.Page, null, 0, "", "blank"));
        }
    }

    [Fact]
    public void ThePdfReader_ReportsItsTextLayerAtOnce_AndEachScannedPageAsOcrReturnsIt()
    {
        var ocr = new BlankOcr();
        var reader = new PdfReader(new PopplerPageRenderer(new PopplerTools(PopplerOptions.Default)), ocr);
        var text = new PageRecorder();
        var scan = new PageRecorder();

        reader.Read(Path.Combine(Repo.Samples, "xop-kh-ubnd.pdf"), "0", text, CancellationToken.None);
        Assert.Throws<DocumentFailure>(() => reader.Read(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.pdf"), "0", scan, CancellationToken.None));

        Assert.Equal([new PagesRead(12, 12)], text.Reports);
        Assert.Equal(3, ocr.Pages);
        Assert.Equal([new PagesRead(0, 3), new PagesRead(1, 3), new PagesRead(2, 3), new PagesRead(3, 3)], scan.Reports.OrderBy(r => r.Done));
    }
}
