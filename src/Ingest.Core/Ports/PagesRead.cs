namespace Ingest.Core.Ports;

/// <summary>
/// How many of a document's pages have been read so far, of how many it has. Readers report it
/// as pages finish (a scan page by page as OCR returns it, a text layer all at once), so a long
/// scan shows progress before it is done. Reports can come from any thread and out of order: the
/// larger count is the newer.
/// </summary>
public readonly record struct PagesRead(int Done, int Total)
{
    /// <summary>For callers that do not show progress.</summary>
    public static readonly IProgress<PagesRead> Ignored = new Nowhere();

    private sealed class Nowhere : IProgress<PagesRead>
    {
        public void Report(PagesRead value) { }
    }
}

/// <summary>
/// Counts one document's pages as they are read, from any thread, and reports each new count.
/// Made once the reader knows how many pages there are, which it reports at once.
/// </summary>
public sealed class PageTally
{
    private readonly IProgress<PagesRead> _progress;
    private readonly int _total;
    private int _done;

    public PageTally(IProgress<PagesRead> progress, int total, int alreadyRead = 0)
    {
        _progress = progress;
        _total = total;
        _done = alreadyRead;
        progress.Report(new PagesRead(alreadyRead, total));
    }

    public void PageRead() => _progress.Report(new PagesRead(Interlocked.Increment(ref _done), _total));
}
