using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The README's commands, run as a user would type them, from the repository root.</summary>
public class ReadmeTests
{
    /// <summary>The README line that ends in "# a CI step", with its arguments exactly as written.</summary>
    public static string[] CiStep()
    {
        var line = File.ReadLines(Path.Combine(Repo.Root, "README.md")).Single(l => l.TrimEnd().EndsWith("# a CI step", StringComparison.Ordinal));
        var words = line[..line.IndexOf('#')].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("./ingest", words[0]);
        return words[1..];
    }

    // validating every sample reads the five scans by OCR: a minute or more, so CI runs it (./test --full)
    [Fact]
    [Trait("Category", "Slow")]
    public async Task CiStep_PassesOnTheShippedRepository()
    {
        // the built CLI stands in for ./ingest, which would start a Release build of its own
        var psi = CliProcess.Info(CiStep());
        psi.WorkingDirectory = Repo.Root;
        var (code, output, err) = await CliProcess.RunAsync(psi, TimeSpan.FromMinutes(15));
        Assert.True(code == 0, $"exit {code}\n{output}\n{err}");
    }
}
