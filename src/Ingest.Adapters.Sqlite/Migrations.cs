using Microsoft.Data.Sqlite;

namespace Ingest.Adapters.Sqlite;

/// <summary>
/// The schema, one script per version; `PRAGMA user_version` says which have run. A database
/// made by a newer Ingest is refused rather than guessed at. Add a script, never edit one.
/// </summary>
internal static class Migrations
{
    private static readonly string[] Scripts =
    [
        """
        CREATE TABLE runs(
            id INTEGER PRIMARY KEY,
            pipeline_version TEXT NOT NULL,
            arguments TEXT NOT NULL,
            started TEXT NOT NULL,
            finished TEXT,
            processed INTEGER, skipped INTEGER, failed INTEGER);
        CREATE TABLE documents(
            sha256 TEXT PRIMARY KEY,
            pipeline_version TEXT NOT NULL,
            json TEXT NOT NULL,
            format TEXT, pages INTEGER, title TEXT, issuer TEXT, place TEXT,
            targets INTEGER NOT NULL, needs_review INTEGER NOT NULL,
            run INTEGER NOT NULL REFERENCES runs(id),
            created TEXT NOT NULL);
        CREATE TABLE targets(
            sha256 TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            key TEXT NOT NULL,
            indicator TEXT NOT NULL, code TEXT, code_score REAL,
            year INTEGER, annual INTEGER NOT NULL, kind TEXT NOT NULL, qualifier TEXT,
            comparator TEXT NOT NULL, value REAL, value_max REAL, unit TEXT NOT NULL,
            confidence REAL NOT NULL, needs_review INTEGER NOT NULL,
            section TEXT NOT NULL, page INTEGER NOT NULL, line INTEGER NOT NULL, source_text TEXT NOT NULL,
            PRIMARY KEY(sha256, ordinal));
        CREATE INDEX targets_code ON targets(code);
        CREATE TABLE sources(
            path TEXT PRIMARY KEY,
            sha256 TEXT,
            ok INTEGER NOT NULL,
            error TEXT,
            run INTEGER NOT NULL REFERENCES runs(id),
            at TEXT NOT NULL);
        CREATE TABLE decisions(
            sha256 TEXT NOT NULL,
            key TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'correct', 'reject')),
            corrections TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            note TEXT,
            PRIMARY KEY(sha256, key));
        """,
        // 2: where each target sits on its page (for the reviewer's page), and decisions kept as history:
        // every decision is a row of its own (two reviewers at once lose none), the latest standing one applies,
        // and an undo is a row that withdraws one (rows are never deleted, so ids only grow without AUTOINCREMENT)
        """
        ALTER TABLE targets ADD COLUMN line_box TEXT;
        ALTER TABLE targets ADD COLUMN value_box TEXT;
        CREATE TABLE decision_rows(
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            key TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('accept', 'correct', 'reject', 'withdraw')),
            corrections TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            note TEXT,
            withdraws INTEGER REFERENCES decision_rows(id));
        INSERT INTO decision_rows(sha256, key, verdict, corrections, reviewer, decided_at, note)
            SELECT sha256, key, verdict, corrections, reviewer, decided_at, note FROM decisions ORDER BY decided_at;
        DROP TABLE decisions;
        ALTER TABLE decision_rows RENAME TO decisions;
        CREATE INDEX decisions_target ON decisions(sha256, key);
        """,
    ];

    public static int Latest => Scripts.Length;

    public static void Apply(SqliteConnection db)
    {
        // a current schema needs no write lock, so a report can open the store beside a running extract
        if (Known(UserVersion(db, null)) == Scripts.Length) return;
        // Another run may be creating the schema at this very moment (two extracts started at once on a
        // new store): take the write lock first and read the version again under it, so each script
        // runs once, by whichever run gets the lock first; the other finds the schema made.
        using var tx = db.BeginTransaction(deferred: false);
        for (int v = Known(UserVersion(db, tx)); v < Scripts.Length; v++)
        {
            using var cmd = db.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Scripts[v] + $"\nPRAGMA user_version = {v + 1};";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private static int Known(int version) => version <= Scripts.Length ? version
        : throw new InvalidDataException($"the database has schema version {version}; this Ingest knows up to {Scripts.Length}");

    private static int UserVersion(SqliteConnection db, SqliteTransaction? tx)
    {
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
