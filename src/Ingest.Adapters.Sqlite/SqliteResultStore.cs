using System.Globalization;
using System.Text.Json;
using Ingest.Core.Contract;
using Ingest.Core.Output;
using Ingest.Core.Review;
using Ingest.Core.Store;
using Microsoft.Data.Sqlite;

namespace Ingest.Adapters.Sqlite;

/// <summary>
/// The store in one SQLite file (Microsoft.Data.Sqlite). One connection, serialised by a lock:
/// writes are small and the pipeline, not the store, is what takes time. WAL journaling keeps
/// every committed transaction through a killed process; an interrupted one is rolled back on
/// the next open.
/// </summary>
public sealed class SqliteResultStore : IResultStore
{
    private readonly SqliteConnection _db;
    private readonly string _path;
    private readonly Lock _gate = new();

    private SqliteResultStore(SqliteConnection db, string path) => (_db, _path) = (db, path);

    /// <summary>How long a run waits for another that holds the store (a long transaction, a schema being made) before giving up.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Opens the store, creating or migrating its schema. Throws <see cref="StoreBusyException"/> when
    /// another process holds it beyond <paramref name="busyTimeout"/>, an <see cref="IOException"/> when
    /// the file cannot be opened or written, and <see cref="InvalidDataException"/> when it is not a store.
    /// </summary>
    public static SqliteResultStore Open(string path, TimeSpan? busyTimeout = null)
    {
        var wait = busyTimeout ?? DefaultBusyTimeout;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        try { if (dir != null) Directory.CreateDirectory(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot open or write the store ({IoReason.Of(e, dir!, folder: true)})", e);
        }
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until this many seconds have passed, on top of
            // SQLite's own wait (busy_timeout below, which is the wait): the least it allows, or a busy store waits twice
            DefaultTimeout = 1,
        }.ToString());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            db.Open();
            // The wait first: switching a new file to WAL already needs the lock another opener may hold.
            // One statement per command: in a batch of statements, Microsoft.Data.Sqlite lets a busy one pass unnoticed.
            foreach (var pragma in new[] { $"busy_timeout={(long)wait.TotalMilliseconds}", "journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON" })
                Exec(db, "PRAGMA " + pragma);
            Migrations.Apply(db);
            return new SqliteResultStore(db, path);
        }
        catch (Exception e)
        {
            db.Dispose();
            Exception? said = e switch
            {
                SqliteException se when Held(se) =>
                    new StoreBusyException($"{path}: database is busy: locked by another ingest run (waited {clock.Elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s)", e),
                SqliteException se when Unwritable(se) =>
                    new IOException($"{path}: cannot open or write the store ({FirstLine(se)})", e),
                SqliteException se => new InvalidDataException($"{path}: not a usable Ingest database ({FirstLine(se)})", e),
                InvalidDataException => new InvalidDataException($"{path}: {e.Message}", e),
                _ => null,
            };
            if (said == null) throw;
            throw said;
        }
    }

    /// <summary>
    /// A write to the open store. Another process holding it past the busy timeout, or a file that
    /// stopped taking writes, is said as what it is, with the store's path, not as a SQLite error.
    /// </summary>
    private T Written<T>(Func<T> write)
    {
        try { return write(); }
        catch (SqliteException e) when (Held(e))
        {
            throw new StoreBusyException($"{_path}: database is busy: locked by another process", e);
        }
        catch (SqliteException e) when (Unwritable(e))
        {
            throw new IOException($"{_path}: cannot write the store ({FirstLine(e)})", e);
        }
    }

    private void Written(Action write) => Written(() => { write(); return 0; });

    // SQLite's primary result codes (sqlite3.h)
    private const int Permission = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;

    /// <summary>Another connection holds the store past the busy timeout: not damage, trying later works.</summary>
    private static bool Held(SqliteException e) => e.SqliteErrorCode is Busy or Locked;

    /// <summary>The file or its folder cannot be opened or written (permissions, a read-only or full disk).</summary>
    private static bool Unwritable(SqliteException e) => e.SqliteErrorCode is CantOpen or ReadOnly or IoError or Full or Permission;

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0];

    public long BeginRun(string pipelineVersion, string arguments)
    {
        return Written(() =>
        {
            lock (_gate)
            {
                using var cmd = Command("INSERT INTO runs(pipeline_version, arguments, started) VALUES ($v, $a, $t) RETURNING id",
                    ("$v", pipelineVersion), ("$a", arguments), ("$t", Now()));
                return (long)cmd.ExecuteScalar()!;
            }
        });
    }

    public void FinishRun(long run, int processed, int skipped, int failed)
    {
        Written(() =>
        {
            lock (_gate)
            {
                using var cmd = Command("UPDATE runs SET finished = $t, processed = $p, skipped = $s, failed = $f WHERE id = $id",
                    ("$t", Now()), ("$p", processed), ("$s", skipped), ("$f", failed), ("$id", run));
                cmd.ExecuteNonQuery();
            }
        });
    }

    public StoredResult? Latest(string sha256)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT pipeline_version, json FROM documents WHERE sha256 = $s", ("$s", sha256));
            using var r = cmd.ExecuteReader();
            return r.Read() ? new StoredResult(sha256, r.GetString(0), r.GetString(1)) : null;
        }
    }

    public void SaveResult(long run, string path, StoredResult result, ContractDocument parsed)
    {
        Written(() =>
        {
            lock (_gate)
            {
                // IMMEDIATE: the decisions read here are the ones carried, so none may come in between
                using var tx = _db.BeginTransaction(deferred: false);
                var decided = Standing(result.Sha256, tx);
                var before = decided.Count == 0 ? [] : Traces(tx, result.Sha256);
                // one result per content: a newer pipeline's result replaces the older one
                Exec("DELETE FROM documents WHERE sha256 = $s", tx, ("$s", result.Sha256));
                Exec("""
                    INSERT INTO documents(sha256, pipeline_version, json, format, pages, title, issuer, place, targets, needs_review, run, created)
                    VALUES ($s, $v, $j, $f, $p, $ti, $i, $pl, $n, $r, $run, $t)
                    """, tx,
                    ("$s", result.Sha256), ("$v", result.PipelineVersion), ("$j", result.Json), ("$f", parsed.Format), ("$p", parsed.Pages),
                    ("$ti", parsed.Title), ("$i", parsed.Issuer), ("$pl", parsed.Place), ("$n", parsed.Targets.Count),
                    ("$r", parsed.Targets.Count(t => t.NeedsReview)), ("$run", run), ("$t", Now()));
                int ordinal = 0;
                foreach (var t in parsed.Targets)
                    Exec("""
                        INSERT INTO targets(sha256, ordinal, key, indicator, code, code_score, year, annual, kind, qualifier, comparator,
                                            value, value_max, unit, confidence, needs_review, section, page, line, source_text, line_box, value_box)
                        VALUES ($s, $o, $k, $ind, $c, $cs, $y, $a, $kind, $q, $cmp, $val, $max, $u, $conf, $nr, $sec, $pg, $ln, $src, $lb, $vb)
                        """, tx, ("$lb", BoxText(t.LineBox)), ("$vb", BoxText(t.ValueBox)),
                        ("$s", result.Sha256), ("$o", ordinal++), ("$k", t.Key), ("$ind", t.Indicator), ("$c", t.Code), ("$cs", t.CodeScore),
                        ("$y", t.Year), ("$a", t.Annual), ("$kind", t.Kind), ("$q", t.Qualifier), ("$cmp", t.Comparator), ("$val", t.Value),
                        ("$max", t.ValueMax), ("$u", t.Unit), ("$conf", t.Confidence), ("$nr", t.NeedsReview), ("$sec", t.Section),
                        ("$pg", t.Page), ("$ln", t.Line), ("$src", t.SourceText));
                if (decided.Count > 0) CarryDecisions(tx, decided, before, parsed.Targets);
                PointSource(tx, run, path, result.Sha256, null);
                tx.Commit();
            }
        });
    }

    // a decision whose target came back under another key follows it there (DecisionCarryOver), as a
    // row of its own that says where it came from; the old row stays in the old key's history
    private void CarryDecisions(SqliteTransaction tx, IReadOnlyDictionary<string, ReviewDecision> decided,
        IReadOnlyList<TargetTrace> before, IReadOnlyList<ContractTarget> after)
    {
        var traces = after.Select(t => new TargetTrace(t.Key, t.Page, t.Line, t.Value, t.ValueMax, t.Unit, t.SourceText, t.Year, t.Kind)).ToList();
        foreach (var (oldKey, newKey) in DecisionCarryOver.NewKeys(before, traces, decided.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            var d = decided[oldKey];
            Insert(tx, d with { Key = newKey, Note = $"{(d.Note is { } n ? n + " " : "")}[carried over from target {oldKey}: the document was read again]" });
        }
    }

    private List<TargetTrace> Traces(SqliteTransaction tx, string sha)
    {
        using var cmd = Command("SELECT key, page, line, value, value_max, unit, source_text, year, kind FROM targets WHERE sha256 = $s ORDER BY ordinal", ("$s", sha));
        cmd.Transaction = tx;
        using var r = cmd.ExecuteReader();
        var list = new List<TargetTrace>();
        while (r.Read())
            list.Add(new TargetTrace(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4),
                r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetInt32(7), r.GetString(8)));
        return list;
    }

    public void SaveSkip(long run, string path, string sha256) => SaveSource(run, path, sha256, null);

    public void SaveFailure(long run, string path, string? sha256, string error) => SaveSource(run, path, sha256, error);

    private void SaveSource(long run, string path, string? sha256, string? error)
    {
        Written(() =>
        {
            lock (_gate)
            {
                using var tx = _db.BeginTransaction();
                PointSource(tx, run, path, sha256, error);
                tx.Commit();
            }
        });
    }

    public IReadOnlyList<SourceRecord> Sources()
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT path, sha256, ok, error, run, at FROM sources ORDER BY path");
            using var r = cmd.ExecuteReader();
            var list = new List<SourceRecord>();
            while (r.Read())
                list.Add(new SourceRecord(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetBoolean(2),
                    r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4), Parse(r.GetString(5))));
            return list;
        }
    }

    public IReadOnlyList<RunRecord> Runs()
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT id, pipeline_version, started, finished, processed, skipped, failed FROM runs ORDER BY id");
            using var r = cmd.ExecuteReader();
            var list = new List<RunRecord>();
            while (r.Read())
                list.Add(new RunRecord(r.GetInt64(0), r.GetString(1), Parse(r.GetString(2)), r.IsDBNull(3) ? null : Parse(r.GetString(3)),
                    r.IsDBNull(4) ? 0 : r.GetInt32(4), r.IsDBNull(5) ? 0 : r.GetInt32(5), r.IsDBNull(6) ? 0 : r.GetInt32(6)));
            return list;
        }
    }

    public bool HasTarget(string sha256, string key)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT 1 FROM targets WHERE sha256 = $s AND key = $k LIMIT 1", ("$s", sha256), ("$k", key));
            return cmd.ExecuteScalar() != null;
        }
    }

    public IReadOnlyList<long> SaveDecisions(IReadOnlyList<ReviewDecision> decisions)
    {
        return Written(() =>
        {
            lock (_gate)
            {
                using var tx = _db.BeginTransaction();
                var ids = new List<long>(decisions.Count);
                foreach (var d in decisions) ids.Add(Insert(tx, d));
                tx.Commit();
                return (IReadOnlyList<long>)ids;
            }
        });
    }

    public bool WithdrawDecision(long id, string reviewer, DateTimeOffset at)
    {
        return Written(() =>
        {
            lock (_gate)
            {
                // IMMEDIATE: the check and the row are one step, so two undos of one decision make one withdrawal
                using var tx = _db.BeginTransaction(deferred: false);
                using var find = Command("""
                    SELECT sha256, key FROM decisions d
                    WHERE id = $id AND verdict <> 'withdraw' AND NOT EXISTS (SELECT 1 FROM decisions w WHERE w.withdraws = d.id)
                    """, ("$id", id));
                find.Transaction = tx;
                using var r = find.ExecuteReader();
                if (!r.Read()) return false;
                var (sha, key) = (r.GetString(0), r.GetString(1));
                r.Close();
                Insert(tx, sha, key, "withdraw", "{}", reviewer, at, null, id);
                tx.Commit();
                return true;
            }
        });
    }

    private long Insert(SqliteTransaction tx, ReviewDecision d) =>
        Insert(tx, d.Sha256, d.Key, d.Verdict.ToString().ToLowerInvariant(), JsonSerializer.Serialize(d.Corrections), d.Reviewer, d.DecidedAt, d.Note, null);

    private long Insert(SqliteTransaction tx, string sha, string key, string verdict, string corrections, string reviewer, DateTimeOffset at, string? note, long? withdraws)
    {
        using var cmd = Command("""
            INSERT INTO decisions(sha256, key, verdict, corrections, reviewer, decided_at, note, withdraws)
            VALUES ($s, $k, $v, $c, $r, $t, $n, $w) RETURNING id
            """, ("$s", sha), ("$k", key), ("$v", verdict), ("$c", corrections), ("$r", reviewer),
            ("$t", at.ToString("o", CultureInfo.InvariantCulture)), ("$n", note), ("$w", withdraws));
        cmd.Transaction = tx;
        return (long)cmd.ExecuteScalar()!;
    }

    public IReadOnlyDictionary<string, ReviewDecision> Decisions(string sha256) => Standing(sha256, null);

    // inside tx when one is open on the connection (a command outside it would be refused)
    private Dictionary<string, ReviewDecision> Standing(string sha256, SqliteTransaction? tx)
    {
        var map = new Dictionary<string, ReviewDecision>(StringComparer.Ordinal);
        // oldest first, so the latest standing decision on each target is the one left in the map
        foreach (var row in History(tx, "sha256 = $s", ("$s", sha256)))
            if (row is { Decision: { } d, Withdrawn: false }) map[d.Key] = d;
        return map;
    }

    public IReadOnlyList<DecisionRecord> DecisionHistory(string sha256, string key) =>
        History(null, "sha256 = $s AND key = $k", ("$s", sha256), ("$k", key));

    private List<DecisionRecord> History(SqliteTransaction? tx, string where, params (string, object?)[] args)
    {
        lock (_gate)
        {
            using var cmd = Command($"""
                SELECT id, sha256, key, verdict, corrections, reviewer, decided_at, note, withdraws,
                       EXISTS (SELECT 1 FROM decisions w WHERE w.withdraws = d.id)
                FROM decisions d WHERE {where} ORDER BY id
                """, args);
            cmd.Transaction = tx;
            using var r = cmd.ExecuteReader();
            var list = new List<DecisionRecord>();
            while (r.Read())
            {
                var verdict = r.GetString(3);
                var at = Parse(r.GetString(6));
                var decision = verdict == "withdraw" ? null
                    : new ReviewDecision(r.GetString(1), r.GetString(2), Enum.Parse<ReviewVerdict>(verdict, ignoreCase: true),
                        ReadCorrections(r.GetString(4)), r.GetString(5), at, r.IsDBNull(7) ? null : r.GetString(7)) { Id = r.GetInt64(0) };
                list.Add(new DecisionRecord(r.GetInt64(0), decision, r.IsDBNull(8) ? null : r.GetInt64(8), r.GetString(5), at, r.GetBoolean(9)));
            }
            return list;
        }
    }

    public IReadOnlyDictionary<string, TargetPlace> Places(string sha256)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT key, page, line_box, value_box FROM targets WHERE sha256 = $s AND line_box IS NOT NULL", ("$s", sha256));
            using var r = cmd.ExecuteReader();
            var map = new Dictionary<string, TargetPlace>(StringComparer.Ordinal);
            while (r.Read())
                map.TryAdd(r.GetString(0), new TargetPlace(r.GetInt32(1), ReadBox(r.GetString(2))!, r.IsDBNull(3) ? null : ReadBox(r.GetString(3))));
            return map;
        }
    }

    // a box as four numbers "x0 y0 x1 y1" in page points
    private static string? BoxText(Core.Model.BBox? b) =>
        b == null ? null : string.Join(' ', new[] { b.X0, b.Y0, b.X1, b.Y1 }.Select(v => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture)));

    private static Core.Model.BBox? ReadBox(string text) =>
        text.Split(' ') is [var a, var b, var c, var d]
            ? new Core.Model.BBox(double.Parse(a, CultureInfo.InvariantCulture), double.Parse(b, CultureInfo.InvariantCulture),
                double.Parse(c, CultureInfo.InvariantCulture), double.Parse(d, CultureInfo.InvariantCulture))
            : null;

    public void Dispose()
    {
        lock (_gate) _db.Dispose();
    }

    private static IReadOnlyDictionary<string, object?> ReadCorrections(string json)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in JsonDocument.Parse(json).RootElement.EnumerateObject())
            map[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number when p.Name == "year" => p.Value.GetInt32(),
                JsonValueKind.Number => p.Value.GetDouble(),
                _ => throw new InvalidDataException($"stored correction of {p.Name} is not a value"),
            };
        return map;
    }

    private void PointSource(SqliteTransaction tx, long run, string path, string? sha256, string? error) =>
        Exec("""
            INSERT INTO sources(path, sha256, ok, error, run, at) VALUES ($p, $s, $ok, $e, $r, $t)
            ON CONFLICT(path) DO UPDATE SET sha256 = $s, ok = $ok, error = $e, run = $r, at = $t
            """, tx, ("$p", path), ("$s", sha256), ("$ok", error == null), ("$e", error), ("$r", run), ("$t", Now()));

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] args)
    {
        var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in args) cmd.Parameters.AddWithValue(n, v ?? DBNull.Value);
        return cmd;
    }

    private void Exec(string sql, SqliteTransaction tx, params (string Name, object? Value)[] args)
    {
        using var cmd = Command(sql, args);
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
}
