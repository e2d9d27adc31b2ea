using System.Diagnostics;
using Ingest.Adapters.Sqlite;
using Ingest.Core.Store;
using Ingest.Integration.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ingest.Integration.Tests;

/// <summary>The store opened by several runs at once: a new store is created once, a locked one is busy, not damaged.</summary>
public class StoreTests
{
    // 24 processes: Slow; the race itself is in the quick suite (the next test)
    [Fact]
    [Trait("Category", "Slow")]
    public async Task ExtractsStartedTogetherOnANewStore_AllSucceed()
    {
        // Separate processes, as in the report: each one's start-up (JIT) spreads the openings over the
        // moment the first is creating the schema; threads of one warm process rarely hit it.
        const int runs = 8;
        var dir = Directory.CreateTempSubdirectory("ingest-store-");
        var doc = Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt");
        for (int round = 0; round < 3; round++)
        {
            var db = Path.Combine(dir.FullName, $"new{round}.db");
            var started = Enumerable.Range(0, runs).Select(i =>
                Ingest("extract", doc, "-o", Path.Combine(dir.FullName, $"out{round}-{i}"), "--db", db, "--jobs", "1", "--progress", "lines")).ToList();
            var results = new List<(int Code, string Err)>();
            foreach (var (process, err) in started) results.Add((process.WaitForExitAndCode(), await err));

            Assert.True(results.All(r => r.Code == 0), $"round {round}:\n" + string.Join("\n", results.Where(r => r.Code != 0).Select(r => $"exit {r.Code}: {r.Err}")));
            using var store = SqliteResultStore.Open(db);
            Assert.Equal(runs, store.Runs().Count);
        }
    }

    [Fact]
    public async Task ARunOpeningTheStoreWhileAnotherCreatesItsSchema_WaitsAndUsesThatSchema()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-store-");
        var db = Path.Combine(dir.FullName, "new.db");
        // the schema another run makes: the same statements, taken from a store made beside it
        var reference = Path.Combine(dir.FullName, "reference.db");
        SqliteResultStore.Open(reference).Dispose();
        var (schema, version) = SchemaOf(reference);

        using var creating = new ManualResetEventSlim();
        var other = Task.Run(() =>
        {
            using var c = new SqliteConnection($"Data Source={db};Pooling=False");
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL; BEGIN IMMEDIATE;" + string.Concat(schema.Select(sql => sql + ";")) + $"PRAGMA user_version={version};");
            creating.Set();
            Thread.Sleep(500);
            Exec(c, "COMMIT");
        });
        creating.Wait();

        using (var store = SqliteResultStore.Open(db))
            store.BeginRun("test", "");
        await other;

        var made = SchemaOf(db);
        Assert.Equal(schema, made.Schema);
        Assert.Equal(version, made.Version);
    }

    public static TheoryData<string> Locks => new()
    {
        // a new store another process holds before it has set WAL journaling
        "new",
        // a store in WAL that another process keeps to itself (locking_mode=EXCLUSIVE shuts out readers too)
        "exclusive",
    };

    [Theory]
    [MemberData(nameof(Locks))]
    public void StoreHeldByAnotherRun_IsReportedBusy_NotDamaged(string held)
    {
        var dir = Directory.CreateTempSubdirectory("ingest-store-");
        var db = Path.Combine(dir.FullName, "held.db");
        if (held == "exclusive") SqliteResultStore.Open(db).Dispose();
        using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        holder.Open();
        Exec(holder, (held == "exclusive" ? "PRAGMA locking_mode=EXCLUSIVE; " : "") + "BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held(x);");

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<StoreBusyException>(() => SqliteResultStore.Open(db, TimeSpan.FromSeconds(2)).Dispose());

        // it waits the time it is given, once (not once per statement of the opening)
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 3.5);
        Assert.Matches(@"^" + System.Text.RegularExpressions.Regex.Escape(db) + @": database is busy: locked by another ingest run \(waited [0-9.]+ s\)$", e.Message);
    }

    /// <summary>A store taken by another process after this run opened it: its writes say busy, with the path, not a SQLite error.</summary>
    [Fact]
    public void WritesToAStoreHeldAfterItWasOpened_SayBusy()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-store-");
        var db = Path.Combine(dir.FullName, "held-later.db");
        using var store = SqliteResultStore.Open(db, TimeSpan.FromMilliseconds(300));
        long run = store.BeginRun("v", "");
        using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        holder.Open();
        Exec(holder, "BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held(x);");

        var finish = Assert.Throws<StoreBusyException>(() => store.FinishRun(run, 1, 0, 0));
        var failure = Assert.Throws<StoreBusyException>(() => store.SaveFailure(run, "a.txt", null, "reason"));

        Assert.All(new[] { finish, failure }, e => Assert.StartsWith(db + ": database is busy", e.Message));
    }

    [Fact]
    [Trait("Category", "Slow")] // waits the default 10 s
    public void ExtractOnAStoreHeldByAnotherRun_SaysBusy_OnOneLine_AndExitsOne()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-store-");
        var db = Path.Combine(dir.FullName, "held.db");
        using var holder = new SqliteConnection($"Data Source={db};Pooling=False");
        holder.Open();
        Exec(holder, "BEGIN EXCLUSIVE; CREATE TABLE held(x);");

        var (code, stdout, err) = CliTests.Run("extract", Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt"), "-o", Path.Combine(dir.FullName, "out"), "--db", db);

        Assert.Equal(1, code);
        Assert.Matches(@"^ingest: " + System.Text.RegularExpressions.Regex.Escape(db) + @": database is busy: locked by another ingest run \(waited [0-9.]+ s\)$", err.Trim());
        Assert.Equal("", stdout);
    }

    private static (Process Process, Task<string> Err) Ingest(params string[] args)
    {
        var p = Process.Start(CliProcess.Info(args))!;
        p.OutputDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        return (p, p.StandardError.ReadToEndAsync());
    }

    private static (List<string> Schema, long Version) SchemaOf(string db)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT IN ('held') ORDER BY rowid";
        var schema = new List<string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) schema.Add(r.GetString(0));
        cmd.CommandText = "PRAGMA user_version";
        return (schema, (long)cmd.ExecuteScalar()!);
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
