using Ingest.Core.Batch;
using Ingest.Core.Ports;
using Ingest.Core.Contract;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Load;
using Ingest.Core.Store;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Batch;

/// <summary>A store that stops taking writes mid-batch (held by another process) fails each document on one line; the batch goes on.</summary>
public class StoreFailureTests
{
    private sealed class StoreThatStopsWriting : IResultStore
    {
        private readonly MemoryStore _inner = new();

        public long BeginRun(string pipelineVersion, string arguments) => _inner.BeginRun(pipelineVersion, arguments);

        public void FinishRun(long run, int processed, int skipped, int failed) { }

        public void SaveResult(long run, string path, StoredResult result, ContractDocument parsed) => throw new IOException("database is locked");

        public void SaveSkip(long run, string path, string sha256) => throw new IOException("database is locked");

        public void SaveFailure(long run, string path, string? sha256, string error) => throw new IOException("database is locked");

        public IReadOnlyList<SourceRecord> Sources() => [];

        public StoredResult? Latest(string sha256) => null;

        public IReadOnlyList<RunRecord> Runs() => [];

        public bool HasTarget(string sha256, string key) => false;

        public IReadOnlyList<long> SaveDecisions(IReadOnlyList<Review.ReviewDecision> decisions) => _inner.SaveDecisions(decisions);

        public bool WithdrawDecision(long id, string reviewer, DateTimeOffset at) => false;

        public IReadOnlyDictionary<string, Review.ReviewDecision> Decisions(string sha256) => new Dictionary<string, Review.ReviewDecision>();

        public IReadOnlyList<DecisionRecord> DecisionHistory(string sha256, string key) => [];

        public IReadOnlyDictionary<string, TargetPlace> Places(string sha256) => new Dictionary<string, TargetPlace>();

        public void Dispose() { }
    }

    private sealed class Silent : IBatchProgress
    {
        public void Started(BatchInput input) { }

        public void Reading(BatchInput input, PagesRead pages) { }

        public void Finished(DocumentOutcome outcome) { }
    }

    [Fact]
    public void EveryDocument_FailsOnItsOwnLine_AndNoOutputIsWrittenThatTheStoreDoesNotHold()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-storefail-");
        var inputs = Enumerable.Range(1, 3).Select(i =>
        {
            var p = Path.Combine(dir.FullName, $"plan{i}.txt");
            File.WriteAllText(p, Some.Header2025 + "Phấn đấu đến năm 2030, 95% hộ gia đình có cáp quang.\n");
            return new BatchInput(p, $"plan{i}.json");
        }).ToList();
        var runner = new BatchRunner(new IngestPipeline(PipelineSettings.Default([new PlainTextReader()])), "test", new StoreThatStopsWriting(), new BatchOptions(Jobs: 2));

        var outcomes = runner.Run(inputs, Path.Combine(dir.FullName, "out"), new Silent());

        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o =>
        {
            Assert.False(o.Ok);
            Assert.Contains("store", o.Error);
            Assert.DoesNotContain('\n', o.Error!);
        });
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.FullName, "out")));
    }
}
