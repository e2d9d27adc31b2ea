using System.Diagnostics;
using System.Runtime.InteropServices;
using Ingest.Adapters.Poppler;
using Ingest.Adapters.Tesseract;
using Ingest.Core.Model;
using Ingest.Core.Output;
using Ingest.Core.Pipeline;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;
using Ingest.Eval;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The OCR path: text rendered inside the test and read back; timeouts; mixed PDFs; the scan samples.</summary>
public sealed class OcrTests : IDisposable
{
    private static readonly string[] Plan =
    [
        "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW",
        "1. Mục tiêu đến năm 2030",
        "- Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 95%.",
        "- Tỷ lệ người dân có chữ ký số cá nhân đạt 70%.",
        "- Phủ sóng 5G trên địa bàn xã đạt 100%.",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-ocr-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void RenderedVietnamese_IsReadBack_WordForWord_WithConfidences()
    {
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan, rotateDegrees: 0.8);
        var doc = new DocumentLoader(Readers(), new LoadOptions()).Load(png, CancellationToken.None);
        Assert.True(doc.Ocr);
        Assert.Equal(SourceFormat.Image, doc.Format);
        var lines = doc.Blocks.OfType<TextBlock>().SelectMany(b => b.Lines).ToList();
        var read = lines.SelectMany(l => l.Text.Split(' ')).ToHashSet();
        var expected = Plan.SelectMany(l => l.Split(' ')).ToList();
        double found = expected.Count(read.Contains) / (double)expected.Count;
        Assert.True(found >= 0.95, $"only {found:P0} of the words read back: {string.Join(" / ", lines.Select(l => l.Text))}");
        Assert.All(lines, l => Assert.InRange(l.OcrConfidence ?? -1, 50, 100));
        Assert.All(lines, l => Assert.Equal(l.Text.Split(' ').Length, l.WordConfidences?.Count));
    }

    [Fact]
    public unsafe void TheEnginesLineImages_AreWrittenUncompressed()
    {
        // reading a page loads libtesseract, and before it the engine-calls library (native/line-images.c)
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan, rotateDegrees: 0);
        new DocumentLoader(Readers(), new LoadOptions()).Load(png, CancellationToken.None);

