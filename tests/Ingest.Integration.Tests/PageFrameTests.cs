using System.Runtime.Intrinsics;
using Ingest.Adapters.Tesseract;

namespace Ingest.Integration.Tests;

/// <summary>
/// A photographed page is found against its surround and flattened (issue 15, item 1), and a scan
/// is left alone. The photos are drawn here the way a phone sees a page: a perspective (the far edge
/// narrower), a turn, a bow growing towards the near edge, a desk darker than the paper, a shadow.
/// </summary>
public sealed class PageFrameTests
{
    private const int PageW = 1200, PageH = 1700, PhotoW = 1500, PhotoH = 2000;

    /// <summary>Ink of the drawn page: bars of "text", and a full-width rule across the middle.</summary>
    private static bool Ink(double x, double y)
    {
        if (Math.Abs(y - PageH / 2.0) < 2 && x > 100 && x < PageW - 100) return true;
        int line = (int)(y / 40);
        return y > 120 && y < PageH - 120 && line % 2 == 1 && y % 40 is > 10 and < 30 && x > 120 && x < PageW - 120 && (int)(x / 25) % 5 != 4;
    }

    private sealed record Shot(GreyImage Photo, (double X, double Y)[] Corners, Homography PageToPhoto, double Bow);

    /// <summary>
    /// The page photographed: its corners placed at a keystone quadrilateral turned by
    /// <paramref name="turnDegrees"/>, lines bowed by <paramref name="bow"/> (of the page height) at
    /// the middle, the desk at 80, and the right side of the photo in a shadow when asked.
    /// </summary>
    private static Shot Photograph(double keystone, double turnDegrees, double bow, bool shadow)
    {
        double pw = PageW * 1.05, ph = PageH * 1.05, key = keystone * pw, a = turnDegrees * Math.PI / 180;
        (double X, double Y)[] quad = [(-pw / 2 + key, -ph / 2), (pw / 2 - key, -ph / 2), (pw / 2, ph / 2), (-pw / 2, ph / 2)];
        var corners = quad.Select(q => (q.X * Math.Cos(a) - q.Y * Math.Sin(a) + PhotoW / 2.0, q.X * Math.Sin(a) + q.Y * Math.Cos(a) + PhotoH / 2.0)).ToArray();
        var pageToPhoto = Homography.FromRectangle(PageW, PageH, corners);
        var photoToPage = pageToPhoto.Inverse();
        double amplitude = bow * PageH;
        var pixels = new byte[PhotoW * PhotoH];
        for (int v = 0; v < PhotoH; v++)
            for (int u = 0; u < PhotoW; u++)
            {
                var (x, y) = photoToPage.Apply(u, v);
                double t = (x - PageW / 2.0) / (PageW / 2.0);
                y -= amplitude * (1 - t * t) * (0.4 + 0.6 * y / PageH);
                bool onPage = x >= 0 && y >= 0 && x < PageW && y < PageH;
                double value = onPage ? (Ink(x, y) ? 50 : 215) : 80 + 10 * Math.Sin(u / 37.0) * Math.Cos(v / 53.0);
                if (shadow && u > PhotoW * 0.6) value *= 0.6;
                pixels[v * PhotoW + u] = (byte)Math.Clamp(value, 0, 255);
            }
        return new Shot(new GreyImage(PhotoW, PhotoH, pixels), corners, pageToPhoto, bow);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, false)]      // a page square to the camera on a desk
    [InlineData(0.05, 0.0, 0.0, false)]     // the far edge 10% narrower
    [InlineData(0.05, 1.5, 0.0, false)]     // and turned
    [InlineData(0.04, -2.0, 0.012, false)]  // and bowed
    [InlineData(0.05, 1.0, 0.012, true)]    // and half in a shadow
    public void APhotographedPage_IsFound_ByItsCorners(double keystone, double turn, double bow, bool shadow)
    {
        var shot = Photograph(keystone, turn, bow, shadow);

        var page = PageFrame.Find(shot.Photo);

        Assert.NotNull(page);
        (double X, double Y)[] found = [page.TopLeft, page.TopRight, page.BottomRight, page.BottomLeft];
        for (int i = 0; i < 4; i++)
        {
            Assert.InRange(found[i].X, shot.Corners[i].X - 8, shot.Corners[i].X + 8);
            Assert.InRange(found[i].Y, shot.Corners[i].Y - 8, shot.Corners[i].Y + 8);
        }
    }

    [Theory]
    [InlineData(0.05, 1.5, 0.0)]
    [InlineData(0.04, -2.0, 0.012)]
    [InlineData(0.06, 0.5, 0.014)]
    public void AFlattenedPage_HasStraightLevelLines(double keystone, double turn, double bow)
    {
        var shot = Photograph(keystone, turn, bow, shadow: false);
        var page = PageFrame.Find(shot.Photo)!;

        var flat = PageFrame.Flatten(shot.Photo, page, PageW, PageH);

        // the rule across the middle: its darkest row at a fifth, the middle and four fifths of the width
        var rows = new[] { 0.2, 0.5, 0.8 }.Select(f =>
        {
            int x = (int)(f * PageW);
            return Enumerable.Range(PageH / 2 - 40, 80).MinBy(y => flat[x, y] + flat[x + 1, y] + flat[x - 1, y]);
        }).ToList();
        Assert.True(rows.Max() - rows.Min() <= 3, $"the rule lies at rows {string.Join(", ", rows)}");
        Assert.InRange(rows[1], PageH / 2 - 12, PageH / 2 + 12);
    }

    [Theory]
    [InlineData(0.04, -2.0, 0.012, 1203)]   // a width of four pixels at a time and three over
    [InlineData(0.05, 1.0, 0.0, 1200)]
    [InlineData(0.06, 0.5, 0.014, 1001)]
    public void AFlattenedPage_MappedFourPixelsAtATime_IsThePagePixelByPixel(double keystone, double turn, double bow, int width)
    {
        var shot = Photograph(keystone, turn, bow, shadow: true);
        var page = PageFrame.Find(shot.Photo)!;

        var fast = PageFrame.Flatten(shot.Photo, page, width, PageH);
        var one = PageFrame.Flatten(shot.Photo, page, width, PageH, fourAtATime: false);

        Assert.Equal(one.Pixels, fast.Pixels);
    }

    [Theory]
    [InlineData(1203)]     // rows of leptonica's words with pixels to spare
    [InlineData(1200)]
    public void APageFlattenedIntoTheEnginesImage_IsTheFlattenedPage(int width)
    {
        var shot = Photograph(0.05, 1.0, 0.012, shadow: true);
        var page = PageFrame.Find(shot.Photo)!;

        using var image = PageFrame.FlattenedImage(shot.Photo, page, width, PageH, 300);

        Assert.Equal(PageFrame.Flatten(shot.Photo, page, width, PageH).Pixels, image.ToGrey().Pixels);
        Assert.Equal(300, image.XRes);
    }

    [Theory]
    [InlineData(8, 1)]     // eighths of a pixel: the weights are exact, so many samples fall on a half
    [InlineData(2, 3)]     // halves only: every odd sum of neighbours is a tie
    [InlineData(7, 5)]     // sevenths: inexact weights
    public unsafe void FourPointsInterpolatedAtOnce_AreEachPointInterpolated_TiesIncluded(int steps, int seed)
    {
        const int W = 12, H = 9;
        var random = new Random(seed);
        var photo = new byte[W * H];
        random.NextBytes(photo);
        var points = new List<(double X, double Y)>();
        for (int y = 0; y < (H - 1) * steps; y++)
            for (int x = 0; x < (W - 1) * steps; x++) points.Add(((double)x / steps, (double)y / steps));
        var four = new byte[4];
        fixed (byte* from = photo, to = four)
            for (int i = 0; i + 4 <= points.Count; i += 4)
            {
                var px = Vector256.Create(points[i].X, points[i + 1].X, points[i + 2].X, points[i + 3].X);
                var py = Vector256.Create(points[i].Y, points[i + 1].Y, points[i + 2].Y, points[i + 3].Y);
                PageFrame.Interpolated(from, W, H, px, py, to);
                for (int k = 0; k < 4; k++)
                    Assert.True(PageFrame.Interpolated(from, W, points[i + k].X, points[i + k].Y) == four[k], $"at {points[i + k]}: {four[k]}");
            }
    }

    [Theory]
    [InlineData(4, 1500, 2000)]
    [InlineData(4, 1003, 777)]     // rows of leptonica's words with pixels to spare, and a remainder under a block
    [InlineData(3, 10, 7)]
    public void APhotoShrunkFromLeptonicasPixels_IsTheGreyImageShrunk(int factor, int width, int height)
    {
        var random = new Random(width + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        var photo = new GreyImage(width, height, pixels);
        using var pix = Pix.FromGrey(photo, 300);

        var shrunk = pix.Shrink(factor);

        var expected = photo.Shrink(factor);
        Assert.Equal((expected.Width, expected.Height), (shrunk.Width, shrunk.Height));
        Assert.Equal(expected.Pixels, shrunk.Pixels);
    }

    [Theory]
    [InlineData("white margins")]        // a flatbed scan: paper to the image's edges
    [InlineData("turned, white fill")]   // a scan turned by 4°, the corners filled with white
    [InlineData("dark edge one side")]   // a scanner's dark strip down the left side only
    public void AScan_HasNoPageFrame(string kind)
    {
        var pixels = new byte[PhotoW * PhotoH];
        double a = 4 * Math.PI / 180;
        for (int v = 0; v < PhotoH; v++)
            for (int u = 0; u < PhotoW; u++)
            {
                double x = u * (double)PageW / PhotoW, y = v * (double)PageH / PhotoH;
                if (kind == "turned, white fill")
                {
                    double cx = u - PhotoW / 2.0, cy = v - PhotoH / 2.0;
                    x = (cx * Math.Cos(a) + cy * Math.Sin(a) + PhotoW / 2.0) * PageW / PhotoW;
                    y = (-cx * Math.Sin(a) + cy * Math.Cos(a) + PhotoH / 2.0) * PageH / PhotoH;
                }
                double value = Ink(x, y) ? 50 : 225;
                if (kind == "dark edge one side" && u < 40) value = 60;
                pixels[v * PhotoW + u] = (byte)value;
            }

        Assert.Null(PageFrame.Find(new GreyImage(PhotoW, PhotoH, pixels)));
    }

    [Theory]
    [InlineData(new byte[] { 80, 80, 80, 80, 80, 80, 215, 215, 215, 215, 215, 215, 215, 215 }, 6)]   // desk, then paper
    [InlineData(new byte[] { 80, 82, 79, 81, 80, 120, 215, 215, 215, 215, 215, 215, 215, 215 }, 6)]  // a blurred edge: where it is steepest
    [InlineData(new byte[] { 225, 225, 225, 225, 60, 60, 60, 225, 225, 225, 225, 225, 225, 225 }, null)] // a scan: white margin, then a letter
    [InlineData(new byte[] { 80, 80, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125, 130, 135 }, null)] // shading, no edge
    public void AnEdge_IsTheFirstRiseFromADarkerSurround(byte[] profile, int? expected)
    {
        // the search covers the outer third: the profile is the start of one three times as long, its last value going on
        Assert.Equal(expected, PageFrame.FirstJump(i => profile[Math.Min(i, profile.Length - 1)], profile.Length * 3));
    }

    [Fact]
    public void Preparation_FlattensAPhotographedPage_ToA4At300Dpi_AndSaysSo()
    {
        var shot = Photograph(0.05, 1.0, 0.012, shadow: true);
        using var photo = Pix.FromGrey(shot.Photo, 0);

        var prepared = PageImagePreparer.Prepare(photo, 150, PreprocessOptions.Parse("flatten"));

        using (prepared.Image)
        {
            Assert.Contains(prepared.Steps, s => s.StartsWith("flatten"));
            Assert.Equal(300, prepared.Dpi);
            Assert.Equal(3508, prepared.Image.Height);   // the long side of A4 at 300 dpi
            // the width is the mean of the edges as photographed: the far edge's foreshortening leaves it up to a twentieth narrow
            Assert.InRange(prepared.Image.Width, 3508 * PageW / PageH * 0.93, 3508 * PageW / PageH * 1.02);
        }
    }

    [Theory]
    [InlineData(1.5, "flatten")]            // about 230 dpi on A4, more than a 200 dpi scan is read at
    [InlineData(1.0, "flatten")]            // 150 dpi, and scaling up not asked for
    public void APhotographedPage_IsFlattenedAt300Dpi_WhateverResolutionThePhotoGivesIt(double zoom, string steps)
    {
        var shot = Photograph(0.05, 1.0, 0.012, shadow: true);
        using var taken = Pix.FromGrey(shot.Photo, 0);
        using var photo = Pix.Own(TesseractNative.pixScale(taken.Raw, (float)zoom, (float)zoom))!;

        var prepared = PageImagePreparer.Prepare(photo, 150, PreprocessOptions.Parse(steps));

        using (prepared.Image)
        {
            Assert.Equal(300, prepared.Dpi);
            Assert.Equal(3508, prepared.Image.Height);
        }
    }

    [Fact]
    public void Preparation_LeavesAScanAsItIs()
    {
        var pixels = new byte[PhotoW * PhotoH];
        for (int v = 0; v < PhotoH; v++)
            for (int u = 0; u < PhotoW; u++)
                pixels[v * PhotoW + u] = (byte)(Ink(u * 0.8, v * 0.85) ? 50 : 225);
        using var scan = Pix.FromGrey(new GreyImage(PhotoW, PhotoH, pixels), 300);

        var prepared = PageImagePreparer.Prepare(scan, 300, PreprocessOptions.Parse("flatten"));

        using (prepared.Image)
        {
            Assert.Empty(prepared.Steps);
            Assert.Equal(PhotoW, prepared.Image.Width);
        }
    }

    [Fact]
    public void TheReviewersCrop_OfAPhoto_IsCutFromThePageAsRead()
    {
        // the photo as a PNG file, as a commune sends it
        var shot = Photograph(0.05, 1.5, 0.012, shadow: false);
        using var photo = Pix.FromGrey(shot.Photo, 0);
        var dir = Directory.CreateTempSubdirectory("ingest-photo-crop-").FullName;
        var path = Path.Combine(dir, "page.png");
        Assert.Equal(0, TesseractNative.pixWriteMemPng(out var data, out var size, photo.Raw, 0));
        var png = new byte[(int)size];
        System.Runtime.InteropServices.Marshal.Copy(data, png, 0, png.Length);
        TesseractNative.lept_free(data);
        File.WriteAllBytes(path, png);

        // the rule across the page's middle, where the reader saw it: the flat page is 3508 px tall at 300 dpi,
        // so at the crop's 150 dpi it lies at row 877; the crop spans rows 827 to 927
        var crop = new Ingest.Core.Review.Crop(1, 150, new Ingest.Core.Review.PixelRect(300, 827, 600, 100),
            new Ingest.Core.Review.PixelRect(0, 40, 600, 20), null);
        var cut = new ImageCrops().RenderPng(path, crop, CancellationToken.None);

        using var image = Pix.Own(TesseractNative.pixReadMem(cut, (nuint)cut.Length))!;
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(image.Raw, 0))!;
        var g = grey.ToGrey();
        var rows = new[] { 0.1, 0.5, 0.9 }.Select(f => Enumerable.Range(0, g.Height).MinBy(y => g[(int)(f * g.Width), y])).ToList();
        Assert.All(rows, y => Assert.InRange(y, g.Height / 2 - 15, g.Height / 2 + 15));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void TheReviewersCrop_OfAnOcrdPdfPage_IsCutFromItsImageAsRead_AndATextLayerPageIsDrawn()
    {
        // a 400×533 photo (paper 40..360 × 40..493 on a desk at 90, bars of text every 24 px from 80)
        // put on an A4 page: flattened, the paper becomes 3508 px tall at 300 dpi, so the first bar
        // (photo rows 80–90) lies at rows 155–194 at 150 dpi
        var pdf = Path.Combine(Support.Repo.Root, "tests", "Ingest.Integration.Tests", "Fixtures", "photo-on-a4.pdf");
        var renderer = new Ingest.Adapters.Poppler.PopplerPageRenderer(new Ingest.Adapters.Poppler.PopplerTools(Ingest.Adapters.Poppler.PopplerOptions.Default));
        var crops = new ImageCrops((path, page, ct) => Ingest.Adapters.PdfPig.PdfReader.PageImageOf(path, page, renderer, ct));
        Assert.True(crops.Draws(".pdf", readByOcr: true));
        Assert.False(crops.Draws(".pdf", readByOcr: false));
        Assert.False(new Ingest.Adapters.Poppler.PopplerPageCrops(new Ingest.Adapters.Poppler.PopplerTools(Ingest.Adapters.Poppler.PopplerOptions.Default)).Draws(".pdf", readByOcr: true));

        var crop = new Ingest.Core.Review.Crop(1, 150, new Ingest.Core.Review.PixelRect(300, 125, 500, 100),
            new Ingest.Core.Review.PixelRect(0, 30, 500, 40), null);
        var cut = crops.RenderPng(pdf, crop, CancellationToken.None);

        using var image = Pix.Own(TesseractNative.pixReadMem(cut, (nuint)cut.Length))!;
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(image.Raw, 0))!;
        var g = grey.ToGrey();
        double Row(int y) => Enumerable.Range(0, g.Width).Average(x => g[x, y]);
        // the bar across the crop's middle, paper above it
        Assert.True(Row(g.Height / 2) < Row(g.Height / 10) - 60, $"middle {Row(g.Height / 2):0}, top {Row(g.Height / 10):0}");
    }

    [Fact]
    public void AHomography_TakesTheRectanglesCorners_ToTheQuadrilateral_AndBack()
    {
        (double, double)[] quad = [(100, 80), (900, 120), (950, 1300), (60, 1250)];
        var h = Homography.FromRectangle(800, 1200, quad);
        (double X, double Y)[] rectangle = [(0, 0), (800, 0), (800, 1200), (0, 1200)];
        for (int i = 0; i < 4; i++)
        {
            var (x, y) = h.Apply(rectangle[i].X, rectangle[i].Y);
            Assert.Equal(quad[i].Item1, x, 6);
            Assert.Equal(quad[i].Item2, y, 6);
            var (bx, by) = h.Inverse().Apply(x, y);
            Assert.Equal(rectangle[i].X, bx, 6);
            Assert.Equal(rectangle[i].Y, by, 6);
        }
    }
}
