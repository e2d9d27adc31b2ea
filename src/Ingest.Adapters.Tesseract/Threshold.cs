using System.Buffers.Binary;
using System.Runtime.Intrinsics;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// A bilevel image of an 8-bit page's pixels darker than a threshold, bit for bit what leptonica's
/// pixConvertTo1 gives. Leptonica takes a pixel at a time: 30 ms for a 300 dpi page, and a page is
/// thresholded four times (rules, lost text, line curvature, skew), a tenth of its preparation;
/// here 32 pixels are compared at once.
/// </summary>
internal static class Threshold
{
    public static unsafe Pix Darker(Pix grey, int threshold)
    {
        grey.MustBeGrey();
        if (threshold is < 0 or > 256) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a grey level from 0 to 256");
        int width = grey.Width, height = grey.Height;
        var result = Pix.Create(width, height, 1);
        TesseractNative.pixCopyResolution(result.Raw, grey.Raw);
        int fromBytes = grey.RowBytes, toWords = result.RowBytes / 4;
        var from = grey.Data;
        var to = (uint*)result.Data;
        // nothing is darker than 0; everything is darker than 256, which a byte cannot hold
        var level = Vector256.Create((byte)Math.Min(threshold, 255));
        bool all = threshold == 256;
        byte* tail = stackalloc byte[32];
        for (int y = 0; y < height; y++)
        {
            byte* row = from + (long)y * fromBytes;
            uint* bits = to + (long)y * toWords;
            for (int x = 0, word = 0; x < width; x += 32, word++)
            {
                // 32 pixels from 8 words of the row; the row's padding past its last pixel is read and
                // masked off, and a row ending short of 8 words is read from a copy, not past the image
                Vector256<byte> pixels;
                if (x + 32 <= fromBytes) pixels = Vector256.Load(row + x);
                else
                {
                    new Span<byte>(tail, 32).Clear();
                    Buffer.MemoryCopy(row + x, tail, 32, fromBytes - x);
                    pixels = Vector256.Load(tail);
                }
                uint dark = all ? uint.MaxValue : Vector256.LessThan(pixels, level).ExtractMostSignificantBits();
                bits[word] = InPixelOrder(dark) & (width - x >= 32 ? uint.MaxValue : ~(uint.MaxValue >> (width - x)));
            }
        }
        return result;
    }

    /// <summary>
    /// Byte i of 8 words of an 8-bit row holds pixel i ^ 3 (each word's pixels most significant
    /// byte first, on a little-endian machine); a bilevel word holds pixel p at bit 31 − p. Bit
    /// i of the mask goes to bit 31 − (i ^ 3) = 28 − 4·(i / 4) + i % 4: the mask's nibbles in reverse order.
    /// </summary>
    private static uint InPixelOrder(uint mask)
    {
        uint bytesReversed = BinaryPrimitives.ReverseEndianness(mask);
        return ((bytesReversed & 0x0F0F0F0F) << 4) | ((bytesReversed >> 4) & 0x0F0F0F0F);
    }
}
