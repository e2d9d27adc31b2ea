using System.Diagnostics;

namespace Ingest.Integration.Tests.Support;

/// <summary>
/// The built CLI as a process of its own, for what an in-process call cannot show: a kill, a
/// working folder, a PATH, the process's real exit.
/// </summary>
public static class CliProcess
{
    /// <summary>`dotnet ingest.dll ARGS` with both streams redirected; the caller may change the host, folder or environment.</summary>
    public static ProcessStartInfo Info(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ingest.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Runs it to its end, both streams read at once (so neither fills and stalls it), or fails after <paramref name="limit"/>.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(ProcessStartInfo psi, TimeSpan limit)
    {
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try { await p.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"ingest {string.Join(' ', psi.ArgumentList.Skip(1))} did not finish within {limit.TotalSeconds:0} s");
        }
        return (p.ExitCode, await output, await err);
    }

    /// <summary>Starts it and drains both streams in the background, for a caller that kills it or waits on it.</summary>
    public static Process Start(ProcessStartInfo psi)
    {
        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }
}
