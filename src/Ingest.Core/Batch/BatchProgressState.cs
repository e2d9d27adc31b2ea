using Ingest.Core.Ports;

namespace Ingest.Core.Batch;

/// <summary>A document being read: since when, and its pages read of how many (null until its reader knows).</summary>
public sealed record DocumentInFlight(string Path, TimeSpan Started, int PagesDone, int? PageCount);

/// <summary>The batch as a progress display shows it at <paramref name="At"/> (on the clock the state was told about), <paramref name="Elapsed"/> after the first document started.</summary>
/// <param name="PagesExpected">Pages read plus the pages still to read, the latter estimated for documents not yet opened; null while no document's page count is known.</param>
/// <param name="PagesEstimated">Whether <paramref name="PagesExpected"/> includes documents whose page count is guessed from the average.</param>
/// <param name="PagesPerSecond">Pages read per second over the recent past; null while warming up.</param>
/// <param name="TimeLeft">The smoothed estimate of the time left; null while there is none.</param>
public sealed record ProgressSnapshot(
    TimeSpan At,
    TimeSpan Elapsed,
    int Documents,
    int DocumentsDone,
    int Failed,
    int PagesDone,
    int? PagesExpected,
    bool PagesEstimated,
    double? PagesPerSecond,
    TimeSpan? TimeLeft,
    IReadOnlyList<DocumentInFlight> InFlight)
{
    /// <summary>The share of the batch done, weighed by pages (a 40-page scan is forty one-page letters), by documents while no page count is known.</summary>
    public double Fraction => PagesExpected is int expected and > 0
        ? Math.Min(1, (double)PagesDone / expected)
        : Documents == 0 ? 1 : (double)DocumentsDone / Documents;
}

/// <summary>
/// The progress of a batch: documents in flight with their pages, pages read, the rate and the
/// time left. It is told what happened and when (documents starting and finishing, pages read)
/// and asked what to show at a given time; it knows no clock and no console, so a test can play
/// a batch to it. Time left is pages still to read over pages read per second, because a
/// document's time is its pages (a scan's page takes seconds, a text page nothing), and it is
/// smoothed so that it counts down steadily instead of leaping with every estimate. Not
/// thread-safe: the display holds a lock around it.
/// </summary>
public sealed class BatchProgressState(int documents)
{
    /// <summary>Pages per second are measured over this much of the recent past: several scanned pages on two cores, and short enough to follow a batch that moves from text to scans.</summary>
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(60);

    /// <summary>No rate, and no time left, before the batch has run this long: the first pages say little.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The time constant with which the time shown moves to a new estimate; meanwhile it counts
    /// down by the time that passed. Early on it is half the time run so far, so that the first
    /// estimates, the least sure, do not linger.
    /// </summary>
    public static readonly TimeSpan Settling = TimeSpan.FromSeconds(20);

    private readonly List<DocumentInFlight> _inFlight = [];
    // pages read by the pipeline, with when (the rate is measured on them, not on stored results written out again)
    private readonly List<(TimeSpan At, int Pages)> _readHistory = [];
    private TimeSpan? _start;
    private int _done, _failed, _pagesDone, _pagesRead;
    private int _finishedWithCount, _finishedPages;
    private TimeSpan? _shownLeft;
    private TimeSpan _shownAt;

    public void Started(string path, TimeSpan at)
    {
        _start ??= at;
        _inFlight.RemoveAll(d => d.Path == path);
        _inFlight.Add(new DocumentInFlight(path, at, 0, null));
    }

    /// <summary>A document's pages read so far; a smaller count than already seen is an older report, and a document no longer in flight (left behind at its time limit) is ignored.</summary>
    public void Read(string path, PagesRead pages, TimeSpan at)
    {
        int i = _inFlight.FindIndex(d => d.Path == path);
        if (i < 0) return;
        var doc = _inFlight[i];
        int done = Math.Max(doc.PagesDone, Math.Min(pages.Done, pages.Total));
        _inFlight[i] = doc with { PagesDone = done, PageCount = pages.Total };
        CountRead(done - doc.PagesDone, at);
    }

