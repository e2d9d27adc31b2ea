using Ingest.Core.Stages.Load;
using System.Diagnostics;
using Ingest.Adapters.PdfPig;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The PDF reader: in-process, what it makes of superscripts, and what it hands to OCR.</summary>
public class PdfReaderTests
{
    /// <summary>A renderer that must not be needed.</summary>
    private sealed class NoRenderer : IPdfPageRenderer
    {
        public PageImage Render(string pdfPath, int page, double pageWidthPoints, CancellationToken ct) =>
            throw new InvalidOperationException($"page {page} was rendered");
    }

    /// <summary>An OCR port that keeps the page images it is given and reads nothing.</summary>
    private sealed class KeepingOcr : IPageOcr
    {
        public List<PageImage> Images { get; } = [];

        public Task<OcrPageResult> RecognizeAsync(PageImageRequest request, CancellationToken ct)
        {
            var image = request.Acquire(ct);
            lock (Images) Images.Add(image);
            var word = new LayoutWord("Chữ", new BBox(10, 10, 40, 22), 90);
            var layout = new LayoutPage(request.Page, 595, 842, [new LayoutLine([word], word.Box)]);
            return Task.FromResult(new OcrPageResult(request.Page, layout, 90, "test", null));
        }
    }

    private static IEnumerable<string> Lines(LoadedDocument doc) => doc.Lines().Select(l => l.Text);

