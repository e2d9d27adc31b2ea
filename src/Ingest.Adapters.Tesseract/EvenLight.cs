using System.Runtime.Intrinsics;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// A grey page with its paper made evenly bright: leptonica's background normalisation
/// (pixBackgroundNorm over 10 × 15-pixel tiles: the paper is what is 100 or lighter, at least 50
/// pixels of a tile, lifted to 255, the map smoothed over 2 × 1 tiles), the same pixels. The map
/// of the paper's brightness is leptonica's own; applying it to the page is done here a row at a
/// time, where leptonica fetched each tile's factor through pixGetPixel and scaled a pixel at a
/// time (37 ms of the 65 the normalisation took on a 300 dpi page).
/// </summary>
internal static class EvenLight
{
    private const int TileWidth = 10, TileHeight = 15, PaperAtLeast = 100, MinPaperPixels = 50, White = 255;
    private const int SmoothTilesAcross = 2, SmoothTilesDown = 1;

    /// <summary>The page evenly lit; a copy of it when leptonica could make no map of its paper (as pixBackgroundNorm hands back). Null only when leptonica fails outright.</summary>
    public static Pix? Of(Pix grey)
    {
        TesseractNative.pixGetBackgroundGrayMap(grey.Raw, IntPtr.Zero, TileWidth, TileHeight, PaperAtLeast, MinPaperPixels, out var rawMap);
        using var map = Pix.Own(rawMap);
        using var factors = map == null ? null : Pix.Own(TesseractNative.pixGetInvBackgroundMap(map.Raw, White, SmoothTilesAcross, SmoothTilesDown));
        return factors == null ? Pix.Own(TesseractNative.pixCopy(IntPtr.Zero, grey.Raw)) : Applied(grey, factors);
    }

    /// <summary>Each pixel times its tile's factor (16 bits, 256 = 1), capped at white.</summary>
    private static unsafe Pix Applied(Pix grey, Pix factors)
    {
        grey.MustBeGrey();
        int w = grey.Width, h = grey.Height, rowBytes = grey.RowBytes;
        int tilesAcross = factors.Width, tilesDown = factors.Height, mapRowBytes = factors.RowBytes;
        var result = grey.CreateLike();
        byte* from = grey.Data, to = result.Data, map = factors.Data;
        // leptonica keeps 8-bit pixels most significant byte first in 32-bit words (pixel x is byte
        // x ^ 3) and 16-bit ones most significant half first (value j is half j ^ 1). The factors
        // are laid out in the bytes' order, so whole words of a row are scaled in memory order,
        // sixteen pixels at a time; a row's last, partly covered word pixel by pixel as before.
        int covered = Math.Min(w, tilesAcross * TileWidth), whole = covered & ~3;
        var factor = new uint[covered];
        fixed (uint* f = factor)
            for (int i = 0; i < tilesDown; i++)
            {
                var tiles = (ushort*)(map + (long)i * mapRowBytes);
                for (int j = 0; j < whole; j++) f[j] = tiles[((j ^ 3) / TileWidth) ^ 1];
                for (int x = whole; x < covered; x++) f[x] = tiles[(x / TileWidth) ^ 1];
                for (int y = i * TileHeight; y < Math.Min(h, (i + 1) * TileHeight); y++)
                {
                    byte* source = from + (long)y * rowBytes, target = to + (long)y * rowBytes;
                    int j = 0;
                    if (Vector256.IsHardwareAccelerated)
                        for (; j + 16 <= whole; j += 16) Scale16(source + j, f + j, target + j);
                    for (; j < whole; j++) target[j] = (byte)Math.Min(source[j] * f[j] / 256, White);
                    for (int x = whole; x < covered; x++) target[x ^ 3] = (byte)Math.Min(source[x ^ 3] * f[x] / 256, White);
                }
            }
        return result;
    }

    // sixteen pixels times their factors, capped at white, lane by lane in 32 bits: a pixel times
    // a 16-bit factor never overflows them, so the shift is the single pixel's division by 256
    private static unsafe void Scale16(byte* source, uint* factor, byte* target)
    {
        var pixels = Vector128.Load(source);
        var halves = Vector256.Create(Vector128.WidenLower(pixels), Vector128.WidenUpper(pixels));
        var white = Vector256.Create((uint)White);
        var low = Vector256.Min(Vector256.WidenLower(halves) * Vector256.Load(factor) >>> 8, white);
        var high = Vector256.Min(Vector256.WidenUpper(halves) * Vector256.Load(factor + 8) >>> 8, white);
        var narrowed = Vector256.Narrow(low, high);
        Vector128.Narrow(narrowed.GetLower(), narrowed.GetUpper()).Store(target);
    }
}
