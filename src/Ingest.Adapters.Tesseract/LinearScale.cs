using Ingest.Core.Model;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// An 8-bit page scaled by linear interpolation, to a sixteenth of a pixel: pixel for pixel what
/// leptonica's pixScale gives where it interpolates without sharpening afterwards (8-bit, a
/// factor of 1.4 or more other than 2 and 4; its special cases stay its own). Leptonica weighs the
/// four source pixels of each page pixel one by one (36 ms for a fax page scaled from 200 to
/// 300 dpi); a page pixel's four weights factor into a weight down and one across, so each pair
/// of source rows is blended once, a vector at a time, and each page pixel reads two blends.
/// </summary>
internal static class LinearScale
{
    /// <summary>Whether <see cref="Scale"/> serves this factor; leptonica serves the others.</summary>
    private static bool Serves(Pix grey, float factor) =>
        // leptonica sharpens under 1.4 in double: 1.4f, a hair under, is sharpened
        TesseractNative.pixGetDepth(grey.Raw) == 8 && (double)factor >= 1.4 && factor != 2f && factor != 4f;

    public static Pix Scale(Pix grey, float factor)
    {
        if (!Serves(grey, factor)) return Pix.Own(TesseractNative.pixScale(grey.Raw, factor, factor)) ?? throw new DocumentFailure("image could not be scaled");
        return Interpolated(grey, factor);
    }

    private static unsafe Pix Interpolated(Pix grey, float factor)
    {
        int ws = grey.Width, hs = grey.Height, fromBytes = grey.RowBytes;
        // leptonica's sizes and steps, in its precisions: float products, double sums and quotients
        int wd = (int)(factor * (float)ws + 0.5), hd = (int)(factor * (float)hs + 0.5);
        float scx = (float)(16.0 * (float)ws / (float)wd), scy = (float)(16.0 * (float)hs / (float)hd);
        var result = Pix.Create(wd, hd, 8);
        TesseractNative.pixCopyResolution(result.Raw, grey.Raw);
        int toBytes = result.RowBytes;
        byte* from = grey.Data, to = result.Data;
        // each page column's left source pixel, its right one (the same at the right edge), and its weight
        var left = new int[wd];
        var right = new int[wd];
        var across = new int[wd];
        for (int j = 0; j < wd; j++)
        {
            int xpm = (int)(scx * (float)j);
            left[j] = xpm >> 4;
            right[j] = left[j] > ws - 2 ? left[j] : left[j] + 1;
            across[j] = xpm & 0x0f;
        }
        var upper = new byte[fromBytes];
        var lower = new byte[fromBytes];
        var blend = new ushort[fromBytes];
        var line = new byte[toBytes];
        for (int i = 0; i < hd; i++)
        {
            int ypm = (int)(scy * (float)i), yp = ypm >> 4, down = ypm & 0x0f;
            // the two source rows in pixel order (the lower is the upper at the bottom edge)
            BinaryPrimitives.ReverseEndianness(new ReadOnlySpan<uint>(from + (long)yp * fromBytes, fromBytes / 4), MemoryMarshal.Cast<byte, uint>(upper.AsSpan()));
            BinaryPrimitives.ReverseEndianness(new ReadOnlySpan<uint>(from + (long)(yp > hs - 2 ? yp : yp + 1) * fromBytes, fromBytes / 4), MemoryMarshal.Cast<byte, uint>(lower.AsSpan()));
            Blend(upper, lower, 16 - down, down, blend, ws);
            for (int j = 0; j < wd; j++)
                line[j] = (byte)(((16 - across[j]) * blend[left[j]] + across[j] * blend[right[j]] + 128) / 256);
            line.AsSpan(wd).Clear();
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(line.AsSpan()), new Span<uint>(to + (long)i * toBytes, toBytes / 4));
        }
        return result;
    }

    // blend[x] = a·upper[x] + b·lower[x], in 16 bits (at most 16 · 255)
    private static void Blend(byte[] upper, byte[] lower, int a, int b, ushort[] blend, int count)
    {
        int x = 0, step = Vector<ushort>.Count;
        var wa = new Vector<ushort>((ushort)a);
        var wb = new Vector<ushort>((ushort)b);
        for (; x + 2 * step <= count; x += 2 * step)
        {
            Vector.Widen(new Vector<byte>(upper, x), out var u0, out var u1);
            Vector.Widen(new Vector<byte>(lower, x), out var l0, out var l1);
            (u0 * wa + l0 * wb).CopyTo(blend, x);
            (u1 * wa + l1 * wb).CopyTo(blend, x + step);
        }
        for (; x < count; x++) blend[x] = (ushort)(a * upper[x] + b * lower[x]);
    }
}