        // what libtesseract's calls bind to is what the process's global scope holds
        var bound = TesseractNative.dlsym(IntPtr.Zero, "pixWriteMem");
        Assert.True(bound != IntPtr.Zero, $"no pixWriteMem in the global scope: {TesseractNative.EngineCallsLibrary} was not loaded");
        var write = (delegate* unmanaged<out IntPtr, out nuint, IntPtr, int, int>)bound;
        using var line = Pix.FromGrey(new GreyImage(8, 2, new byte[16]), 300);
        const int Png = 3;
        Assert.Equal(0, write(out var data, out var size, line.Raw, Png));
        var header = new byte[4];
        System.Runtime.InteropServices.Marshal.Copy(data, header, 0, 4);
        TesseractNative.lept_free(data);
        Assert.Equal("spix", System.Text.Encoding.ASCII.GetString(header));   // leptonica's serialised pix, read back by its header
    }

    [Theory]
    [InlineData(75, 1)]    // the line finder's bricks at 300 dpi: 1/4 inch long
    [InlineData(1, 75)]
    [InlineData(15, 15)]   // and 1/20 inch square
    [InlineData(100, 1)]   // at 400 dpi
    [InlineData(73, 1)]    // a size that does not factor: left to leptonica's brick
    [InlineData(5, 5)]     // too small to gain from composing
    public unsafe void TheEnginesBrickOpenings_AreLeptonicasOwn_PixelForPixel(int hsize, int vsize)
    {
        // any call into libtesseract loads it, and the engine-calls library ahead of it (TesseractNative's resolver)
        TesseractNative.TessBaseAPIDelete(TesseractNative.TessBaseAPICreate());

        var bound = TesseractNative.dlsym(IntPtr.Zero, "pixOpenBrick");
        var leptonicas = NativeLibrary.GetExport(NativeLibrary.Load("liblept.so.5"), "pixOpenBrick");
        Assert.True(bound != IntPtr.Zero && bound != leptonicas, $"pixOpenBrick in the global scope is leptonica's: {TesseractNative.EngineCallsLibrary} was not loaded");
        var open = (delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr>)bound;
        var reference = (delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr>)leptonicas;
        var equal = (delegate* unmanaged<IntPtr, IntPtr, out int, int>)NativeLibrary.GetExport(NativeLibrary.Load("liblept.so.5"), "pixEqual");

        // ink of every length and thickness, strokes across, down and in blocks, over the top of
        // the image; below, apart, strokes a pixel or two either side of the brick's own size,
        // which a brick of another size keeps or drops the other way
        const int Width = 800, Height = 600, Band = 400;
        var random = new Random(7);
        var grey = new byte[Width * Height];
        Array.Fill(grey, (byte)255);
        void Ink(int x, int y, int w, int h)
        {
            for (int r = y; r < Math.Min(Height, y + h); r++)
                for (int c = x; c < Math.Min(Width, x + w); c++) grey[r * Width + c] = 0;
        }
        for (int i = 0; i < 300; i++)
        {
            int w = random.Next(1, 160), h = random.Next(1, 25);
            if (random.Next(2) == 0) (w, h) = (h, w);
            Ink(random.Next(Width), random.Next(Band - h), w, h);
        }
        for (int d = -2; d <= 2; d++)
        {
            Ink(20 + (d + 2) * 150, Band + 20, hsize + d, Math.Max(1, vsize + d));
            Ink(20 + (d + 2) * 150, Band + 60, Math.Max(1, hsize + d), vsize + d);
        }
        using var page = Pix.FromGrey(new GreyImage(Width, Height, grey), 300);
        using var ink = Pix.Own(TesseractNative.pixConvertTo1(page.Raw, 128))!;
        using var ours = Pix.Own(open(IntPtr.Zero, ink.Raw, hsize, vsize))!;
        using var theirs = Pix.Own(reference(IntPtr.Zero, ink.Raw, hsize, vsize))!;
        Assert.Equal(0, equal(ours.Raw, theirs.Raw, out int same));
        Assert.Equal(1, same);
    }

    /// <summary>What a "parallel sections" region's body sees: the entry points it calls, and where it logs the sections it is handed.</summary>
    private unsafe struct SectionsRun
    {
        public delegate* unmanaged<delegate* unmanaged<void*, void>, void*, uint, uint, uint, void> ParallelSections;
        public delegate* unmanaged<uint> Next;
        public delegate* unmanaged<void> EndNowait;
        public int* Log;
        public int Logged;
        public uint NestedAt, NestedCount;
    }

    // a region's body as GCC compiles one: take sections until the runtime says 0, then end without waiting
    [UnmanagedCallersOnly]
    private static unsafe void SectionsBody(void* data)
    {
        var run = (SectionsRun*)data;
        for (uint section = run->Next(); section != 0; section = run->Next())
        {
            run->Log[run->Logged++] = (int)section;
            if (section == run->NestedAt)
            {
                // a region inside a section: its own count, and the outer one's sections resume after it
                run->Log[run->Logged++] = -1;
                uint nestedAt = run->NestedAt;
                run->NestedAt = 0;
                run->ParallelSections(&SectionsBody, data, 4, run->NestedCount, 0);
                run->NestedAt = nestedAt;
                run->Log[run->Logged++] = -1;
            }
        }
        run->EndNowait();
    }

    [UnmanagedCallersOnly]
    private static unsafe void CountCall(void* data) => (*(int*)data)++;

    [Theory]
    [InlineData(4, 0, 0, "1 2 3 4")]                    // the LSTM's four gates
    [InlineData(1, 0, 0, "1")]
    [InlineData(0, 0, 0, "")]
    [InlineData(3, 2, 2, "1 2 ( 1 2 ) 3")]              // a region opened inside section 2
    [InlineData(2, 1, 0, "1 ( ) 2")]                    // an inner region with nothing to hand out
    public unsafe void TheEnginesParallelRegions_RunOnTheCallingThread_SectionsInOrder(uint count, uint nestedAt, uint nestedCount, string expected)
    {
        // any call into libtesseract loads it, and the engine-calls library ahead of it (TesseractNative's resolver)
        TesseractNative.TessBaseAPIDelete(TesseractNative.TessBaseAPICreate());
        var gomp = NativeLibrary.Load("libgomp.so.1");
        IntPtr Bound(string name)
        {
            var bound = TesseractNative.dlsym(IntPtr.Zero, name);
            Assert.True(bound != IntPtr.Zero && bound != NativeLibrary.GetExport(gomp, name), $"{name} in the global scope is libgomp's: {TesseractNative.EngineCallsLibrary} was not loaded");
            return bound;
        }

        int* log = stackalloc int[32];
        var run = new SectionsRun
        {
            ParallelSections = (delegate* unmanaged<delegate* unmanaged<void*, void>, void*, uint, uint, uint, void>)Bound("GOMP_parallel_sections"),
            Next = (delegate* unmanaged<uint>)Bound("GOMP_sections_next"),
            EndNowait = (delegate* unmanaged<void>)Bound("GOMP_sections_end_nowait"),
            Log = log, NestedAt = nestedAt, NestedCount = nestedCount,
        };
        run.ParallelSections(&SectionsBody, &run, 4, count, 0);
        var handed = Enumerable.Range(0, run.Logged).Select(i => log[i]).ToList();
        var text = string.Join(" ", handed.Select((n, i) => n > 0 ? n.ToString() : handed.Take(i).Count(m => m < 0) % 2 == 0 ? "(" : ")"));
        Assert.Equal(expected, text);
        Assert.Equal(0u, run.Next());   // outside any region there is nothing to hand out

        // a "parallel for" body runs once, as thread 0 of 1, which gives it the whole loop
        int calls = 0;
        ((delegate* unmanaged<delegate* unmanaged<void*, void>, void*, uint, uint, void>)Bound("GOMP_parallel"))(&CountCall, &calls, 4, 0);
        Assert.Equal(1, calls);
        Assert.Equal(1, ((delegate* unmanaged<int>)Bound("omp_get_num_threads"))());
        Assert.Equal(0, ((delegate* unmanaged<int>)Bound("omp_get_thread_num"))());
    }

    [Theory]
    [InlineData(1)]     // a scanned plan's pages of lists and paragraphs
    [InlineData(2)]
    public void TheEnginesLines_AreTheLinesOfParagraphsFoundFromTheText_ThoughTheParagraphsAreNot(int frame)
    {
        using var pix = Pix.Own(TesseractNative.pixReadTiff(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.tif"), frame))!;
        using var engine = new TesseractEngine(TesseractOptions.BundledTessdata, "vie");
        var ours = engine.Recognize(pix, 300, 3, CancellationToken.None).Tsv;
        var api = TesseractNative.TessBaseAPICreate();
        string theirs;
        try
        {
            Assert.Equal(0, TesseractNative.TessBaseAPIInit3(api, TesseractOptions.BundledTessdata, "vie"));
            TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            TesseractNative.TessBaseAPISetVariable(api, "textord_disable_pitch_test", "1");
            TesseractNative.TessBaseAPISetPageSegMode(api, 3);
            TesseractNative.TessBaseAPISetImage2(api, pix.Raw);
            TesseractNative.TessBaseAPISetSourceResolution(api, 300);
            Assert.Equal(0, TesseractNative.TessBaseAPIRecognize(api, IntPtr.Zero));
            theirs = InequalityGlyphs.Restore(EngineWords.Rows(api), pix.Width, pix.Height, pix.IsDark);
        }
        finally { TesseractNative.TessBaseAPIDelete(api); }
        static List<string> Lines(string tsv) => TsvLayout.Parse(tsv, 1, 1, 1000, 1000).Lines
            .Select(l => string.Join(" ", l.Words.Select(w => $"{w.Text}@{w.Box.X0},{w.Box.Y0},{w.Box.X1},{w.Box.Y1}:{w.Confidence}"))).ToList();
        static List<string> Paragraphs(string tsv) => tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(r => string.Join("\t", r.Split('\t')[2..5])).Distinct().ToList();

        Assert.Equal(Lines(theirs), Lines(ours));
        // shows that the engine's setting is in force on these pages: should another version of
        // the engine split them alike both ways, pick pages where it does not
        Assert.NotEqual(Paragraphs(theirs), Paragraphs(ours));
    }

    [Theory]
    [InlineData("scan", 3)]        // a scanned plan page: blocks, paragraphs, a heading, a signature
    [InlineData("scan", 4)]        // read as one column
    [InlineData("rendered", 3)]
    [InlineData("rendered", 6)]    // one block, as a table cell is read
    [InlineData("blank", 3)]       // no words at all
    public void TheWordRows_AreTheEnginesOwnTsvWordRows(string image, int pageSegMode)
    {
        string path = Path.Combine(_dir, "page.png");
        switch (image)
        {
            case "scan": path = Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.tif"); break;
            case "rendered": TextImage.Write(path, Plan, rotateDegrees: 1.5); break;
            default: TextImage.Write(path, [" "]); break;
        }
        var api = TesseractNative.TessBaseAPICreate();
        try
        {
            Assert.Equal(0, TesseractNative.TessBaseAPIInit3(api, TesseractOptions.BundledTessdata, "vie"));
            TesseractNative.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
            using var pix = Pix.Own(TesseractNative.pixRead(path))!;
            TesseractNative.TessBaseAPISetPageSegMode(api, pageSegMode);
            TesseractNative.TessBaseAPISetImage2(api, pix.Raw);
            TesseractNative.TessBaseAPISetSourceResolution(api, 300);
            Assert.Equal(0, TesseractNative.TessBaseAPIRecognize(api, IntPtr.Zero));
            var tsvPtr = TesseractNative.TessBaseAPIGetTsvText(api, 0);
            var tsv = Marshal.PtrToStringUTF8(tsvPtr)!;
            TesseractNative.TessDeleteText(tsvPtr);
            var theirs = tsv.Split('\n').Where(row => row.StartsWith("5\t", StringComparison.Ordinal)).ToList();
            var ours = EngineWords.Rows(api).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            Assert.Equal(theirs, ours);
            if (image != "blank") Assert.True(ours.Count > 20, $"only {ours.Count} words read");
        }
        finally { TesseractNative.TessBaseAPIDelete(api); }
    }

    [Fact]
    public void RenderedPlan_TargetsCarryOcrConfidence()
    {
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan);
        var fromImage = new IngestPipeline(PipelineSettings.Default(Readers())).Run(png).Targets;
        var fromText = new IngestPipeline(PipelineSettings.Default([new PlainTextReader()]))
            .Run(PlainTextReader.FromText("plan.txt", "0", string.Join("\n", Plan))).Targets;
        Assert.Equal(fromText.Select(t => (t.Candidate.Year, t.Candidate.Value, t.Catalogue?.Code)), fromImage.Select(t => (t.Candidate.Year, t.Candidate.Value, t.Catalogue?.Code)));
        Assert.All(fromImage, t => Assert.NotNull(t.Candidate.OcrConfidence));
        Assert.All(fromImage.Zip(fromText), p => Assert.True(p.First.Confidence <= p.Second.Confidence));
    }

    [Fact]
    public void InequalitySigns_AreReadFromTheImage_ThoughTheModelHasNoSuchSign()
    {
        // vie.traineddata cannot write "≥" or "≤": the bar under the chevron tells them from ">" and "<"
        string[] plan =
        [
            "1. Mục tiêu đến năm 2030",
            "- Tỷ lệ hồ sơ được xử lý trực tuyến ≥ 90%.",
            "- Tỷ lệ hộ gia đình có Internet cáp quang > 80%.",
            "- Tỷ lệ hồ sơ giải quyết quá hạn ≤ 5%.",
        ];
        var png = Path.Combine(_dir, "signs.png");
        TextImage.Write(png, plan);
        var fromImage = new IngestPipeline(PipelineSettings.Default(Readers())).Run(png).Targets;
        var fromText = new IngestPipeline(PipelineSettings.Default([new PlainTextReader()]))
            .Run(PlainTextReader.FromText("signs.txt", "0", string.Join("\n", plan))).Targets;
        Assert.Equal(3, fromText.Count);
        Assert.Equal(fromText.Select(t => (t.Candidate.Value, t.Candidate.Comparator)), fromImage.Select(t => (t.Candidate.Value, t.Candidate.Comparator)));
    }

    [Fact]
    public void PaleTableRules_AreFound_AndAShadedMarginIsNot()
    {
        // a faded scan: paper at 230 darkening to 150 towards the left edge, two table borders in
        // pale grey (185) two pixels thick, broken where a column's border crosses them
        int w = 1200, h = 600;
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) pixels[y * w + x] = (byte)(x < 300 ? 150 + 80 * x / 300 : 230);
        foreach (int y0 in new[] { 200, 400 })
            for (int y = y0; y < y0 + 2; y++)
                for (int x = 350; x < 1150; x++) pixels[y * w + x] = 185;
        for (int y = 150; y < 450; y++)
            for (int x = 700; x < 703; x++) pixels[y * w + x] = 185;
        var path = Path.Combine(_dir, "pale.pgm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        using var gray = Pix.Own(TesseractNative.pixRead(path))!;
        var rules = RuleFinder.Find(gray, 300, erase: false).Horizontal;
        Assert.Equal([200, 400], rules.Select(r => r.Y / 2 * 2).Order());
        Assert.All(rules, r => Assert.InRange(r.X1 - r.X0, 790, 810));
    }

    /// <summary>
    /// A photographed table as lit (300 dpi, paper at 200): column borders dark, row borders 16
    /// levels darker than the paper, and a band as pale inside one wide cell (tone marks over a line
    /// of text, longer than a faint border must be) that stops short of the cell's borders; then
    /// noise of ±14 over everything, which breaks the pale strokes every few pixels.
    /// </summary>
    private static Pix PhotographedTable(string dir)
    {
        int w = 2400, h = 900;
        var random = new Random(7);
        var ideal = new int[w * h];
        Array.Fill(ideal, 200);
        foreach (int x0 in new[] { 200, 700, 1500, 2200 })
            for (int y = 100; y < 800; y++)
                for (int x = x0; x < x0 + 3; x++) ideal[y * w + x] = 70;
        foreach (int y0 in new[] { 300, 550 })
            for (int y = y0; y < y0 + 2; y++)
                for (int x = 200; x < 2203; x++) ideal[y * w + x] = Math.Min(ideal[y * w + x], 184);
        for (int y = 420; y < 422; y++)
            for (int x = 730; x < 1470; x++) ideal[y * w + x] = 184;
        var pixels = ideal.Select(v => (byte)Math.Clamp(v + random.Next(-14, 15), 0, 255)).ToArray();
        var path = Path.Combine(dir, $"table-{Guid.NewGuid():N}.pgm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        return Pix.Own(TesseractNative.pixRead(path))!;
    }

    [Fact]
    public void FaintRowBorders_AreFoundOnAPhotoAsLit_AndABandInsideACellIsNot()
    {
        using var page = PhotographedTable(_dir);

        var rows = RuleFinder.Find(page, 300, erase: false, unevenLight: page).Horizontal;

        Assert.Equal([300, 550], rows.Where(r => r.X1 - r.X0 > 600).Select(r => r.Y / 2 * 2).Order());
        Assert.DoesNotContain(rows, r => Math.Abs(r.Y - 421) < 10);
    }

    [Fact]
    public void FaintRowBorders_AreLookedFor_OnlyOnAPhotoAsLit()
    {
        using var page = PhotographedTable(_dir);

        Assert.DoesNotContain(RuleFinder.Find(page, 300, erase: false).Horizontal, r => r.X1 - r.X0 > 600);
    }

    /// <summary>
    /// A ruled table scanned on grey paper with noise (paper 228 ± 16, ink 40 ± 4): four columns, two
    /// rows, figures in some cells and nothing in others. Each cell is read on its own; read at a
    /// threshold of its own, an empty cell's noise split into specks read as letters.
    /// </summary>
    private static string NoisyTable(string dir)
    {
        int[] xs = [200, 1000, 1450, 1900, 2350], ys = [200, 420, 640];
        string[,] cells = { { "Tỷ lệ hồ sơ", "58,3", "", "95" }, { "Chi ngân sách", "1,1", "", "3" } };
        var texts = new List<(int, int, string)>();
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 4; c++)
                if (cells[r, c].Length > 0) texts.Add((xs[c] + 40, ys[r] + 130, cells[r, c]));
        var png = Path.Combine(dir, $"cells-{Guid.NewGuid():N}.png");
        int w = 2480, h = 840;
        TextImage.Draw(png, w, h, texts);
        using var page = Pix.Own(TesseractNative.pixRead(png))!;
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(page.Raw, 0))!;
        var text = grey.ToGrey();
        var random = new Random(11);
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                bool rule = (xs.Any(c => x >= c && x < c + 3) && y >= ys[0] && y < ys[^1] + 3)
                    || (ys.Any(r => y >= r && y < r + 3) && x >= xs[0] && x < xs[^1] + 3);
                int v = rule || text[x, y] < 128 ? 40 + random.Next(-4, 5) : 228 + random.Next(-16, 17);
                pixels[y * w + x] = (byte)Math.Clamp(v, 0, 255);
            }
        var pgm = Path.Combine(dir, $"cells-{Guid.NewGuid():N}.pgm");
        File.WriteAllBytes(pgm, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        return pgm;
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TableCells_AreReadAtThePagesThreshold_SoAnEmptyCellStaysEmpty()
    {
        var pgm = NoisyTable(_dir);
        using var pool = new TesseractPagePool(TesseractOptions.Default(1) with { Preprocess = PreprocessOptions.None });
        var result = await pool.RecognizeAsync(new PageImageRequest(pgm, 1, _ => PageImage.File(pgm)), CancellationToken.None);
        Assert.True(result.Ok, result.Failure);
        Assert.Matches(@"\d+ cells? read again", result.Settings);
        const double pt = 72.0 / 300;
        // the empty third column: x 1450–1900 px
        var inEmpty = result.Layout!.Lines.SelectMany(l => l.Words)
            .Where(w => (w.Box.X0 + w.Box.X1) / 2 > 1450 * pt && (w.Box.X0 + w.Box.X1) / 2 < 1900 * pt).ToList();
        Assert.True(inEmpty.Count == 0, $"read in the empty cells: {string.Join(" ", inEmpty.Select(w => w.Text))}");
        var words = result.Layout.Lines.SelectMany(l => l.Words).Select(w => w.Text).ToList();
        Assert.Contains("58,3", words);
        Assert.Contains("1,1", words);
        Assert.Contains("95", words);
        Assert.Contains("3", words);
    }

    [Theory]
    [InlineData(1, 70, true)]    // "98,3" for 58,3 on a photo's page threshold
    [InlineData(2, 84, true)]
    [InlineData(1, 85, false)]
    [InlineData(1, 97, false)]
    [InlineData(0, 0, false)]    // an empty cell: read at its own threshold its noise becomes letters
    public void ACellReadUnsurelyAtThePagesThreshold_IsReadAgainAtItsOwn(int words, int confidence, bool again)
    {
        Assert.Equal(again, TesseractPagePool.Unsure(new OcrRun("", confidence, words)));
    }

    [Fact]
    public void RulesBrokenIntoDashes_AreFound_AndLettersStemsSetOneAboveAnotherAreNot()
    {
        // a fax at 300 dpi: a row border and a column border two pixels thick, a fifth of their
        // length lost to drop-outs and two breaks of 0.1" (no unbroken stretch is long enough for
        // a rule), the row border stepping down a pixel halfway; and four lines of "text" whose
        // letters' stems (4 px wide, 28 tall, 60 px apart line to line) stand one above another
        int w = 1200, h = 700;
        var pixels = new byte[w * h];
        Array.Fill(pixels, (byte)255);
        var random = new Random(7);
        bool Broken(int along) => random.NextDouble() < 0.2 || along is >= 400 and < 430 or >= 800 and < 830;
        for (int x = 100; x < 1100; x++)
        {
            if (Broken(x)) continue;
            int y0 = x < 600 ? 200 : 201;
            for (int y = y0; y < y0 + 2; y++) pixels[y * w + x] = 0;
        }
        for (int y = 150; y < 650; y++)
        {
            if (Broken(y + 300)) continue;
            for (int x = 150; x < 152; x++) pixels[y * w + x] = 0;
        }
        for (int line = 0; line < 4; line++)
            for (int x = 300; x < 900; x += 12)
                if (x / 12 % 6 != 5)   // a space between words
                    for (int y = 300 + 60 * line; y < 328 + 60 * line; y++)
                        for (int dx = 0; dx < 4; dx++) pixels[y * w + x + dx] = 0;
        var path = Path.Combine(_dir, "fax.pgm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        using var gray = Pix.Own(TesseractNative.pixRead(path))!;
        var rules = RuleFinder.Find(gray, 300, erase: false, bridgeBreaks: true);
        var row = Assert.Single(rules.Horizontal);
        Assert.InRange(row.Y, 199, 202);
        Assert.InRange(row.X1 - row.X0, 980, 1000);
        var column = Assert.Single(rules.Vertical);
        Assert.InRange(column.X, 149, 152);
        Assert.InRange(column.Y1 - column.Y0, 480, 500);
    }

    [Theory]
    // a chevron 20 px square at (10, 10); what lies under it
    [InlineData(3, 20, true)]    // a bar as wide as the sign, just under it: "≥"
    [InlineData(0, 0, false)]    // nothing: ">"
    [InlineData(3, 200, false)]  // a rule running on past the sign: an underline or a table border
    [InlineData(25, 20, false)]  // a bar far below: the next line
    public void ABarUnderTheChevronMakesItAnInequalityWithEquality(int gap, int barLength, bool expected)
    {
        var ink = new HashSet<(int, int)>();
        for (int k = 0; k < 10; k++) { ink.Add((10 + 2 * k, 10 + k)); ink.Add((10 + 2 * k, 29 - k)); }
        for (int x = 10; x < 10 + barLength; x++) { ink.Add((x, 30 + gap)); ink.Add((x, 31 + gap)); }
        var tsv = "5\t1\t1\t1\t1\t1\t10\t10\t20\t20\t91.5\t>\n5\t1\t1\t1\t1\t2\t40\t10\t40\t20\t95.0\t90%";
        var restored = InequalityGlyphs.Restore(tsv, 400, 100, (x, y) => ink.Contains((x, y)));
        Assert.Equal(expected ? tsv.Replace("\t>\n", "\t≥\n") : tsv, restored);
    }

    [Fact]
    public void PageThatTimesOut_IsReported_WithItsNumberAndReason()
    {
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan);
        using var pool = new TesseractPagePool(TesseractOptions.Default(1) with { PageTimeout = TimeSpan.FromMilliseconds(20) });
        var failure = Assert.Throws<DocumentFailure>(() => new ImageReader(pool).Read(png, "0", PagesRead.Ignored, CancellationToken.None));
        Assert.Contains("page 1", failure.Message);
        Assert.True(failure.Message.Contains("timed out"), failure.Message);
    }

    [Fact]
    public void LowConfidence_IsRetriedWithTheOtherSettings_AndTheBestReadingKept()
    {
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan);
        // no reading can reach 101: every attempt runs, and the most confident one is kept
        using var pool = new TesseractPagePool(TesseractOptions.Default(1) with { LowConfidence = 101 });
        var doc = new ImageReader(pool).Read(png, "0", PagesRead.Ignored, CancellationToken.None);
        var info = Assert.Single(doc.Diagnostics, d => d.Stage == "ocr");
        Assert.Contains("psm", info.Message);
        Assert.Contains(doc.Blocks.OfType<TextBlock>(), b => b.Text.Contains("Internet cáp quang"));
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(TesseractOptions.DefaultLostTextLimit, true)]
    [InlineData(1.0, false)]   // no limit: the page is not read again, and the shadow's words come back one group of ink at a time
    public async Task TextLostInAShadow_IsWarnedOf_AndReadAgainWithTheBackgroundNormalised(double limit, bool expectReread)
    {
        // the lower half of the page in a deep shadow (paper 255 → 120) and no preparation asked for:
        // one threshold for the page turns the shadow black and its lines give no words, with the
        // lines that were read still confident
        var png = Path.Combine(_dir, "plan.png");
        TextImage.Write(png, Plan);
        using var page = Pix.Own(TesseractNative.pixRead(png))!;
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(page.Raw, 0))!;
        int w = grey.Width, h = grey.Height;
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                TesseractNative.pixGetPixel(grey.Raw, x, y, out var v);
                pixels[y * w + x] = (byte)(y > h / 2 ? v * 120 / 255 : v);
            }
        var pgm = Path.Combine(_dir, "shadow.pgm");
        File.WriteAllBytes(pgm, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        using var pool = new TesseractPagePool(TesseractOptions.Default(1) with { Preprocess = PreprocessOptions.None, LostTextLimit = limit });
        var result = await pool.RecognizeAsync(new PageImageRequest(pgm, 1, _ => PageImage.File(pgm)), CancellationToken.None);
        Assert.True(result.Ok, result.Failure);
        var text = string.Join(" ", result.Layout!.Lines.Select(l => l.Text));
        Assert.Equal(expectReread, result.Settings.Contains("read again with background"));
        Assert.Equal(expectReread, result.Warning != null);
        Assert.Contains("5G", text);
        Assert.Equal(!expectReread, result.Settings.Contains("read from ink the page's reading left"));
    }

    [Fact]
    public void MixedPdf_TextPagesAndScannedPages_ReadAsOneDocument()
    {
        // page 1 from the text-layer PDF, pages 2-3 from the scan of the same plan
        var text = Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.pdf");
        var scan = Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.pdf");
        Run("pdfseparate", "-f", "1", "-l", "1", text, Path.Combine(_dir, "t-%d.pdf"));
        Run("pdfseparate", "-f", "2", "-l", "3", scan, Path.Combine(_dir, "s-%d.pdf"));
        var mixed = Path.Combine(_dir, "kon-chieng-nq-hdnd.pdf");
        Run("pdfunite", Path.Combine(_dir, "t-1.pdf"), Path.Combine(_dir, "s-2.pdf"), Path.Combine(_dir, "s-3.pdf"), mixed);
        var result = Repo.Pipeline().Run(mixed);
        Assert.True(result.Document.Source.Ocr);
        Assert.DoesNotContain(result.Diagnostics, d => d.Stage == "ocr" && d.Page == 1);
        Assert.Contains(result.Diagnostics, d => d.Stage == "ocr" && d.Page == 2);
        var f1 = GoldScore.F1(result, "kon-chieng-nq-hdnd");
        Assert.True(f1 >= 0.95, $"F1 {f1:0.000}");
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("chu-se-kh-hdnd.scan.pdf")]
    [InlineData("dak-doa-kh-dang-uy.scan.pdf")]
    [InlineData("kon-chieng-nq-hdnd.scan.pdf")]
    [InlineData("kon-chieng-nq-hdnd.scan.tif")]
    [InlineData("xop-kh-ubnd.scan.pdf")]
    public void ScanSamples_ScoreWithin005OfTheTextLayer(string file)
    {
        var name = file[..file.IndexOf(".scan", StringComparison.Ordinal)];
        double F1(string path) => GoldScore.F1(Extracted.Of(path), name);
        double text = F1(Path.Combine(Repo.Samples, $"{name}.pdf")), scan = F1(Path.Combine(Repo.Samples, file));
        Assert.True(scan >= text - 0.05, $"{file}: strict F1 {scan:0.000}, text layer {text:0.000}");
    }

    private static IReadOnlyList<Ingest.Core.Ports.IDocumentReader> Readers() => Repo.Composition.Readers;

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {p.StandardError.ReadToEnd()}");
    }
}
