using Ingest.Adapters.Sqlite;
using Ingest.Core.Contract;
using Ingest.Core.Review;
using Ingest.Core.Store;
using Microsoft.Data.Sqlite;

namespace Ingest.Integration.Tests;

/// <summary>Decisions as rows of history: a store of schema 1 keeps its decisions, later ones and undos are added, none replaced.</summary>
public class DecisionHistoryTests
{
    private static ReviewDecision D(string key, ReviewVerdict verdict, string who, int minute, double? value = null) =>
        new("sha", key, verdict, value is { } v ? new Dictionary<string, object?> { ["value"] = v } : new Dictionary<string, object?>(),
            who, DateTimeOffset.UnixEpoch.AddMinutes(minute));

    [Fact]
    public void ASchema1StoreKeepsItsDecisions_AndLaterOnesAndUndosAreHistory()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ingest-decisions-").FullName, "v1.db");
        using (var c = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // the tables migration 2 changes, as schema 1 made them, with one decision imported from a workbook
            cmd.CommandText = """
                CREATE TABLE targets(sha256 TEXT NOT NULL, ordinal INTEGER NOT NULL, key TEXT NOT NULL, page INTEGER NOT NULL, PRIMARY KEY(sha256, ordinal));
                CREATE TABLE decisions(sha256 TEXT NOT NULL, key TEXT NOT NULL,
                    verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'correct', 'reject')), corrections TEXT NOT NULL,
                    reviewer TEXT NOT NULL, decided_at TEXT NOT NULL, note TEXT, PRIMARY KEY(sha256, key));
                INSERT INTO decisions VALUES ('sha', 'k1', 'reject', '{}', 'minh', '1970-01-01T00:00:00.0000000+00:00', 'not a target');
                PRAGMA user_version = 1;
                """;
            cmd.ExecuteNonQuery();
        }
        using var store = SqliteResultStore.Open(db);
        Assert.Equal((ReviewVerdict.Reject, "minh", "not a target"), (store.Decisions("sha")["k1"].Verdict, store.Decisions("sha")["k1"].Reviewer, store.Decisions("sha")["k1"].Note));

        // two reviewers decide on one target, one after the other: both stay, the later applies
        var ids = store.SaveDecisions([D("k1", ReviewVerdict.Correct, "lan", 1, 75.5)]);
        var second = store.SaveDecisions([D("k1", ReviewVerdict.Accept, "an", 2)]).Single();
        Assert.Equal(ReviewVerdict.Accept, store.Decisions("sha")["k1"].Verdict);
        Assert.Equal(["minh", "lan", "an"], store.DecisionHistory("sha", "k1").Select(h => h.Reviewer));

        // undo withdraws the latest: the one before it applies again, and the undo is history too
        Assert.True(store.WithdrawDecision(second, "an", DateTimeOffset.UnixEpoch.AddMinutes(3)));
        var now = store.Decisions("sha")["k1"];
        Assert.Equal((ReviewVerdict.Correct, 75.5, ids[0]), (now.Verdict, (double)now.Corrections["value"]!, now.Id));
        Assert.False(store.WithdrawDecision(second, "an", DateTimeOffset.UnixEpoch.AddMinutes(4)));
        var history = store.DecisionHistory("sha", "k1");
        Assert.Equal([false, false, true, false], history.Select(h => h.Withdrawn));
        Assert.Equal(second, history[^1].Withdraws);

        // withdrawing every decision leaves the target undecided
        Assert.True(store.WithdrawDecision(ids[0], "lan", DateTimeOffset.UnixEpoch.AddMinutes(5)));
        Assert.True(store.WithdrawDecision(history[0].Id, "lan", DateTimeOffset.UnixEpoch.AddMinutes(6)));
        Assert.Empty(store.Decisions("sha"));
    }
}

