using System.Collections.Concurrent;
using Ingest.Core.Contract;
using Ingest.Core.Review;
using Ingest.Core.Store;

namespace Ingest.Core.Tests.Support;

/// <summary>A result store in memory, for batch tests that are not about the store.</summary>
public sealed class MemoryStore : IResultStore
{
    private readonly ConcurrentDictionary<string, StoredResult> _results = new();
    private readonly ConcurrentDictionary<string, SourceRecord> _sources = new();
    private long _runs;

    public long BeginRun(string pipelineVersion, string arguments) => Interlocked.Increment(ref _runs);

    public void FinishRun(long run, int processed, int skipped, int failed) { }

    public void SaveResult(long run, string path, StoredResult result, ContractDocument parsed)
    {
        _results[result.Sha256] = result;
        _sources[path] = new SourceRecord(path, result.Sha256, true, null, run, DateTimeOffset.UtcNow);
    }

    public void SaveSkip(long run, string path, string sha256) =>
        _sources[path] = new SourceRecord(path, sha256, true, null, run, DateTimeOffset.UtcNow);

    public void SaveFailure(long run, string path, string? sha256, string error) =>
        _sources[path] = new SourceRecord(path, sha256, false, error, run, DateTimeOffset.UtcNow);

    public IReadOnlyList<SourceRecord> Sources() => _sources.Values.ToList();

    public StoredResult? Latest(string sha256) => _results.GetValueOrDefault(sha256);

    public IReadOnlyList<RunRecord> Runs() => [];

    public bool HasTarget(string sha256, string key) => false;

    public IReadOnlyList<long> SaveDecisions(IReadOnlyList<ReviewDecision> decisions) => decisions.Select(_ => 0L).ToList();

    public bool WithdrawDecision(long id, string reviewer, DateTimeOffset at) => false;

    public IReadOnlyDictionary<string, ReviewDecision> Decisions(string sha256) => new Dictionary<string, ReviewDecision>();

    public IReadOnlyList<DecisionRecord> DecisionHistory(string sha256, string key) => [];

    public IReadOnlyDictionary<string, TargetPlace> Places(string sha256) => new Dictionary<string, TargetPlace>();

    public void Dispose() { }
}
