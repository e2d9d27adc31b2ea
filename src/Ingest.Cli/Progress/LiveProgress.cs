using System.Diagnostics;
using Ingest.Core.Batch;
using Ingest.Core.Ports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ingest.Cli.Progress;

/// <summary>
/// Live progress on stderr (Spectre.Console) for a terminal: the batch's bar, pages, rate and
/// time left, and every document being read with its pages (see <see cref="ProgressView"/>).
/// Above it, as `--progress lines` prints them, a line per finished document and its warnings
/// and error, so the terminal's scrollback keeps the record when the bar is gone.
/// </summary>
public sealed class LiveProgress(int documents, bool quiet, IAnsiConsole? console = null) : IBatchProgress
{
    private readonly IAnsiConsole _console = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly BatchProgressState _state = new(documents);
    // the state, shared by the workers and the display's refresh; never held while printing, since
    // printing waits for the display, which may be waiting for the state
    private readonly Lock _gate = new();
    // one document's lines stay together
    private readonly Lock _printing = new();

    /// <summary>Runs the batch with the display shown; the live part goes when the batch ends, the printed lines stay.</summary>
    public T Show<T>(Func<T> batch)
    {
        T result = default!;
        _console.Progress()
            .AutoClear(true)
            .UseRenderHook((_, _) => View())
            .Start(_ => result = batch());
        return result;
    }

    private IRenderable View()
    {
        lock (_gate) return new ProgressView(_state.Snapshot(_clock.Elapsed));
    }

    public void Started(BatchInput input)
    {
        lock (_gate) _state.Started(input.Path, _clock.Elapsed);
    }

    public void Reading(BatchInput input, PagesRead pages)
    {
        lock (_gate) _state.Read(input.Path, pages, _clock.Elapsed);
    }

    /// <summary>
    /// A line printed above the live display, which is then drawn again below it. What the display
    /// drew is erased first: a line wider than the terminal wraps onto the bar's row, and would
    /// leave the end of the bar showing after it.
    /// </summary>
    private sealed class LineAbove(IRenderable content) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            ((IRenderable)new ControlCode("\u001b[J")).Render(options, maxWidth)
                .Concat(content.Render(options, maxWidth))
                .Append(Segment.LineBreak);
    }

    public void Finished(DocumentOutcome o)
    {
        lock (_gate) _state.Finished(o, _clock.Elapsed);
        lock (_printing)
        {
            foreach (var line in PlainProgress.Problems(o)) _console.Write(new LineAbove(new Text(line, new Style(o.Ok ? Color.Yellow : Color.Red))));
            if (o.Ok && !quiet) _console.Write(new LineAbove(new Text(PlainProgress.Describe(o))));
        }
    }
}