/// <summary>Two reviewers' servers on one store, deciding at once: every decision is stored.</summary>
public class ConcurrentDecisionTests
{
    [Fact]
    public async Task TwoStoresOnOneFile_DecidingAtOnce_LoseNoDecision()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ingest-decisions-").FullName, "two.db");
        SqliteResultStore.Open(db).Dispose();
        async Task Decide(string who) => await Task.Run(() =>
        {
            using var store = SqliteResultStore.Open(db);
            for (int i = 0; i < 40; i++)
                store.SaveDecisions([new ReviewDecision("sha", $"k{i % 5}", ReviewVerdict.Accept, new Dictionary<string, object?>(), who, DateTimeOffset.UtcNow)]);
        });
        await Task.WhenAll(Decide("lan"), Decide("minh"));
        using var check = SqliteResultStore.Open(db);
        var history = Enumerable.Range(0, 5).SelectMany(i => check.DecisionHistory("sha", $"k{i}")).ToList();
        Assert.Equal(80, history.Count);
        Assert.Equal(40, history.Count(h => h.Reviewer == "lan"));
        Assert.Equal(5, check.Decisions("sha").Count);
    }
}

/// <summary>A document read again: a decision follows its target to a new key, in the same transaction as the new result.</summary>
public class DecisionCarryOverStoreTests
{
    private static ContractTarget T(string key, int line, string indicator, double value) =>
        new(key, indicator, value, null, "%", "=", 2027, false, "target", null, null, null, 0.4, true, "1", 1, line,
            $"- {indicator} đạt {value}%.", null, null);

    private static ContractDocument Doc(params ContractTarget[] targets) =>
        new("plan.pdf", "sha", "pdf", 1, true, null, null, null, null, null, 0, [], targets);

    [Fact]
    public void ADecidedTargetUnderANewKey_KeepsItsDecision_AndTheHistorySaysWhy()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("ingest-carry-").FullName, "s.db");
        using var store = SqliteResultStore.Open(db);
        long run = store.BeginRun("v1", "");
        store.SaveResult(run, "plan.pdf", new StoredResult("sha", "v1", "{}"),
            Doc(T("k1", 7, "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", 80), T("k2", 9, "Tỷ lệ người dân có chữ ký số", 60)));
        store.SaveDecisions([new ReviewDecision("sha", "k1", ReviewVerdict.Correct, new Dictionary<string, object?> { ["value"] = 85.0 },
            "lan", DateTimeOffset.UnixEpoch, "số liệu sai")]);

        // a better reading puts both targets one line lower: their keys change
        run = store.BeginRun("v2", "");
        store.SaveResult(run, "plan.pdf", new StoredResult("sha", "v2", "{}"),
            Doc(T("n1", 8, "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", 80), T("n2", 10, "Tỷ lệ người dân có chữ ký số", 60)));

        var decisions = store.Decisions("sha");
        Assert.False(decisions.ContainsKey("n2"));
        var d = decisions["n1"];
        Assert.Equal(("n1", ReviewVerdict.Correct, 85.0, "lan"), (d.Key, d.Verdict, (double)d.Corrections["value"]!, d.Reviewer));
        Assert.Contains("số liệu sai", d.Note);
        Assert.Contains("carried over from target k1", d.Note);
        Assert.Single(store.DecisionHistory("sha", "k1"));

        // read again as before: nothing to carry, nothing added
        run = store.BeginRun("v2", "");
        store.SaveResult(run, "plan.pdf", new StoredResult("sha", "v2", "{}"),
            Doc(T("n1", 8, "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", 80), T("n2", 10, "Tỷ lệ người dân có chữ ký số", 60)));
        Assert.Single(store.DecisionHistory("sha", "n1"));

        // back under the old key: the old row applies there again and is not given a second copy
        run = store.BeginRun("v3", "");
        store.SaveResult(run, "plan.pdf", new StoredResult("sha", "v3", "{}"),
            Doc(T("k1", 7, "Tỷ lệ hồ sơ xử lý trực tuyến toàn trình", 80), T("k2", 9, "Tỷ lệ người dân có chữ ký số", 60)));
        Assert.Single(store.DecisionHistory("sha", "k1"));
        Assert.Equal("số liệu sai", store.Decisions("sha")["k1"].Note);
    }
}
