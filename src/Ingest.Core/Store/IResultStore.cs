using Ingest.Core.Contract;
using Ingest.Core.Review;

namespace Ingest.Core.Store;

/// <summary>A document's result as the store keeps it: the contract JSON the pipeline produced, before review.</summary>
public sealed record StoredResult(string Sha256, string PipelineVersion, string Json);

/// <summary>The latest thing known about one input path: its content, and its result or the reason it failed.</summary>
public sealed record SourceRecord(string Path, string? Sha256, bool Ok, string? Error, long Run, DateTimeOffset At);

/// <summary>One run of `ingest extract`, with its totals once it finished (null while running or when killed).</summary>
public sealed record RunRecord(long Id, string PipelineVersion, DateTimeOffset Started, DateTimeOffset? Finished, int Processed, int Skipped, int Failed);

/// <summary>
/// The embedded store: documents by content hash, runs, targets and review decisions. Every
/// write is one transaction, so a process killed at any point leaves it consistent. Safe to
/// call from several threads.
/// </summary>
public interface IResultStore : IDisposable
{
    long BeginRun(string pipelineVersion, string arguments);

    void FinishRun(long run, int processed, int skipped, int failed);

    /// <summary>Stores a document's result and its targets, and points the path at it.</summary>
    void SaveResult(long run, string path, StoredResult result, ContractDocument parsed);

    /// <summary>Records that an unchanged document was seen again and not processed.</summary>
    void SaveSkip(long run, string path, string sha256);

    void SaveFailure(long run, string path, string? sha256, string error);

    IReadOnlyList<SourceRecord> Sources();

    /// <summary>The stored result for this content (one per content: a newer pipeline's replaces the older), whatever pipeline version made it.</summary>
    StoredResult? Latest(string sha256);

    IReadOnlyList<RunRecord> Runs();

    /// <summary>Whether the stored result of this content has a target with this key.</summary>
    bool HasTarget(string sha256, string key);

    /// <summary>
    /// Stores decisions all together or not at all, each as a row of its own, and returns their ids in order.
    /// The latest standing decision on a target is the one that applies; the earlier ones stay as its history.
    /// </summary>
    IReadOnlyList<long> SaveDecisions(IReadOnlyList<ReviewDecision> decisions);

    /// <summary>
    /// Withdraws a decision (a reviewer's undo), as a row of its own: the target falls back to the latest
    /// decision still standing before it, or to none. False when there is no such decision to withdraw.
    /// </summary>
    bool WithdrawDecision(long id, string reviewer, DateTimeOffset at);

    /// <summary>The decision that applies to each decided target of this content, by key.</summary>
    IReadOnlyDictionary<string, ReviewDecision> Decisions(string sha256);

    /// <summary>Every decision on one target, oldest first, withdrawn ones and the withdrawals included.</summary>
    IReadOnlyList<DecisionRecord> DecisionHistory(string sha256, string key);

    /// <summary>Where each target of this content sits on its page (line and value word), by key; only targets read from a PDF page or an image.</summary>
    IReadOnlyDictionary<string, TargetPlace> Places(string sha256);
}

/// <summary>One row of a target's decision history: a decision, or the withdrawal (undo) of the one it names.</summary>
public sealed record DecisionRecord(long Id, ReviewDecision? Decision, long? Withdraws, string Reviewer, DateTimeOffset At, bool Withdrawn);

/// <summary>Where a target was read on its page: the line's box and the value's word's box, in page points, y down.</summary>
public sealed record TargetPlace(int Page, Model.BBox Line, Model.BBox? Value);
