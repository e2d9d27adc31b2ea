using System.Globalization;
using Ingest.Core.Batch;

namespace Ingest.Cli.Progress;

/// <summary>
/// Progress as one line per document, for logs and pipes: results on stdout, warnings and errors
/// (each naming the file) on stderr.
/// </summary>
public sealed class PlainProgress(bool quiet) : IBatchProgress
{
    private readonly Lock _gate = new();

    public void Started(BatchInput input) { }

    public void Finished(DocumentOutcome o)
    {
        lock (_gate)
        {
            foreach (var w in o.Warnings) Console.Error.WriteLine($"{o.Path}: warning: {w}");
            if (!o.Ok) Console.Error.WriteLine($"{o.Path}: error: {o.Error}");
            else if (!quiet) Console.WriteLine(Describe(o));
        }
    }

    public static string Describe(DocumentOutcome o) => string.Create(CultureInfo.InvariantCulture,
        $"{o.Path}: {o.Targets} targets, {o.NeedsReview} need review, {(o.Skipped ? "unchanged (stored result)" : $"{o.Elapsed.TotalSeconds:0.00}s")}");
}
