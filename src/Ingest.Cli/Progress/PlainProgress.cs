using System.Globalization;
using Ingest.Core.Batch;
using Ingest.Core.Ports;

namespace Ingest.Cli.Progress;

/// <summary>
/// Progress as one line per document, for logs and pipes: results on stdout, warnings and errors
/// (each naming the file) on stderr.
/// </summary>
public sealed class PlainProgress(bool quiet) : IBatchProgress
{
    private readonly Lock _gate = new();

    public void Started(BatchInput input) { }

    // a log gets a line per document, not per page
    public void Reading(BatchInput input, PagesRead pages) { }

    public void Finished(DocumentOutcome o)
    {
        lock (_gate)
        {
            foreach (var line in Problems(o)) Console.Error.WriteLine(line);
            if (o.Ok && !quiet) Console.WriteLine(Describe(o));
        }
    }

    /// <summary>The document's warnings and its error, a line each naming the file.</summary>
    public static IEnumerable<string> Problems(DocumentOutcome o) =>
        o.Warnings.Select(w => $"{o.Path}: warning: {w}").Concat(o.Ok ? [] : [$"{o.Path}: error: {o.Error}"]);

    public static string Describe(DocumentOutcome o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.Path}: {o.Targets} targets, {o.NeedsReview} need review, {(o.Skipped ? "unchanged (stored result)" : $"{o.Elapsed.TotalSeconds:0.00}s")}");
}
