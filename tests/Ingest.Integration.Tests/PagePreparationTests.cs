using Ingest.Adapters.Tesseract;

namespace Ingest.Integration.Tests;

/// <summary>
/// Each preparation of a page image is decided from a measurement of the page (issue 15, item 1):
/// synthetic pages that need a step get it, pages that don't are left alone.
/// </summary>
public sealed class PagePreparationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ingest-prep-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly PreprocessOptions Only = PreprocessOptions.None;

    /// <summary>A grey page of "text" (dark bars, a line every 60 px) on paper whose brightness is <paramref name="paper"/>(x, y).</summary>
    private Pix GreyPage(Func<int, int, int> paper, int w = 1200, int h = 1600)
    {
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                bool ink = y % 60 is >= 20 and < 40 && x % 30 < 18 && x is > 100 and < 1100;
                int p = paper(x, y);
                pixels[y * w + x] = (byte)(ink ? p / 4 : p);
            }
        var path = Path.Combine(_dir, $"page-{Guid.NewGuid():N}.pgm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P5\n{w} {h}\n255\n"), .. pixels]);
        return Pix.Own(TesseractNative.pixRead(path))!;
    }

    [Theory]
    [InlineData("even", false)]        // a flatbed scan: paper at 235 everywhere
    [InlineData("scanner", false)]     // a scanner's uneven lamp: 245 to 225 across the page
    [InlineData("shadow", true)]       // a phone's shadow: the right half falls to 120
    [InlineData("vignette", true)]     // dark corners
    public void BackgroundIsNormalised_OnlyWhereThePapersBrightnessVaries(string light, bool expected)
    {
        Func<int, int, int> paper = light switch
        {
            "even" => (_, _) => 235,
            "scanner" => (x, _) => 245 - 20 * x / 1200,
            "shadow" => (x, _) => x < 600 ? 230 : 230 - 110 * Math.Min(1, (x - 600) / 200.0) is var v ? (int)v : 0,
            _ => (x, y) => (int)(235 - 120 * (Math.Pow((x - 600) / 600.0, 2) + Math.Pow((y - 800) / 800.0, 2)) / 2),
        };
        using var page = GreyPage(paper);
        var prepared = PageImagePreparer.Prepare(page, 300, Only with { NormalizeBackground = true });
        using (prepared.Image)
            Assert.Equal(expected, prepared.Steps.Any(s => s.StartsWith("background")));
    }

    [Theory]
    [InlineData(1.0, 255, 330)]        // a 300 dpi scan saved without its resolution (within a fifth: scaling blurs the letters)
    [InlineData(2 / 3.0, 170, 235)]    // the same at 200 dpi: scaled up to 300 if judged under 200
    [InlineData(0.5, 130, 199)]        // at 150 dpi: scaled up
    public void ABareImagesResolution_IsJudgedFromItsLetters(double scale, int low, int high)
    {
        using var scan = Pix.Own(TesseractNative.pixReadTiff(Path.Combine(Support.Repo.Samples, "kon-chieng-nq-hdnd.scan.tif"), 0))!;
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(scan.Raw, 0))!;
        using var scaled = Pix.Own(TesseractNative.pixScale(grey.Raw, (float)scale, (float)scale))!;
        using var bare = Pix.FromGrey(scaled.ToGrey(), 0);
        var path = Path.Combine(_dir, $"bare-{scale:0.00}.png");
        Assert.Equal(0, TesseractNative.pixWriteMemPng(out var data, out var size, bare.Raw, 0));
        var png = new byte[(int)size];
        System.Runtime.InteropServices.Marshal.Copy(data, png, 0, png.Length);
        TesseractNative.lept_free(data);
        File.WriteAllBytes(path, png);

        var prepared = PageImagePreparer.Load(Ingest.Core.Ports.PageImage.File(path), PreprocessOptions.Default);

        using (prepared.Image)
        {
            var note = Assert.Single(prepared.Steps, s => s.StartsWith("resolution"));
            int judged = int.Parse(note.Split(' ')[1]);
            Assert.InRange(judged, low, high);
            Assert.Equal(judged < PreprocessOptions.MinGreyDpi, prepared.Steps.Any(s => s.StartsWith("upsample")));
        }
    }

    [Fact]
    public void Specks_AreRemovedFromABilevelImage_AndTheDotsOfLettersStay()
    {
        // 200 dpi, bilevel: a letter stroke, the dot of an i (3×3), a tone mark (4×2), and specks
        // of 1 and 2×2 pixels as a fax's noise leaves them
        int w = 400, h = 200;
        var ink = new HashSet<(int X, int Y)>();
        void Box(int x0, int y0, int bw, int bh) { for (int y = y0; y < y0 + bh; y++) for (int x = x0; x < x0 + bw; x++) ink.Add((x, y)); }
        Box(100, 60, 4, 30);    // the stem of an i
        Box(100, 52, 3, 3);     // its dot
        Box(200, 50, 4, 2);     // a tone mark
        Box(20, 70, 1, 1);      // specks before a heading
        Box(40, 80, 2, 2);
        Box(300, 150, 1, 1);
        int stride = (w + 7) / 8;
        var bits = new byte[stride * h];
        foreach (var (x, y) in ink) bits[y * stride + x / 8] |= (byte)(0x80 >> (x % 8));
        var path = Path.Combine(_dir, "fax.pbm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P4\n{w} {h}\n"), .. bits]);
        using var fax = Pix.Own(TesseractNative.pixRead(path))!;

        var prepared = PageImagePreparer.Prepare(fax, 200, Only with { Despeckle = true });
        using var image = prepared.Image;
        Assert.Contains(prepared.Steps, s => s.StartsWith("despeckle"));
        Assert.False(image.IsDark(20, 70));
        Assert.False(image.IsDark(41, 81));
        Assert.False(image.IsDark(300, 150));
        Assert.True(image.IsDark(101, 53));   // the i's dot
        Assert.True(image.IsDark(201, 50));   // the tone mark
        Assert.True(image.IsDark(101, 70));   // the stem
    }

    [Theory]
    [InlineData(0, false)]     // clean strokes, as a bilevel scan thresholds them
    [InlineData(1, false)]     // a rare pinhole: 0.04% of the ink
    [InlineData(25, true)]     // a fax's drop-outs: 1% of the ink
    public void ABilevelPageWhoseInkIsFullOfPinholes_IsThickened(int holes, bool expected)
    {
        // 200 dpi, bilevel: twenty letter stems 4 px wide and 30 tall, with holes punched inside them
        int w = 400, h = 100;
        var ink = new HashSet<(int X, int Y)>();
        for (int k = 0; k < 20; k++)
            for (int y = 30; y < 60; y++)
                for (int x = 20 + 18 * k; x < 24 + 18 * k; x++) ink.Add((x, y));
        for (int i = 0; i < holes; i++) ink.Remove((21 + 18 * (i % 20) + i / 20, 32 + 3 * (i % 9)));
        int stride = (w + 7) / 8;
        var bits = new byte[stride * h];
        foreach (var (x, y) in ink) bits[y * stride + x / 8] |= (byte)(0x80 >> (x % 8));
        var path = Path.Combine(_dir, $"stems-{holes}.pbm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P4\n{w} {h}\n"), .. bits]);
        using var page = Pix.Own(TesseractNative.pixRead(path))!;

        var prepared = PageImagePreparer.Prepare(page, 200, Only with { Thicken = true });
        using var image = prepared.Image;
        Assert.Equal(expected, prepared.Steps.Any(s => s.StartsWith("thicken")));
        // thickened, a stem is a pixel wider on each side and its holes are filled
        Assert.Equal(expected, image.IsDark(19, 45));
        if (expected) Assert.True(image.IsDark(21, 32));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 7)]       // a row of two 32-bit words, the second three bytes short
    [InlineData(31, 4)]
    [InlineData(33, 33)]     // a vector of bytes and one pixel over
    [InlineData(257, 19)]
    [InlineData(1001, 3)]
    public void ThickenedInk_IsWhatLeptonicasGreyErosionMakes_PixelForPixel(int width, int height)
    {
        var random = new Random(width * 97 + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        // white and black runs too, so a pixel's darkest neighbour is sometimes off the row's end
        for (int i = 0; i < pixels.Length; i += 1 + random.Next(9)) pixels[i] = random.Next(2) == 0 ? (byte)0 : (byte)255;
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        using var theirs = Pix.Own(TesseractNative.pixErodeGray(page.Raw, 3, 3))!;
        using var ours = GreyMorphology.Darkest(page, 3);
        AssertSamePixels(theirs, ours);
    }

    [Theory]
    [InlineData(3, 40, 30)]
    [InlineData(5, 37, 9)]
    [InlineData(7, 301, 57)]    // a rule's contrast on a page halved (RuleFinder)
    [InlineData(15, 123, 80)]   // a faint border's contrast (RuleFinder, at 300 dpi)
    [InlineData(7, 5, 3)]       // a page smaller than the brick
    public void ARulesContrast_IsWhatLeptonicasBlackTophatMeasures_PixelForPixel(int size, int width, int height)
    {
        // paper with shading, dark strokes of every thickness, and noise
        var random = new Random(size * 1000 + width);
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                pixels[y * width + x] = (byte)(180 + 60 * x / Math.Max(1, width - 1) - random.Next(20));
        for (int i = 0; i < width * height / 40; i++)
        {
            int x = random.Next(width), y = random.Next(height), w = 1 + random.Next(size + 3), h = 1 + random.Next(3);
            if (random.Next(2) == 0) (w, h) = (h, w);
            for (int yy = y; yy < Math.Min(height, y + h); yy++)
                for (int xx = x; xx < Math.Min(width, x + w); xx++) pixels[yy * width + xx] = (byte)random.Next(90);
        }
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        using var theirs = Pix.Own(TesseractNative.pixTophat(page.Raw, size, size, 1))!;
        using var ours = GreyMorphology.BlackTophat(page, size);
        AssertSamePixels(theirs, ours);
    }

    // every byte of every row, the padding past a row's last pixel too
    private static unsafe void AssertSamePixels(Pix expected, Pix actual)
    {
        Assert.Equal((expected.Width, expected.Height, TesseractNative.pixGetDepth(expected.Raw)), (actual.Width, actual.Height, TesseractNative.pixGetDepth(actual.Raw)));
        int length = TesseractNative.pixGetWpl(expected.Raw) * 4 * expected.Height;
        Assert.Equal(new ReadOnlySpan<byte>((byte*)TesseractNative.pixGetData(expected.Raw), length).ToArray(),
            new ReadOnlySpan<byte>((byte*)TesseractNative.pixGetData(actual.Raw), length).ToArray());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(31, 9)]
    [InlineData(32, 7)]
    [InlineData(33, 12)]
    [InlineData(95, 40)]
    [InlineData(300, 25)]
    public unsafe void PinholesAndInk_AreCountedAsPixelByPixel(int width, int height)
    {
        // dense ink, so paper pixels walled in on four sides are common
        var random = new Random(width + 1000 * height);
        var pixels = new byte[width * height];
        for (int i = 0; i < pixels.Length; i++) pixels[i] = random.Next(10) < 7 ? (byte)0 : (byte)255;
        using var grey = Pix.FromGrey(new GreyImage(width, height, pixels), 200);
        using var bilevel = Pix.Own(TesseractNative.pixConvertTo1(grey.Raw, 128))!;
        // ink in the padding past each row's last pixel, which is not the page's
        var setPadBits = (delegate* unmanaged<IntPtr, int, int>)System.Runtime.InteropServices.NativeLibrary.GetExport(
            System.Runtime.InteropServices.NativeLibrary.Load("liblept.so.5"), "pixSetPadBits");
        setPadBits(bilevel.Raw, 1);
        bool Ink(int x, int y) => x >= 0 && y >= 0 && x < width && y < height && pixels[y * width + x] == 0;
        long ink = 0, holes = 0;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                if (Ink(x, y)) ink++;
                else if (Ink(x - 1, y) && Ink(x + 1, y) && Ink(x, y - 1) && Ink(x, y + 1)) holes++;

        Assert.Equal((ink, holes), InkBits.Of(bilevel).InkAndPinholes());
    }

    [Fact]
    public void AGreyImage_IsNotDespeckled()
    {
        using var page = GreyPage((_, _) => 235, 300, 300);
        var prepared = PageImagePreparer.Prepare(page, 300, Only with { Despeckle = true });
        using (prepared.Image) Assert.Empty(prepared.Steps);
    }

    [Theory]
    [InlineData(150, false, true)]
    [InlineData(199, false, true)]
    [InlineData(200, false, false)]   // grey at 200 dpi reads as well as scaled up
    [InlineData(300, false, false)]
    [InlineData(150, true, true)]
    [InlineData(200, true, true)]     // a fax: its staircase strokes want the interpolation
    [InlineData(296, true, false)]
    [InlineData(300, true, false)]
    public void ALowResolutionPage_IsScaledUp(int dpi, bool bilevel, bool expected)
    {
        using var page = bilevel ? BilevelPage(300, 300) : GreyPage((_, _) => 235, 300, 300);
        var prepared = PageImagePreparer.Prepare(page, dpi, Only with { Upsample = true });
        using (prepared.Image)
        {
            Assert.Equal(expected ? 300 : dpi, prepared.Dpi);
            Assert.Equal(expected ? 300 * 300 / dpi : 300, prepared.Image.Width);
            Assert.Equal(expected, prepared.Steps.Any(s => s.StartsWith("upsample")));
        }
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(2.5, true)]
    [InlineData(-4.0, true)]
    public void APageIsDeskewed_OnlyWhenItIsTurned_AndSaysByHowMuch(double turned, bool expected)
    {
        var path = Path.Combine(_dir, $"turned-{turned}.png");
        Ingest.Eval.TextImage.Write(path, [.. Enumerable.Repeat("Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 95%.", 12)], rotateDegrees: turned);
        using var page = Pix.Own(TesseractNative.pixRead(path))!;

        var prepared = PageImagePreparer.Prepare(page, 300, Only with { Deskew = true });

        using (prepared.Image)
        {
            var step = prepared.Steps.SingleOrDefault(s => s.StartsWith("deskew"));
            Assert.Equal(expected, step != null);
            if (step != null)
            {
                double angle = double.Parse(step.Split('(', '°')[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(Math.Abs(angle), Math.Abs(turned) - 0.3, Math.Abs(turned) + 0.3);
            }
        }
    }

    [Theory]
    [InlineData(1, 1, 128)]
    [InlineData(31, 3, 128)]
    [InlineData(32, 2, 130)]
    [InlineData(33, 5, 128)]     // a row of 9 words: its last 32 pixels end 3 bytes past the row
    [InlineData(97, 7, 1)]
    [InlineData(1001, 4, 232)]
    [InlineData(64, 2, 0)]       // nothing is darker than 0
    [InlineData(45, 3, 256)]     // everything is darker than 256
    public void InkAtAThreshold_IsWhatLeptonicasConvertTo1Makes_BitForBit(int width, int height, int threshold)
    {
        var random = new Random(width * 7 + threshold);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        for (int i = 0; i < pixels.Length; i += 1 + random.Next(5)) pixels[i] = (byte)Math.Clamp(threshold - 1 + random.Next(3), 0, 255);
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        using var theirs = Pix.Own(TesseractNative.pixConvertTo1(page.Raw, threshold))!;
        using var ours = Threshold.Darker(page, threshold);
        AssertSamePixels(theirs, ours);
    }

    [Theory]
    [InlineData(0.0105f, 301, 211)]
    [InlineData(-0.0436f, 300, 400)]
    [InlineData(0.1134f, 33, 17)]
    [InlineData(-0.002f, 1001, 9)]
    [InlineData(0.5f, 7, 5)]
    [InlineData(0.05f, 2, 2)]      // no pixel has four neighbours
    public void ATurnedPage_IsWhatLeptonicasAreaMapRotationMakes_PixelForPixel(float radians, int width, int height)
    {
        var random = new Random(width * 3 + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        using var theirs = Pix.Own(TesseractNative.pixRotateAMGray(page.Raw, radians, 255))!;
        using var ours = AreaMapRotation.Rotate(page, radians, 255);
        AssertSamePixels(theirs, ours);
    }

    [Theory]
    [InlineData(1.5f, 301, 211)]     // a fax page, 200 to 300 dpi
    [InlineData(1.4f, 33, 17)]       // leptonica's, sharpened: 1.4f is under 1.4
    [InlineData(1.41f, 33, 17)]
    [InlineData(1.6667f, 40, 31)]
    [InlineData(2.5f, 7, 5)]
    [InlineData(3f, 2, 2)]           // no pixel has a right or lower neighbour but one
    [InlineData(2f, 45, 9)]          // leptonica's own 2x
    [InlineData(1.2f, 50, 20)]       // leptonica's, sharpened
    [InlineData(0.75f, 50, 20)]      // leptonica's, reduced
    public void AScaledPage_IsWhatLeptonicasScaleMakes_PixelForPixel(float factor, int width, int height)
    {
        var random = new Random(width * 5 + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 200);
        using var theirs = Pix.Own(TesseractNative.pixScale(page.Raw, factor, factor))!;
        using var ours = LinearScale.Scale(page, factor);
        AssertSamePixels(theirs, ours);
    }

    [Theory]
    [InlineData("dim corner", 1001, 757)]     // sizes no whole number of tiles
    [InlineData("dark block", 400, 300)]      // tiles with too little paper, filled from their neighbours
    [InlineData("all dark", 120, 90)]         // no paper at all: leptonica hands back a copy
    [InlineData("even", 35, 31)]
    public void AnEvenlyLitPage_IsWhatLeptonicasBackgroundNormalisationMakes_PixelForPixel(string light, int width, int height)
    {
        var random = new Random(width * 11 + height);
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                double paper = light switch
                {
                    "dim corner" => 230 - 110.0 * x / width * y / height,
                    "dark block" => x > width / 3 && x < width / 2 && y > height / 4 ? 60 : 220,
                    "all dark" => 70,
                    _ => 225,
                };
                bool ink = (y / 9) % 3 == 1 && (x / 7) % 4 != 3;
                pixels[y * width + x] = (byte)Math.Clamp(ink ? paper * 0.3 : paper - random.Next(12), 0, 255);
            }
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        using var theirs = Pix.Own(TesseractNative.pixBackgroundNorm(page.Raw, IntPtr.Zero, IntPtr.Zero, 10, 15, 100, 50, 255, 2, 1))!;
        using var ours = EvenLight.Of(page)!;
        AssertSamePixels(theirs, ours);
    }

    [Theory]
    [InlineData(101, 3, 25)]    // the width of a faint border's average at 300 dpi
    [InlineData(40, 2, 7)]
    [InlineData(5, 2, 7)]       // a row shorter than the window: no pixel averages the full count
    [InlineData(9, 1, 0)]
    public void EachPixelsMeanAlongItsRow_IsTheRoundedMeanOfThePixelsAroundIt(int width, int height, int half)
    {
        var random = new Random(width + half);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        // one row of paper and one of ink: the largest sums
        if (height > 2) for (int x = 0; x < width; x++) (pixels[x], pixels[width + x]) = (255, 0);

        var mean = new GreyImage(width, height, pixels).MeanAlongRows(half);

        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var around = Enumerable.Range(x - half, 2 * half + 1).Where(i => i >= 0 && i < width).Select(i => pixels[y * width + i]).ToList();
                int expected = (int)Math.Floor(around.Sum(v => (double)v) / around.Count + 0.5);
                Assert.True(mean[x, y] == expected, $"({x}, {y}): {mean[x, y]}, not {expected}");
            }
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(15, 2)]     // a whole vector and the words after it, and a pixel over
    [InlineData(16, 2)]
    [InlineData(37, 5)]
    [InlineData(64, 1)]
    public void AGreyCopyOfAPage_HoldsEachPixelAsLeptonicaReadsIt_AndMakesTheSamePageAgain(int width, int height)
    {
        var random = new Random(width * 7 + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        using var page = Pix.FromGrey(new GreyImage(width, height, pixels), 300);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                TesseractNative.pixGetPixel(page.Raw, x, y, out var v);
                Assert.True(v == pixels[y * width + x], $"({x}, {y}): {v}, not {pixels[y * width + x]}");
            }
        Assert.Equal(pixels, page.ToGrey().Pixels);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.08)]    // under the angle worth turning back
    [InlineData(0.6)]
    [InlineData(-2.5)]
    [InlineData(4.0)]
    [InlineData(-6.5)]
    public void ALevelledPage_IsWhatLeptonicasDeskewMakes_PixelForPixel(double turned)
    {
        var path = Path.Combine(_dir, $"level-{turned}.png");
        Ingest.Eval.TextImage.Write(path, [.. Enumerable.Repeat("Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 95%.", 12)], rotateDegrees: turned);
        using var read = Pix.Own(TesseractNative.pixRead(path))!;
        using var page = Pix.Own(TesseractNative.pixConvertTo8(read.Raw, 0))!;

        using var theirs = Pix.Own(TesseractNative.pixDeskewGeneral(page.Raw, 0, 0f, 0f, 0, 0, out float theirAngle, out _))!;
        var ours = Deskew.Level(page);

        // leptonica hands back the page itself when it leaves it as it is
        Assert.Equal(theirs.Raw != page.Raw, ours != null);
        if (ours is var (level, angle))
            using (level)
            {
                Assert.Equal(theirAngle, angle);
                AssertSamePixels(theirs, level);
            }
    }

    private Pix BilevelPage(int w, int h)
    {
        int stride = (w + 7) / 8;
        var bits = new byte[stride * h];
        for (int y = h / 3; y < h / 3 + 20; y++) bits[y * stride + 2] = 0xFF;   // a stroke, so the page is not blank
        var path = Path.Combine(_dir, $"bilevel-{w}x{h}.pbm");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes($"P4\n{w} {h}\n"), .. bits]);
        return Pix.Own(TesseractNative.pixRead(path))!;
    }

    // a line's centres, x from 0 to 2000 px, as y = drop + tilt·x + bow·(1 − t²) (t from −1 to 1), with noise of ±1 px
    [Theory]
    [InlineData(0, 0, 0, 0.0)]          // level and straight
    [InlineData(0, 0.05, 0, 0.0)]       // straight, turned 3°: a turn is deskew's, not a bow
    [InlineData(40, 0, 10, 10.0)]       // sagging 10 px at the middle
    [InlineData(40, 0.05, -30, 30.0)]   // arched 30 px, and turned
    public void ALinesSag_IsHowFarItsMiddleLeavesTheChordThroughItsEnds(double drop, double tilt, double bow, double sag)
    {
        var points = Enumerable.Range(0, 101).Select(i =>
        {
            double x = i * 20, t = x / 1000 - 1;
            return (x, drop + tilt * x + bow * (1 - t * t) + (i % 3 - 1));
        }).ToList();
        Assert.InRange(TextLineCurvature.Sag(points), sag - 1, sag + 1);
    }

    private static readonly string[] Justified =
    [
        "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW VỀ CHUYỂN ĐỔI SỐ XÃ",
        "1. Mục tiêu đến năm 2030 của xã về hạ tầng số và các dịch vụ số",
        "- Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 95% số hộ.",
        "- Tỷ lệ người dân có chữ ký số cá nhân đạt 70% trở lên trên xã.",
        "- Phủ sóng 5G trên địa bàn xã đạt 100% khu dân cư tập trung cả.",
        "- Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến đạt 90% trở lên.",
        "- Tỷ lệ người trưởng thành có điện thoại thông minh đạt 85% dân.",
        "- Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 100% trên xã.",
        "- Kinh tế số chiếm tỷ trọng 20% trong tổng sản phẩm của cả xã.",
        "2. Mục tiêu đến năm 2025 của xã về chính quyền số và dữ liệu số",
        "- Tỷ lệ cán bộ công chức được đào tạo kỹ năng số đạt 100% người.",
        "- Tỷ lệ văn bản điện tử trao đổi giữa các cơ quan đạt 98% văn bản.",
        "- Tỷ lệ hộ có tài khoản thanh toán điện tử đạt 80% tổng số hộ.",
        "- Tỷ lệ thôn có điểm truy cập Internet công cộng đạt 100% thôn.",
        "- Tỷ lệ trường học triển khai học bạ số đạt 100% trường học xã.",
        "- Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 95% dân số xã.",
        "3. Mục tiêu đến năm 2035 về kinh tế số và xã hội số của xã nhà",
        "- Tỷ lệ hợp tác xã bán hàng trên sàn thương mại điện tử đạt 60%.",
        "- Tỷ lệ sản phẩm OCOP được truy xuất nguồn gốc số đạt 100% xã.",
        "- Tỷ lệ lao động có kỹ năng số cơ bản đạt 80% lực lượng lao động.",
        "- Tỷ lệ giao dịch không dùng tiền mặt tại chợ xã đạt 50% giao dịch.",
        "- Tỷ lệ camera an ninh kết nối trung tâm giám sát đạt 100% thôn.",
        "- Tỷ lệ hộ nghèo được hỗ trợ thiết bị thông minh đạt 100% hộ nghèo.",
        "- Tỷ lệ người cao tuổi được hướng dẫn dịch vụ công đạt 70% trở lên.",
    ];

    /// <summary>
    /// A curled sheet: a page of lines that sag at the middle (Tesseract reads a sag of 30 px at 300
    /// dpi; at 60 px it ran lines together, 16 of 21 targets and most of them wrong) is straightened
    /// from its lines' curvature and read as the flat page is; a flat page is left alone.
    /// </summary>
    [Theory]
    [InlineData(0, false)]
    [InlineData(60, true)]
    [InlineData(90, true)]
    public void ABowedPage_IsStraightenedFromItsLines_AndReadAsTheFlatPage(double sagPixels, bool dewarped)
    {
        var png = Path.Combine(_dir, $"bowed-{sagPixels}.png");
        Ingest.Eval.TextImage.WriteBowed(png, Justified, sagPixels);
        using var raw = Pix.Own(TesseractNative.pixRead(png))!;
        var prepared = PageImagePreparer.Prepare(raw, 300, Only with { Dewarp = true });
        using (prepared.Image)
            Assert.Equal(dewarped, prepared.Steps.Any(s => s.StartsWith("dewarp")));

        var settings = Ingest.Core.Pipeline.PipelineSettings.Default(Support.Repo.Composition.Readers);
        var fromImage = new Ingest.Core.Pipeline.IngestPipeline(settings).Run(png).Targets;
        var fromText = new Ingest.Core.Pipeline.IngestPipeline(Ingest.Core.Pipeline.PipelineSettings.Default([new Ingest.Core.Stages.Load.PlainTextReader()]))
            .Run(Ingest.Core.Stages.Load.PlainTextReader.FromText("plan.txt", "0", string.Join("\n", Justified))).Targets;
        Assert.Equal(fromText.Select(t => (t.Candidate.Year, t.Candidate.Value)), fromImage.Select(t => (t.Candidate.Year, t.Candidate.Value)));
    }

    [Fact]
    public void UnreadInk_IsGatheredIntoWordSizedGroups_AndReadInkIsNot()
    {
        // at 300 dpi: "35,6" as four letters 5 px apart, "≥ 95" as a sign 15 px before its figures,
        // the two letters of a word the reading gave (its box x 600–700), and a figure 200 px on
        var ink = new List<(int X, int Y, int W, int H)>
        {
            (100, 100, 20, 30), (125, 100, 20, 30), (150, 120, 5, 12), (160, 100, 20, 30),
            (300, 105, 20, 25), (335, 100, 20, 30), (360, 100, 20, 30),
            (630, 100, 20, 30), (655, 100, 20, 30),
            (900, 100, 20, 30),
        };
        const string tsv = "5\t1\t1\t1\t1\t1\t600\t95\t100\t40\t96\tđạt";
        var groups = LostText.UnreadGroups(ink, 300, tsv);
        Assert.Equal([(100, 100, 80, 32), (300, 100, 80, 30), (900, 100, 20, 30)], groups);
    }

    [Theory]
    [InlineData("06", true)]
    [InlineData("≥95", true)]
    [InlineData("%", true)]
    [InlineData("điểm", true)]
    [InlineData("H", false)]    // a broken border's dots
    [InlineData("x", false)]
    [InlineData("'.", false)]
    public void WhatUnreadInkReadsAs_IsAWordOnlyWhenItCouldBeOne(string text, bool word) =>
        Assert.Equal(word, TesseractPagePool.IsWord(text));

    // TSV rows: level … left top width height conf text
    [Theory]
    [InlineData("5\t1\t1\t1\t1\t1\t10\t20\t30\t8\t96\t85", 1.0, 100, 200, "5\t1\t1\t1\t1\t1\t110\t220\t30\t8\t96\t85")]   // read from a cell cut out at (100, 200)
    [InlineData("5\t1\t1\t1\t1\t1\t10\t20\t30\t8\t96\t85", 0.5, 0, 0, "5\t1\t1\t1\t1\t1\t5\t10\t15\t4\t96\t85")]       // read from the page scaled twice up
    [InlineData("level\tpage_num", 2.0, 5, 5, "level\tpage_num")]                                                                     // the header row stays
    public void BoxesReadFromAPieceOrAScaledPage_AreMovedIntoThePagesPixels(string tsv, double factor, int dx, int dy, string moved) =>
        Assert.Equal(moved, TsvLayout.MoveBoxes(tsv, factor, dx, dy));
}
