using System.CommandLine;
using Ingest.Adapters.Sqlite;
using Ingest.Core.Store;

namespace Ingest.Cli.Commands;

/// <summary>The --db option every command that reads or writes the store shares.</summary>
public static class StoreOptions
{
    public const string DefaultPath = "ingest.db";

    public static Option<string> Db() => new("--db")
    {
        Description = "The store (SQLite) of documents, runs, targets and review decisions.",
        DefaultValueFactory = _ => DefaultPath,
    };

    /// <summary>Opens a store that must already exist (reports and review read what extract stored), or says why not and returns null.</summary>
    public static IResultStore? OpenExisting(string path)
    {
        if (File.Exists(path)) return Open(path);
        Console.Error.WriteLine($"ingest: {path}: no store here; run 'ingest extract' first (or give --db)");
        return null;
    }

    /// <summary>
    /// Opens the store, or says in one line why it cannot and returns null (the --db given is wrong).
    /// A store another run holds is not a wrong --db: that StoreBusyException goes on to Program's one line, exit 1.
    /// </summary>
    public static IResultStore? Open(string path)
    {
        try { return SqliteResultStore.Open(path); }
        catch (Exception e) when (e is InvalidDataException or (IOException and not StoreBusyException) or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ingest: {e.Message}");
            return null;
        }
    }
}