    [Fact]
    public void SuperscriptReference_IsWrittenAfterItsWord_AndItsFootnoteOpensWithIt()
    {
        var doc = new PdfReader(new NoRenderer()).Read(Path.Combine(Repo.Samples, "dak-doa-kh-dang-uy.pdf"), "", PagesRead.Ignored, CancellationToken.None);
        var lines = Lines(doc).ToList();

        // page 4 sets each reference small and raised: not "90% 1 .", where the "1" could join a number
        Assert.Contains("90%¹.", lines);
        Assert.Contains(lines, l => l.EndsWith("đạt 90%³.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("(VNeID)⁴.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("¹ Chỉ tiêu số 2, mục 2.2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("⁴ Số liệu Công an xã", StringComparison.Ordinal));
    }

    [Fact]
    public void ScannedPages_GoToOcrAsTheScannersOwnJpeg_InMemory_WithThePagesResolution()
    {
        var pdf = Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.pdf");
        var ocr = new KeepingOcr();

        var doc = new PdfReader(new NoRenderer(), ocr).Read(pdf, "", PagesRead.Ignored, CancellationToken.None);

        Assert.True(doc.Ocr);
        Assert.Equal(3, ocr.Images.Count);
        Assert.All(ocr.Images, i =>
        {
            Assert.NotNull(i.Bytes);
            Assert.Equal(300, i.Dpi!.Value, 0.5);
            Assert.Equal(595, i.PageWidthPoints!.Value, 1.0);
        });
        // byte for byte what pdfimages -j takes out of the file
        var dir = Directory.CreateTempSubdirectory("ingest-pdfimages-").FullName;
        using (var p = Process.Start("pdfimages", ["-j", "-f", "1", "-l", "1", pdf, Path.Combine(dir, "p")])!) p.WaitForExit();
        var jpeg = Assert.Single(Directory.GetFiles(dir, "p-*.jpg"));
        Assert.Equal(File.ReadAllBytes(jpeg), ocr.Images.OrderBy(i => i.Source, StringComparer.Ordinal).First().Bytes);
    }

    [Fact]
    public void APhotoPlacedOnAPageWithBlankBands_GoesToOcrAsThePhotoItself()
    {
        // a 400×533 JPEG (a 3:4 photo) put on an A4 page by img2pdf: blank bands above and below it
        var pdf = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Fixtures", "photo-on-a4.pdf");
        var ocr = new KeepingOcr();

        new PdfReader(new NoRenderer(), ocr).Read(pdf, "", PagesRead.Ignored, CancellationToken.None);

        var image = Assert.Single(ocr.Images);
        Assert.NotNull(image.Bytes);
        Assert.True(image.Bytes[0] == 0xFF && image.Bytes[1] == 0xD8, "the JPEG as stored");
        Assert.Equal(400 / (595.3 / 72), image.Dpi!.Value, 1.0);   // the photo spans the page's width
        Assert.Equal(595.3, image.PageWidthPoints!.Value, 1.0);
    }

    [Theory]
    [InlineData("encrypted", "encrypted PDF (password required)")]
    [InlineData("truncated", "corrupt or unreadable PDF (")]
    [InlineData("junk", "corrupt or unreadable PDF (")]
    public void BadPdf_FailsWithItsOneLineReason(string kind, string reason)
    {
        var dir = Directory.CreateTempSubdirectory("ingest-badpdf-").FullName;
        var path = Path.Combine(dir, kind + ".pdf");
        var good = File.ReadAllBytes(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.pdf"));
        switch (kind)
        {
            case "encrypted": File.Copy(Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Fixtures", "encrypted.pdf"), path); break;
            case "truncated": File.WriteAllBytes(path, good[..(good.Length / 3)]); break;
            default: File.WriteAllBytes(path, [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))]); break;
        }

        var e = Assert.Throws<DocumentFailure>(() => new PdfReader(new NoRenderer()).Read(path, "", PagesRead.Ignored, CancellationToken.None));

        Assert.StartsWith(reason, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    /// <summary>A PDF with more pages than allowed is refused from its page count, before any page is read.</summary>
    [Fact]
    public void APdfOverThePageLimit_IsRefusedBeforeItsPagesAreRead()
    {
        var read = new List<PagesRead>();
        var reader = new PdfReader(new NoRenderer(), limits: new LoadOptions(MaxPages: 2));

        var e = Assert.Throws<DocumentFailure>(() => reader.Read(Path.Combine(Repo.Samples, "dak-doa-kh-dang-uy.pdf"), "", new Progress(read.Add), CancellationToken.None));

        Assert.Matches(@"^too many pages \(\d+ > 2 limit\)$", e.Message);
        Assert.Empty(read);
    }

    private sealed class Progress(Action<PagesRead> report) : IProgress<PagesRead>
    {
        public void Report(PagesRead value) => report(value);
    }

    /// <summary>
    /// The CLI run as a process whose PATH holds nothing but dotnet: a text-layer PDF needs no
    /// outside program (the reader before PdfPig failed here with "pdfinfo is not installed").
    /// </summary>
    [Fact]
    public async Task TextLayerPdfs_AreExtracted_WithNoPopplerOnThePath()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-nopath-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(dir, "bin")).FullName;
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? host
            : Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..", "dotnet");
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), Path.GetFullPath(dotnet));
        var input = Directory.CreateDirectory(Path.Combine(dir, "in")).FullName;
        foreach (var plan in Repo.CleanPlans) File.Copy(Path.Combine(Repo.Samples, plan + ".pdf"), Path.Combine(input, plan + ".pdf"));
        var output = Path.Combine(dir, "out");
        var psi = CliProcess.Info("extract", input, "-o", output, "--db", Path.Combine(dir, "t.db"), "--progress", "lines");
        psi.FileName = Path.Combine(bin, "dotnet");
        psi.Environment["PATH"] = bin;

        var (code, stdout, err) = await CliProcess.RunAsync(psi, TimeSpan.FromMinutes(2));

        Assert.True(code == 0, stdout + err);
        Assert.Contains($"{Repo.CleanPlans.Length} ok", stdout);
        foreach (var plan in Repo.CleanPlans) Assert.True(File.Exists(Path.Combine(output, plan + ".json")), plan);
    }

    [Fact]
    public void ATableDrawnWithBorders_IsReadRowByRow_AndEndsWhereItsBordersDo()
    {
        // a Word table saved as PDF by LibreOffice: equal narrow columns (indicators wrap over two
        // lines, top-aligned), a two-row header, group rows spanning the table, a heading after it
        var pdf = Path.Combine(Repo.Root, "eval", "probes", "tables", "docs", "L01_lotrinh-2hang.pdf");
        var doc = new PdfReader(new NoRenderer()).Read(pdf, "", PagesRead.Ignored, CancellationToken.None);

        var table = Assert.Single(doc.Blocks.OfType<TableBlock>());
        var rows = table.Rows.Select(r => string.Join(" | ", r.Cells.Select(c => c.Text))).ToList();
        Assert.Contains("1 | Tỷ lệ hộ gia đình sử dụng Internet băng rộng cáp quang | % | 78,5 | 85 | 90 | - | ≥ 95", rows);
        Assert.Contains("3 | Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình | % | 62 | ≥ 80 | 85 | 90 | 95", rows);
        Assert.Equal("III. TỔ CHỨC THỰC HIỆN", Assert.IsType<TextBlock>(doc.Blocks[doc.Blocks.ToList().IndexOf(table) + 1]).Lines[0].Text);
    }

    [Fact]
    public void APageThatPaintsWithAPattern_IsReadAllTheSame()
    {
        // a rectangle filled with a pattern, which has no one colour (PdfPig throws when asked for it)
        var pdf = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Fixtures", "pattern-fill.pdf");
        var doc = new PdfReader(new NoRenderer()).Read(pdf, "", PagesRead.Ignored, CancellationToken.None);
        Assert.Contains(Lines(doc), l => l.Contains("95%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 100.0, 10, 50, 100.4, 50, 90 }, "100.0:10-90")]                   // one border drawn cell by cell
    [InlineData(new[] { 100.0, 10, 50, 100.4, 60, 90 }, "100.0:10-50 100.4:60-90")]       // a gap between: two
    [InlineData(new[] { 100.0, 10, 50, 102.0, 50, 90 }, "100.0:10-50 102.0:50-90")]       // two heights (a double border): two
    public void LevelSegments_ThatContinueOneAnother_AreOneRule(double[] flat, string rules)
    {
        var segments = flat.Chunk(3).Select(c => (c[0], c[1], c[2]));
        Assert.Equal(rules, string.Join(" ", PdfRules.Join(segments).Select(r => FormattableString.Invariant($"{r.Y:0.0}:{r.X0:0}-{r.X1:0}"))));
    }
}
