using System.Diagnostics;
using Ingest.Core.Contract;
using Ingest.Core.Validation;
using Ingest.Integration.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Ingest.Integration.Tests;

/// <summary>Bad input under load, and batches killed mid-way: every bad file named, every good one right, the store consistent.</summary>
public class FaultTests
{
    private static readonly string[] Good =
        [.. Repo.CleanPlans.SelectMany(p => new[] { $"{p}.txt", $"{p}.pdf", $"{p}.docx" }), "kon-chieng-kh-dang-uy-scan.txt"];

    private static string GoodFolder(string dir)
    {
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        foreach (var f in Good) File.Copy(Path.Combine(Repo.Samples, f), Path.Combine(input, f));
        return input;
    }

    [Fact]
    public void FaultCorpusMixedWithSamples_NamesEveryBadFile_AndExtractsEveryGoodOne_AndTheSecondRunSkipsThemAll()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-faults-").FullName;
        var input = GoodFolder(dir);
        var bad = FaultCorpus.Write(input);
        var output = Path.Combine(dir, "out");
        var db = Path.Combine(dir, "t.db");

        var first = CliTests.Run("extract", input, "-o", output, "--db", db, "--progress", "lines", "--doc-timeout", "120");

        Assert.Equal(1, first.Code);
        var errors = first.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (name, reason) in bad)
        {
            var line = Assert.Single(errors, l => l.StartsWith(Path.Combine(input, name) + ":", StringComparison.Ordinal));
            Assert.Contains(reason, line);
            Assert.False(File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(name) + ".json")), name);
        }
        Assert.Contains(errors, l => l.Contains("symbolic-link loop"));
        foreach (var f in Good.Where(f => !f.Contains("-scan")))
        {
            var json = Path.Combine(output, f + ".json");
            var approved = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Approved", f + ".approved.json");
            var diff = TargetValidator.AgainstApproved(ContractReader.Parse(File.ReadAllText(approved)), ContractReader.Parse(File.ReadAllText(json)));
            Assert.True(diff.Clean, f + ":\n" + string.Join("\n", diff.Lines()));
        }
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));

        var second = CliTests.Run("extract", input, "-o", output, "--db", db, "--progress", "lines");
        Assert.Equal(1, second.Code);
        Assert.Contains($"{Good.Length} ok ({Good.Length} unchanged", second.Out);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void KilledBatch_ResumesToTheSameStoreAndOutputs_AsAnUninterruptedRun()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-kill-").FullName;
        var input = GoodFolder(dir);
        var (refOut, refDb) = (Path.Combine(dir, "ref-out"), Path.Combine(dir, "ref.db"));
        Assert.Equal(0, Ingest(input, refOut, refDb).WaitForExitAndCode());
        var expected = Snapshot(refOut, refDb);

        var rng = new Random(57);
        for (int attempt = 0; attempt < 4; attempt++)
        {
            var (outDir, db) = (Path.Combine(dir, $"out{attempt}"), Path.Combine(dir, $"t{attempt}.db"));
            using (var p = Ingest(input, outDir, db))
            {
                Thread.Sleep(rng.Next(300, 3000));
                if (!p.HasExited) p.Kill(); // SIGKILL: no handler runs, no cleanup
                p.WaitForExit();
            }
            Assert.Equal(0, Ingest(input, outDir, db).WaitForExitAndCode());
            var got = Snapshot(outDir, db);
            Assert.Equal(expected.Outputs, got.Outputs);
            Assert.Equal(expected.Store, got.Store);
        }
    }

    private static Process Ingest(string input, string outDir, string db) =>
        CliProcess.Start(CliProcess.Info("extract", input, "-o", outDir, "--db", db, "--jobs", "2", "--progress", "lines"));

    /// <summary>The outputs and the store's content, without what differs between runs by nature (run ids, times).</summary>
    private static (string Outputs, string Store) Snapshot(string outDir, string db)
    {
        var outputs = string.Join("\n", Directory.GetFiles(outDir).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileName(f) + "\n" + File.ReadAllText(f)));
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        var sb = new System.Text.StringBuilder();
        foreach (var sql in new[]
                 {
                     "SELECT path, sha256, ok, error FROM sources ORDER BY path",
                     "SELECT sha256, pipeline_version, json, targets, needs_review FROM documents ORDER BY sha256",
                     "SELECT sha256, ordinal, key, indicator, code, year, value, value_max, unit, comparator, confidence FROM targets ORDER BY sha256, ordinal",
                     "PRAGMA integrity_check",
                     "PRAGMA foreign_key_check",
                 })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
                for (int i = 0; i < r.FieldCount; i++) sb.Append(r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(i + 1 < r.FieldCount ? "|" : "\n");
        }
        return (outputs, sb.ToString());
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitAndCode(this Process p)
    {
        using (p)
        {
            if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(); return -1; }
            p.WaitForExit();
            return p.ExitCode;
        }
    }
}
