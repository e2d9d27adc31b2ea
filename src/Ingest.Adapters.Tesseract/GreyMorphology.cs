using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Grey morphology with square bricks, pixel for pixel what leptonica's pixErodeGray and pixTophat
/// give, a vector of bytes at a time: leptonica takes a byte at a time, and its 3 × 3 erosion of a
/// 300 dpi page took 90 ms (more than half of a fax's thickening), its 7 × 7 top-hat of a halved
/// page 31 ms (a third of finding the rules); each is a few milliseconds here. A brick is taken
/// down the page first, all its rows at once in leptonica's own byte order (the same position
/// holds the same pixel in every row), then across, once each 32-bit word's bytes are in pixel order.
/// </summary>
internal static class GreyMorphology
{
    /// <summary>Each pixel the darkest of the size × size square around it; pixels off the image count as white (pixErodeGray).</summary>
    public static Pix Darkest(Pix grey, int size) => Extreme(grey, size, lightest: false);

    /// <summary>
    /// How much darker each pixel is than the page closed around it (leptonica's black top-hat,
    /// pixTophat with L_TOPHAT_BLACK): the lightest of each square, then the darkest of those,
    /// less the pixel itself. Dark strokes thinner than the square stand out; shading does not.
    /// </summary>
    public static unsafe Pix BlackTophat(Pix grey, int size)
    {
        using var lightest = Extreme(grey, size, lightest: true);
        var closed = Extreme(lightest, size, lightest: false);
        // a closing is never darker than the page; the difference stops at 0 only past a row's
        // last pixel, where the closing is clear and the page may not be
        int length = grey.RowBytes * grey.Height;
        byte* page = grey.Data, result = closed.Data;
        int i = 0, step = Vector<byte>.Count;
        for (; i + step <= length; i += step)
        {
            var c = Vector.Load(result + i);
            (c - Vector.Min(c, Vector.Load(page + i))).Store(result + i);
        }
        for (; i < length; i++) result[i] -= Math.Min(result[i], page[i]);
        return closed;
    }

    private static unsafe Pix Extreme(Pix grey, int size, bool lightest)
    {
        grey.MustBeGrey();
        if (size < 1 || size % 2 == 0) throw new ArgumentOutOfRangeException(nameof(size), size, "a brick's side is odd");
        int width = grey.Width, height = grey.Height, half = size / 2, rowBytes = grey.RowBytes;
        var result = grey.CreateLike();
        byte* from = grey.Data, to = result.Data;
        // off the image: black for the lightest, white for the darkest, so it never wins
        byte off = lightest ? (byte)0 : (byte)255;
        var down = new byte[rowBytes];
        var ordered = new byte[rowBytes + 2 * half];
        var across = new byte[rowBytes];
        fixed (byte* d = down, o = ordered, a = across)
            for (int y = 0; y < height; y++)
            {
                int first = Math.Max(0, y - half), last = Math.Min(height - 1, y + half);
                Buffer.MemoryCopy(from + (long)first * rowBytes, d, rowBytes, rowBytes);
                for (int r = first + 1; r <= last; r++) Combine(d, from + (long)r * rowBytes, rowBytes, lightest);
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(down), MemoryMarshal.Cast<byte, uint>(ordered.AsSpan(half, rowBytes)));
                ordered.AsSpan(0, half).Fill(off);
                ordered.AsSpan(half + width).Fill(off);
                Buffer.MemoryCopy(o, a, rowBytes, rowBytes);
                for (int k = 1; k < size; k++) Combine(a, o + k, rowBytes, lightest);
                // the row's last word past its last pixel stays clear, as leptonica leaves it
                across.AsSpan(width).Clear();
                BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, uint>(across), new Span<uint>(to + (long)y * rowBytes, rowBytes / 4));
            }
        return result;
    }

    // into[i] = the lighter (or darker) of into[i] and other[i]
    private static unsafe void Combine(byte* into, byte* other, int length, bool lightest)
    {
        int i = 0, step = Vector<byte>.Count;
        if (lightest)
        {
            for (; i + step <= length; i += step) Vector.Max(Vector.Load(into + i), Vector.Load(other + i)).Store(into + i);
            for (; i < length; i++) into[i] = Math.Max(into[i], other[i]);
        }
        else
        {
            for (; i + step <= length; i += step) Vector.Min(Vector.Load(into + i), Vector.Load(other + i)).Store(into + i);
            for (; i < length; i++) into[i] = Math.Min(into[i], other[i]);
        }
    }
}