    public void Finished(DocumentOutcome outcome, TimeSpan at)
    {
        int i = _inFlight.FindIndex(d => d.Path == outcome.Path);
        var doc = i >= 0 ? _inFlight[i] : new DocumentInFlight(outcome.Path, at, 0, null);
        if (i >= 0) _inFlight.RemoveAt(i);
        _done++;
        if (!outcome.Ok) _failed++;
        int? count = outcome.Ok ? outcome.Pages : doc.PageCount;
        if (count is { } n)
        {
            _finishedWithCount++;
            _finishedPages += n;
        }
        int unreported = outcome.Ok ? Math.Max(0, outcome.Pages - doc.PagesDone) : 0;
        // a stored result written out again was not read: its pages are done, but say nothing of the rate
        if (outcome.Skipped) _pagesDone += unreported;
        else CountRead(unreported, at);
    }

    private void CountRead(int pages, TimeSpan at)
    {
        if (pages <= 0) return;
        _pagesDone += pages;
        _pagesRead += pages;
        _readHistory.Add((at, _pagesRead));
        // one sample at or before the window's start is kept: the count the window starts from
        int stale = _readHistory.FindLastIndex(s => s.At <= at - RateWindow);
        if (stale > 0) _readHistory.RemoveRange(0, stale);
    }

    /// <summary>What to show at <paramref name="at"/>. Moves the shown time left on, so it is called as the display refreshes.</summary>
    public ProgressSnapshot Snapshot(TimeSpan at)
    {
        var elapsed = _start is { } s && at > s ? at - s : TimeSpan.Zero;
        var (left, estimated) = PagesLeft();
        double? rate = PagesPerSecond(at, elapsed);
        TimeSpan? estimate = left is { } l && rate is > 0 and var r ? TimeSpan.FromSeconds(l / r) : null;
        return new ProgressSnapshot(at, elapsed, documents, _done, _failed, _pagesDone,
            left is { } pagesLeft ? _pagesDone + (int)Math.Round(pagesLeft) : null, estimated,
            rate, Smooth(estimate, at, elapsed), _inFlight.ToList());
    }

    /// <summary>Pages still to read: what documents in flight have left, and for each one not yet opened (or not yet counted) the average page count of those counted.</summary>
    private (double? Left, bool Estimated) PagesLeft()
    {
        int counted = _finishedWithCount, countedPages = _finishedPages;
        double known = 0;
        int unknown = Math.Max(0, documents - _done - _inFlight.Count);
        foreach (var d in _inFlight)
        {
            if (d.PageCount is { } n)
            {
                counted++;
                countedPages += n;
                known += n - d.PagesDone;
            }
            else unknown++;
        }
        if (unknown == 0) return (known, false);
        if (counted == 0) return (null, true);
        return (known + unknown * (double)countedPages / counted, true);
    }

    private double? PagesPerSecond(TimeSpan at, TimeSpan elapsed)
    {
        if (elapsed < WarmUp || _pagesRead == 0) return null;
        if (elapsed < RateWindow) return _pagesRead / elapsed.TotalSeconds;
        int before = 0;
        foreach (var (sampleAt, pages) in _readHistory)
            if (sampleAt <= at - RateWindow) before = pages;
            else break;
        return (_pagesRead - before) / RateWindow.TotalSeconds;
    }

    /// <summary>
    /// The time left to show: the last one shown, counted down by the time since, moved part of
    /// the way to the new estimate (exponentially in time, so it does not matter how often the
    /// display asks).
    /// </summary>
    private TimeSpan? Smooth(TimeSpan? estimate, TimeSpan at, TimeSpan elapsed)
    {
        if (estimate is not { } target) _shownLeft = null;
        else if (_shownLeft is not { } shown) _shownLeft = target;
        else
        {
            var since = at > _shownAt ? at - _shownAt : TimeSpan.Zero;
            var countedDown = shown > since ? shown - since : TimeSpan.Zero;
            double settling = Math.Clamp(elapsed.TotalSeconds / 2, 1, Settling.TotalSeconds);
            double follow = 1 - Math.Exp(-since.TotalSeconds / settling);
            _shownLeft = countedDown + (target - countedDown) * follow;
        }
        _shownAt = at;
        return _shownLeft;
    }
}
