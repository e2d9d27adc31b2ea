using System.Diagnostics;
using System.Text;
using Ingest.Core.Model;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Adapters.Poppler;

/// <summary>Timeouts and retries for poppler's command-line tools.</summary>
public sealed record PopplerOptions(TimeSpan Timeout, int Retries, string BinDir)
{
    public static readonly PopplerOptions Default = new(TimeSpan.FromSeconds(60), 1, "");
}

/// <summary>The result of one poppler command: its exit code, what it wrote (an image, say), and its error text.</summary>
public sealed record ToolResult(int ExitCode, byte[] StdOut, string StdErr);

/// <summary>
/// Runs poppler's tools as processes under a Polly pipeline: a timeout per attempt and a
/// retry for transient failures (a crash or a kill), never for a clean "this PDF is broken" exit.
/// </summary>
public sealed class PopplerTools
{
    private readonly PopplerOptions _options;
    private readonly ResiliencePipeline _pipeline;

    public PopplerTools(PopplerOptions options)
    {
        _options = options;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, options.Retries),
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<TransientToolFailure>(),
            })
            .AddTimeout(options.Timeout)
            .Build();
    }

    public ToolResult Run(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        try
        {
            return _pipeline.Execute(token => RunOnce(tool, args, token), ct);
        }
        catch (TimeoutRejectedException)
        {
            throw new DocumentFailure($"{tool} timed out after {_options.Timeout.TotalSeconds:0}s");
        }
        catch (TransientToolFailure e)
        {
            throw new DocumentFailure(e.Message);
        }
    }

    private ToolResult RunOnce(string tool, IReadOnlyList<string> args, CancellationToken ct)
    {
        var exe = _options.BinDir.Length > 0 ? Path.Combine(_options.BinDir, tool) : tool;
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process p;
        try { p = Process.Start(psi) ?? throw new DocumentFailure($"{tool} could not be started"); }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new DocumentFailure($"{tool} is not installed (Debian package poppler-utils; ./ingest installs it)");
        }
        using (p)
        {
            var stdout = ReadAllAsync(p.StandardOutput.BaseStream, ct);
            var stderr = p.StandardError.ReadToEndAsync(ct);
            try { p.WaitForExitAsync(ct).GetAwaiter().GetResult(); }
            catch (OperationCanceledException)
            {
                try { p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                throw;
            }
            var result = new ToolResult(p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
            // killed by a signal (exit > 128) is worth one more try; a clean error exit is not
            if (result.ExitCode > 128) throw new TransientToolFailure($"{tool} crashed (exit {result.ExitCode})");
            return result;
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream s, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await s.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>The first non-empty line of a tool's error output, cut to a readable length.</summary>
    public static string FirstMeaningful(string stderr)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no message";
        return line.Length > 160 ? line[..160] : line;
    }

    private sealed class TransientToolFailure(string message) : Exception(message);
}
