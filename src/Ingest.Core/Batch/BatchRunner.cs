using System.Diagnostics;
using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Output;
using Ingest.Core.Pipeline;
using Ingest.Core.Ports;
using Ingest.Core.Review;
using Ingest.Core.Stages.Load;
using Ingest.Core.Store;

namespace Ingest.Core.Batch;

/// <summary>What happened to one document of a batch.</summary>
public sealed record DocumentOutcome(string Path, bool Ok, int Targets, int NeedsReview, int Pages, TimeSpan Elapsed, string? Error, string? OutputPath)
{
    /// <summary>Problems that did not stop the document, such as a page OCR could not read.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>True when the document was unchanged and its stored result was used.</summary>
    public bool Skipped { get; init; }
}

/// <summary>How a batch runs: parallel documents, whether stored results are reused, and the time one document may take.</summary>
public sealed record BatchOptions(int Jobs, bool Force = false, TimeSpan? DocumentTimeout = null)
{
    public static readonly TimeSpan DefaultDocumentTimeout = TimeSpan.FromMinutes(10);

    public TimeSpan Timeout => DocumentTimeout ?? DefaultDocumentTimeout;
}

/// <summary>Told when each document starts and ends, and as its pages are read; called from worker threads.</summary>
public interface IBatchProgress
{
    void Started(BatchInput input);

    /// <summary>
    /// How many of a started document's pages are read, each time that changes (OCR'd pages one
    /// by one, from the OCR workers). May come out of order, and, from a document left behind
    /// after its time limit, after <see cref="Finished"/>.
    /// </summary>
    void Reading(BatchInput input, PagesRead pages);

    void Finished(DocumentOutcome outcome);
}

/// <summary>
/// Runs the pipeline over a batch in parallel. A document whose content was already processed by
/// this pipeline version is not processed again: its stored result is written out instead. A
/// failing document is recorded with its one-line reason and the batch goes on. The store is
/// written before the output, and each output is written atomically, so a killed batch leaves
/// nothing half-written and the next run picks up where it stopped.
/// </summary>
public sealed class BatchRunner(IngestPipeline pipeline, string pipelineVersion, IResultStore store, BatchOptions options)
{
    public IReadOnlyList<DocumentOutcome> Run(IReadOnlyList<BatchInput> inputs, string outDir, IBatchProgress progress, string arguments = "", CancellationToken ct = default)
    {
        Directory.CreateDirectory(outDir);
        long run = store.BeginRun(pipelineVersion, arguments);
        var outcomes = new DocumentOutcome[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs), CancellationToken = ct }, i =>
        {
            progress.Started(inputs[i]);
            var o = RunOne(run, inputs[i], outDir, new DocumentPages(progress, inputs[i]), ct);
            outcomes[i] = o;
            progress.Finished(o);
        });
        store.FinishRun(run, outcomes.Count(o => o.Ok && !o.Skipped), outcomes.Count(o => o.Skipped), outcomes.Count(o => !o.Ok));
        return outcomes;
    }

    private DocumentOutcome RunOne(long run, BatchInput input, string outDir, IProgress<PagesRead> pages, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        string? sha = null;
        try
        {
            sha = ContentHash.Of(input.Files);
            var stored = !options.Force && store.Latest(sha) is { } found && found.PipelineVersion == pipelineVersion ? found : null;
            var warnings = new List<string>(input.Warnings);
            bool skipped = stored != null;
            if (stored != null) Record(() => store.SaveSkip(run, input.Path, sha));
            else
            {
                var result = RunWithinLimit(input, pages, ct);
                warnings.AddRange(result.Diagnostics.Where(d => d.Severity >= Severity.Warning).Select(d => d.Message));
                stored = new StoredResult(result.Document.Source.Sha256, pipelineVersion, ContractJsonWriter.ToJson(result, input.Path));
                var parsed = ContractReader.WithPlaces(ContractReader.Parse(stored.Json), result);
                Record(() => store.SaveResult(run, input.Path, stored, parsed));
            }
            var json = ReviewApplier.Apply(stored.Json, input.Path, store.Decisions(stored.Sha256));
            var outPath = Path.Combine(outDir, input.OutputName);
            AtomicFile.Write(outPath, json);
            var doc = ContractReader.Parse(json);
            return new DocumentOutcome(input.Path, true, doc.Targets.Count, doc.Targets.Count(t => t.NeedsReview), doc.Pages, sw.Elapsed, null, outPath)
            {
                Warnings = warnings,
                Skipped = skipped,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var reason = e switch
            {
                DocumentFailure f => f.Message,
                StoreWriteFailure s => s.Message,
                // the document was read and stored; its output could not be written (the next run writes it from the store)
                WriteFailure w => w.Message,
                IOException or UnauthorizedAccessException => $"cannot read file ({FirstLine(e)})",
                // an unexpected failure of one document must not stop the batch; say what it was in one line
                _ => $"internal error ({e.GetType().Name}): {FirstLine(e)}",
            };
            try { store.SaveFailure(run, input.Path, sha, reason); }
            catch (Exception s) when (s is not OperationCanceledException)
            {
                // a store that stopped taking writes must not stop the batch: the line says it too
                if (e is not StoreWriteFailure) reason += $"; not recorded in the store ({FirstLine(s)})";
            }
            return new DocumentOutcome(input.Path, false, 0, 0, 0, sw.Elapsed, reason, null);
        }
    }

    /// <summary>
    /// A write to the store, whose failure (another process holding it past the busy timeout, a
    /// full disk) fails this document before its output is written: no output the store does not hold.
    /// </summary>
    private static void Record(Action write)
    {
        try { write(); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StoreWriteFailure($"the store could not record it ({FirstLine(e)}); nothing written");
        }
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0];

    private sealed class StoreWriteFailure(string message) : Exception(message);

    /// <summary>
    /// Runs the pipeline under the per-document time limit. The pipeline stops at its next
    /// cancellation check; a stage that does not come back in time is left behind, so one
    /// pathological document cannot hold a worker for the rest of the batch.
    /// </summary>
    private ExtractionResult RunWithinLimit(BatchInput input, IProgress<PagesRead> pages, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Timeout);
        var task = Task.Run(() => input.Files.Count == 1 ? pipeline.Run(input.Path, pages, limit.Token) : pipeline.Run(input.Path, input.Files, pages, limit.Token), CancellationToken.None);
        bool done;
        try { done = task.Wait(options.Timeout + TimeSpan.FromSeconds(5), ct); }
        catch (AggregateException e) when (e.InnerException != null)
        {
            if (e.InnerException is OperationCanceledException && limit.IsCancellationRequested && !ct.IsCancellationRequested)
                throw TimedOut();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        if (!done) throw TimedOut();
        return task.Result;
    }

    /// <summary>One document's page counts, passed on to the batch's progress with the document they are of.</summary>
    private sealed class DocumentPages(IBatchProgress progress, BatchInput input) : IProgress<PagesRead>
    {
        public void Report(PagesRead value) => progress.Reading(input, value);
    }

    private DocumentFailure TimedOut() =>
        new($"took longer than the {options.Timeout.TotalSeconds:0} s allowed per document (--doc-timeout), stopped");
}
