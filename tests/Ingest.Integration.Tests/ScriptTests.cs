using System.Diagnostics;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The shell scripts a user runs first: the dependency check and the build freshness check.</summary>
public class ScriptTests
{
    // .NET starts children with SIGPIPE ignored; a user's shell does not, and that is what the
    // dependency check must survive, so the script runs with the default disposition back
    private static (int Code, string Out) Bash(string script, string? path = null)
    {
        var psi = new ProcessStartInfo("env", ["--default-signal=PIPE", "bash", "-c", script])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root,
        };
        if (path != null) psi.Environment["PATH"] = path;
        using var p = Process.Start(psi)!;
        var error = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        error.Wait(TimeSpan.FromSeconds(60));
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), "script did not finish");
        return (p.ExitCode, output);
    }

    /// <summary>An executable script BIN/NAME running BODY in bash, standing in for a system tool.</summary>
    private static void FakeTool(string bin, string name, string body)
    {
        var file = Path.Combine(bin, name);
        File.WriteAllText(file, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void BenchmarkScripts_GiveEveryExtractAStoreOfItsOwn()
    {
        // without --db a run writes to ./ingest.db, and the next run measures stored results
        var runs = Directory.GetFiles(Path.Combine(Repo.Root, "bench"), "*.sh")
            .SelectMany(f => File.ReadAllLines(f).Select(l => (Script: Path.GetFileName(f), Line: l.Trim())))
            .Where(r => !r.Line.StartsWith('#') && System.Text.RegularExpressions.Regex.IsMatch(r.Line, @"ingest""?\s+extract\b"))
            .ToList();
        Assert.True(runs.Count >= 4, "the benchmark scripts' extract runs were not found");
        foreach (var (script, line) in runs) Assert.True(line.Contains("--db "), $"{script}: {line}");
    }

    [Fact]
    public void DependencyCheck_InstallsNothing_WhenTheToolsAreThere_HoweverLongTheLibraryList()
    {
        // a library list far longer than a pipe holds, the library first: an early 'grep -q' exit
        // would kill ldconfig with SIGPIPE and, under pipefail, call apt
        var bin = Directory.CreateTempSubdirectory("ingest-fake-bin-").FullName;
        var log = Path.Combine(bin, "apt.log");
        void Tool(string name, string body) => FakeTool(bin, name, body);
        Tool("ldconfig", "echo '\tlibtesseract.so.5 (libc6,x86-64) => /usr/lib/libtesseract.so.5'; for i in $(seq 1 20000); do echo \"\tlibfake$i.so.1 (libc6,x86-64) => /usr/lib/libfake$i.so.1\"; done");
        Tool("tesseract", "exit 0");
        Tool("pdftotext", "exit 0");
        Tool("apt-get", $"echo \"apt-get $*\" >> '{log}'");
        Tool("sudo", $"echo \"sudo $*\" >> '{log}'");
        var path = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        for (int run = 0; run < 5; run++)
        {
            var (code, _) = Bash("set -euo pipefail; . scripts/install-deps.sh", path);
            Assert.Equal(0, code);
        }
        Assert.False(File.Exists(log), File.Exists(log) ? File.ReadAllText(log) : "");
    }

    [Fact]
    public void AMachineWhereGccCannotBeInstalled_StillRuns_AndSaysSo()
    {
        // no cc on the PATH, and an apt that installs anything but gcc
        var bin = Directory.CreateTempSubdirectory("ingest-fake-bin-").FullName;
        var log = Path.Combine(bin, "apt.log");
        void Tool(string name, string body) => FakeTool(bin, name, body);
        Tool("ldconfig", "echo '\tlibtesseract.so.5 (libc6,x86-64) => /usr/lib/libtesseract.so.5'");
        Tool("tesseract", "exit 0");
        Tool("pdftotext", "exit 0");
        Tool("apt-get", $"echo \"apt-get $*\" >> '{log}'; [[ \"$*\" != *gcc* ]]");
        Tool("sudo", "\"$@\"");
        foreach (var tool in new[] { "bash", "id" }) File.CreateSymbolicLink(Path.Combine(bin, tool), Path.Combine("/usr/bin", tool));

        var (code, output) = Bash("set -euo pipefail; . scripts/install-deps.sh 2>&1; echo still running", bin);

        Assert.Equal(0, code);
        Assert.Contains("could not install gcc libc6-dev", output);
        Assert.Contains("still running", output);
        Assert.Contains("install -y -qq gcc libc6-dev", File.ReadAllText(log));
    }

    [Fact]
    public void FreshnessCheck_IgnoresBuildOutputUnderSrc_AndSeesAChangedSource()
    {
        var root = Directory.CreateTempSubdirectory("ingest-fresh-").FullName;
        Directory.CreateDirectory(Path.Combine(root, ".build", "ingest"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Ingest.Core", "obj", "Debug"));
        Directory.CreateDirectory(Path.Combine(root, "models"));
        var source = Path.Combine(root, "src", "Ingest.Core", "Stage.cs");
        File.WriteAllText(source, "//");
        File.WriteAllText(Path.Combine(root, "models", "lexicon.vi.json"), "{}");
        var dll = Path.Combine(root, ".build", "ingest", "ingest.dll");
        File.WriteAllText(dll, "");
        var past = DateTime.UtcNow.AddMinutes(-10);
        File.SetLastWriteTimeUtc(source, past);
        File.SetLastWriteTimeUtc(Path.Combine(root, "models", "lexicon.vi.json"), past);
        File.SetLastWriteTimeUtc(dll, past.AddMinutes(1));
        var script = Path.Combine(Repo.Root, "scripts", "needs-build.sh");

        // a Debug build by ./test writes obj/ files under src: no rebuild
        File.WriteAllText(Path.Combine(root, "src", "Ingest.Core", "obj", "Debug", "Ingest.Core.dll"), "");
        Assert.Equal(1, Bash($"'{script}' '{root}'").Code);

        // a changed source file: rebuild, naming it
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
        var (code, output) = Bash($"'{script}' '{root}'");
        Assert.Equal(0, code);
        Assert.Contains("Stage.cs", output);
    }
}
