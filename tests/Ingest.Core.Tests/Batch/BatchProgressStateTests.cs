using Ingest.Core.Batch;
using Ingest.Core.Ports;

namespace Ingest.Core.Tests.Batch;

/// <summary>The progress model played scripted batches on a made-up clock.</summary>
public class BatchProgressStateTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static DocumentOutcome Done(string path, int pages, bool skipped = false) =>
        new(path, true, 3, 0, pages, S(1), null, path + ".json") { Skipped = skipped };

    [Fact]
    public void PageReports_MoveThePageCount_BeforeTheDocumentFinishes()
    {
        var state = new BatchProgressState(2);
        state.Started("a.scan.pdf", S(0));
        state.Read("a.scan.pdf", new PagesRead(0, 10), S(0.5));
        var opened = state.Snapshot(S(1));
        state.Read("a.scan.pdf", new PagesRead(3, 10), S(20));
        var later = state.Snapshot(S(21));

        Assert.Equal(0, opened.PagesDone);
        Assert.Equal(3, later.PagesDone);
        Assert.Equal(0, later.DocumentsDone);
        Assert.Equal(new DocumentInFlight("a.scan.pdf", S(0), 3, 10), Assert.Single(later.InFlight));
        Assert.True(later.Fraction > opened.Fraction);
    }

    [Fact]
    public void PageReportsOutOfOrder_KeepTheLargerCount_AndADocumentLeftBehindIsNotCountedAgain()
    {
        var state = new BatchProgressState(1);
        state.Started("a.scan.pdf", S(0));
        state.Read("a.scan.pdf", new PagesRead(2, 4), S(5));
        state.Read("a.scan.pdf", new PagesRead(1, 4), S(5));
        Assert.Equal(2, state.Snapshot(S(6)).PagesDone);

        state.Finished(new DocumentOutcome("a.scan.pdf", false, 0, 0, 0, S(6), "took longer than allowed", null), S(6));
        state.Read("a.scan.pdf", new PagesRead(3, 4), S(7));
        var after = state.Snapshot(S(8));
        Assert.Equal(2, after.PagesDone);
        Assert.Empty(after.InFlight);
        Assert.Equal(1, after.Failed);
    }

    [Fact]
    public void TwoDocumentsInFlight_AreBothListed_WithTheirOwnPages()
    {
        var state = new BatchProgressState(3);
        state.Started("a.scan.pdf", S(0));
        state.Started("b.scan.pdf", S(0.1));
        state.Read("b.scan.pdf", new PagesRead(0, 12), S(1));
        state.Read("a.scan.pdf", new PagesRead(4, 5), S(9));

        var both = state.Snapshot(S(10));
        Assert.Equal(
            [new DocumentInFlight("a.scan.pdf", S(0), 4, 5), new DocumentInFlight("b.scan.pdf", S(0.1), 0, 12)],
            both.InFlight);

        state.Finished(Done("a.scan.pdf", 5), S(12));
        state.Started("c.scan.pdf", S(12));
        Assert.Equal(["b.scan.pdf", "c.scan.pdf"], state.Snapshot(S(13)).InFlight.Select(d => d.Path));
    }

    [Fact]
    public void PagesOfDocumentsNotYetOpened_AreEstimatedFromTheAverage()
    {
        var state = new BatchProgressState(4);
        state.Started("a.pdf", S(0));
        state.Started("b.pdf", S(0));
        Assert.Null(state.Snapshot(S(0.5)).PagesExpected);

        state.Read("a.pdf", new PagesRead(0, 6), S(1));
        state.Read("b.pdf", new PagesRead(2, 10), S(1));
        var s = state.Snapshot(S(2));
        // 2 read; 6 + 8 left in flight; two documents of 8 pages (the average) not yet opened
        Assert.Equal(2 + 6 + 8 + 2 * 8, s.PagesExpected);
        Assert.True(s.PagesEstimated);
    }

    [Fact]
    public void StoredResultsWrittenOutAgain_CountTheirPages_ButNotTheRate()
    {
        var state = new BatchProgressState(3);
        state.Started("a.pdf", S(0));
        state.Read("a.pdf", new PagesRead(10, 10), S(10));
        state.Finished(Done("a.pdf", 10), S(10));
        state.Started("b.pdf", S(10));
        state.Finished(Done("b.pdf", 40, skipped: true), S(10));

        var s = state.Snapshot(S(10));
        Assert.Equal(50, s.PagesDone);
        Assert.Equal(1.0, s.PagesPerSecond!.Value, 6);
    }

    /// <summary>
    /// A batch read at a steady page a second, as an OCR pool shared by every document reads it:
    /// <paramref name="jobs"/> documents open at a time, their pages read one after another.
    /// Returns the state and, for every second, what the display showed and the true time left.
    /// </summary>
    private static List<(double At, TimeSpan? Shown, double TrueLeft)> Play(int[] pages, int jobs)
    {
        var state = new BatchProgressState(pages.Length);
        int total = pages.Sum();
        var events = new List<(double At, Action<TimeSpan> Apply)>();
        // the pool reads documents in the order they opened; the next opens when one finishes
        var openAt = new double[pages.Length];
        var finishAt = new double[pages.Length];
        double clock = 0;
        for (int i = 0; i < pages.Length; i++)
        {
            openAt[i] = i < jobs ? 0 : finishAt[i - jobs];
            int doc = i;
            string path = $"doc{i}.scan.pdf";
            events.Add((openAt[i], at => { state.Started(path, at); state.Read(path, new PagesRead(0, pages[doc]), at); }));
            clock = Math.Max(clock, openAt[i]);
            for (int p = 1; p <= pages[i]; p++)
            {
                int done = p;
                events.Add((clock + p, at => state.Read(path, new PagesRead(done, pages[doc]), at)));
            }
            clock += pages[i];
            finishAt[i] = clock;
            events.Add((clock, at => state.Finished(Done(path, pages[doc]), at)));
        }
        var shown = new List<(double, TimeSpan?, double)>();
        int next = 0;
        var ordered = events.OrderBy(e => e.At).ToList();
        for (double t = 0; t <= total; t += 1)
        {
            while (next < ordered.Count && ordered[next].At <= t) ordered[next].Apply(S(ordered[next++].At));
            shown.Add((t, state.Snapshot(S(t)).TimeLeft, total - t));
        }
        return shown;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AtASteadyPageRate_TimeLeftIsWithinTenPercent_AtEveryStepAfterWarmUp(int jobs)
    {
        foreach (var (at, shown, trueLeft) in Play([10, 10, 10, 10, 10, 10, 10, 10, 10, 10], jobs).Where(s => s.At >= BatchProgressState.WarmUp.TotalSeconds && s.TrueLeft > 0))
        {
            Assert.NotNull(shown);
            Assert.True(Math.Abs(shown!.Value.TotalSeconds - trueLeft) <= 0.1 * trueLeft,
                $"at {at} s: {shown.Value.TotalSeconds:0.0} s shown, {trueLeft} s left");
        }
    }

    [Fact]
    public void WhenDocumentsDifferInSize_TimeLeftCountsDownWithoutLeaps()
    {
        // the estimate for unopened documents swings as each new one shows its page count
        var shown = Play([2, 30, 3, 25, 2, 28, 4, 20, 3, 24], jobs: 2);
        var steps = shown.Where(s => s.At >= 10 && s.Shown != null).ToList();
        for (int i = 1; i < steps.Count; i++)
        {
            double before = steps[i - 1].Shown!.Value.TotalSeconds, now = steps[i].Shown!.Value.TotalSeconds;
            // a second passed: the time shown moves by that second, give or take a tenth of itself
            Assert.True(Math.Abs(now - Math.Max(0, before - 1)) <= 0.1 * before + 0.5, $"at {steps[i].At} s: {before:0.0} s then {now:0.0} s");
        }
    }
}
