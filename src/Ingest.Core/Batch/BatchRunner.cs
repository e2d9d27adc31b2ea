using System.Diagnostics;
using Ingest.Core.Model;
using Ingest.Core.Output;
using Ingest.Core.Pipeline;

namespace Ingest.Core.Batch;

/// <summary>What happened to one document of a batch.</summary>
public sealed record DocumentOutcome(string Path, bool Ok, int Targets, int NeedsReview, int Pages, TimeSpan Elapsed, string? Error, string? OutputPath)
{
    /// <summary>Problems that did not stop the document, such as a page OCR could not read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Runs the pipeline over a batch in parallel. A failing document is recorded with its one-line
/// reason and the batch goes on; each JSON is written atomically.
/// </summary>
public sealed class BatchRunner(IngestPipeline pipeline, int jobs)
{
    public IReadOnlyList<DocumentOutcome> Run(IReadOnlyList<BatchInput> inputs, string outDir, Action<DocumentOutcome> report, CancellationToken ct = default)
    {
        Directory.CreateDirectory(outDir);
        var outcomes = new DocumentOutcome[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = ct }, i =>
        {
            var o = RunOne(inputs[i], outDir, ct);
            outcomes[i] = o;
            report(o);
        });
        return outcomes;
    }

    public DocumentOutcome RunOne(BatchInput input, string outDir, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var result = pipeline.Run(input.Path, ct);
            var json = ContractJsonWriter.ToJson(result, input.Path);
            var outPath = Path.Combine(outDir, input.OutputName);
            ContractJsonWriter.WriteAtomic(outPath, json);
            return new DocumentOutcome(input.Path, true, result.Targets.Count, result.Targets.Count(t => t.NeedsReview),
                result.Document.Source.PageCount, sw.Elapsed, null, outPath)
            {
                Warnings = result.Diagnostics.Where(d => d.Severity >= Severity.Warning).Select(d => d.Message).ToList(),
            };
        }
        catch (DocumentFailure f)
        {
            return new DocumentOutcome(input.Path, false, 0, 0, 0, sw.Elapsed, f.Message, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // an unexpected failure of one document must not stop the batch; say what it was in one line
            var first = e.Message.Split('\n')[0];
            return new DocumentOutcome(input.Path, false, 0, 0, 0, sw.Elapsed, $"internal error ({e.GetType().Name}): {first}", null);
        }
    }
}
