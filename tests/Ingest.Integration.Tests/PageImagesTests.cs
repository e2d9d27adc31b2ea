using System.Diagnostics;
using System.Text.Json;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>A plan sent as one photo or scan per page is read as one document, so a heading on one page governs the next.</summary>
public sealed class PageImagesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ingest-page-images-");

    public void Dispose() => _dir.Delete(true);

    [Fact]
    [Trait("Category", "Slow")]
    public void Page_images_of_a_folder_are_one_document_and_a_heading_carries_over_the_page()
    {
        // the scan sample's pages as JPEG files, as a phone or a scanner app sends them: chu-se-kh-hdnd-p-1.jpg … -p-5.jpg
        var pages = Directory.CreateDirectory(Path.Combine(_dir.FullName, "photos"));
        var psi = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var a in new[] { "-r", "300", "-gray", "-jpeg", Path.Combine(Repo.Samples, "chu-se-kh-hdnd.scan.pdf"), Path.Combine(pages.FullName, "chu-se-kh-hdnd-p") })
            psi.ArgumentList.Add(a);
        using (var p = Process.Start(psi)!) { p.WaitForExit(); Assert.Equal(0, p.ExitCode); }
        Assert.Equal(5, pages.GetFiles("*.jpg").Length);

        var outDir = Path.Combine(_dir.FullName, "out");
        var (code, stdout, stderr) = CliTests.Run("extract", pages.FullName, "-o", outDir, "--db", Path.Combine(_dir.FullName, "s.db"), "--progress", "lines");
        Assert.True(code == 0, stdout + stderr);
        var output = Assert.Single(Directory.GetFiles(outDir, "*.json", SearchOption.AllDirectories));
        Assert.Equal("chu-se-kh-hdnd.json", Path.GetFileName(output));

        using var json = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(5, json.RootElement.GetProperty("source").GetProperty("pages").GetInt32());
        // "2.4. Đến hết năm 2040" closes page 2; its last value is on page 3, which alone would have no year
        var vote = json.RootElement.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("indicator").GetString()!.Contains("biểu quyết", StringComparison.Ordinal));
        Assert.Equal(3, vote.GetProperty("source").GetProperty("page").GetInt32());
        Assert.Equal(2040, vote.GetProperty("deadline").GetProperty("year").GetInt32());
    }
}
