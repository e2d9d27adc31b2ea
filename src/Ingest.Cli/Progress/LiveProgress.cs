using System.Diagnostics;
using System.Globalization;
using Ingest.Core.Batch;
using Spectre.Console;

namespace Ingest.Cli.Progress;

/// <summary>
/// A live progress bar on stderr (Spectre.Console) for a terminal: documents done of total,
/// pages, rate, time left and the file being read. Errors and warnings are printed above the
/// bar as they happen, each naming its file.
/// </summary>
public sealed class LiveProgress : IBatchProgress
{
    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private ProgressTask? _task;
    private int _done, _pages;

    /// <summary>Runs the batch with the bar shown; the bar goes when the batch ends.</summary>
    public T Show<T>(int total, Func<T> batch)
    {
        T result = default!;
        _console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                _task = ctx.AddTask(Describe(total), maxValue: Math.Max(1, total));
                result = batch();
            });
        return result;
    }

    public void Started(BatchInput input)
    {
        lock (_gate)
        {
            _running.Add(input.Path);
            Refresh();
        }
    }

    // shown from the next commit on
    public void Reading(BatchInput input, Ingest.Core.Ports.PagesRead pages) { }

    public void Finished(DocumentOutcome o)
    {
        lock (_gate)
        {
            _running.Remove(o.Path);
            _done++;
            _pages += o.Pages;
            foreach (var line in PlainProgress.Problems(o)) _console.MarkupLine($"[{(o.Ok ? "yellow" : "red")}]{Markup.Escape(line)}[/]");
            _task?.Increment(1);
            Refresh();
        }
    }

    private void Refresh()
    {
        if (_task != null) _task.Description = Describe((int)_task.MaxValue);
    }

    private string Describe(int total)
    {
        double rate = _done / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        var current = _running.Count == 0 ? "" : " · " + Path.GetFileName(_running.First());
        return Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{_done}/{total} documents · {_pages} pages · {rate:0.0} docs/s{current}"));
    }
}
