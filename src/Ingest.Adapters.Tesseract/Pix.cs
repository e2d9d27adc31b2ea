using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ingest.Adapters.Tesseract;

/// <summary>An owned leptonica image; disposing destroys it.</summary>
internal sealed class Pix : SafeHandle
{
    private Pix(IntPtr handle) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => TesseractNative.pixGetWidth(handle);
    public int Height => TesseractNative.pixGetHeight(handle);
    public int XRes => TesseractNative.pixGetXRes(handle);
    public IntPtr Raw => handle;

    private int? _depth;

    /// <summary>Whether a pixel is ink: set in a 1-bit image, darker than mid-grey in an 8-bit one.</summary>
    public bool IsDark(int x, int y)
    {
        if (TesseractNative.pixGetPixel(handle, x, y, out var v) != 0) return false;
        return (_depth ??= TesseractNative.pixGetDepth(handle)) switch
        {
            1 => v == 1,
            8 => v < 128,
            32 => ((v >> 24) & 0xff) + ((v >> 16) & 0xff) + ((v >> 8) & 0xff) < 3 * 128,
            _ => false,
        };
    }

    /// <summary>Bytes from one row's start to the next's: whole 32-bit words, so a row may end in padding.</summary>
    public int RowBytes => TesseractNative.pixGetWpl(handle) * 4;

    /// <summary>The first row's first byte, in leptonica's order (pixel n of an 8-bit row is byte n ^ 3).</summary>
    public unsafe byte* Data => (byte*)TesseractNative.pixGetData(handle);

    /// <summary>Throws unless this is an 8-bit image, which the pixel loops here read byte by byte.</summary>
    public void MustBeGrey()
    {
        if (TesseractNative.pixGetDepth(handle) != 8) throw new InvalidOperationException("not an 8-bit image");
    }

    /// <summary>A new blank image (every byte 0) of the given size and depth.</summary>
    public static Pix Create(int width, int height, int depth) =>
        Own(TesseractNative.pixCreate(width, height, depth)) ?? throw new OutOfMemoryException("leptonica could not allocate the page image");

    /// <summary>A new blank image (every byte 0) of this one's size, depth and resolution.</summary>
    public Pix CreateLike() =>
        Own(TesseractNative.pixCreateTemplate(handle)) ?? throw new OutOfMemoryException("leptonica could not allocate the page image");

    /// <summary>The pixels of an 8-bit image, copied out row by row.</summary>
    public unsafe GreyImage ToGrey()
    {
        MustBeGrey();
        int w = Width, h = Height, rowBytes = RowBytes, whole = w & ~3;
        var data = Data;
        var pixels = GC.AllocateUninitializedArray<byte>(w * h);
        fixed (byte* to = pixels)
            for (int y = 0; y < h; y++)
            {
                byte* line = data + (long)y * rowBytes, row = to + (long)y * w;
                ReverseEachWord(line, row, whole);
                // leptonica packs pixels big-endian in 32-bit words: on this little-endian machine pixel n is byte n ^ 3
                for (int x = whole; x < w; x++) row[x] = line[x ^ 3];
            }
        return new GreyImage(w, h, pixels);
    }

    /// <summary>
    /// Each 32-bit word's bytes reversed, <paramref name="count"/> (a multiple of 4) bytes: an 8-bit
    /// row in leptonica's order (pixel n is byte n ^ 3) to pixel order, or back, by the runtime's
    /// vectorised span reversal, as GreyMorphology and LinearScale turn their rows.
    /// </summary>
    private static unsafe void ReverseEachWord(byte* from, byte* to, int count) =>
        BinaryPrimitives.ReverseEndianness(new ReadOnlySpan<uint>(from, count / 4), new Span<uint>(to, count / 4));

    /// <summary>An 8-bit image shrunk by a whole factor, each pixel the mean of its block, as <see cref="GreyImage.Shrink"/> makes it.</summary>
    public unsafe GreyImage Shrink(int factor)
    {
        MustBeGrey();
        int w = Width / factor, h = Height / factor, rowBytes = RowBytes;
        var data = Data;
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                int sum = 0;
                for (int dy = 0; dy < factor; dy++)
                {
                    byte* line = data + (long)(y * factor + dy) * rowBytes;
                    for (int dx = 0; dx < factor; dx++) sum += line[(x * factor + dx) ^ 3];
                }
                pixels[y * w + x] = (byte)(sum / (factor * factor));
            }
        return new GreyImage(w, h, pixels);
    }

    /// <summary>A new 8-bit image holding the pixels, at the given resolution.</summary>
    public static Pix FromGrey(GreyImage image, int dpi)
    {
        var pix = Create(image.Width, image.Height, 8);
        for (int y = 0; y < image.Height; y++) pix.SetRow(y, image.Pixels.AsSpan(y * image.Width, image.Width));
        TesseractNative.pixSetResolution(pix.handle, dpi, dpi);
        return pix;
    }

    /// <summary>Row <paramref name="y"/> of an 8-bit image set to <paramref name="pixels"/>, one for each of its pixels, in order.</summary>
    public unsafe void SetRow(int y, ReadOnlySpan<byte> pixels)
    {
        MustBeGrey();
        int w = Width;
        if ((uint)y >= (uint)Height || pixels.Length != w) throw new ArgumentOutOfRangeException(nameof(pixels), $"row {y} of {w} pixels");
        byte* line = Data + (long)y * RowBytes;
        int whole = w & ~3;
        fixed (byte* row = pixels)
        {
            ReverseEachWord(row, line, whole);
            for (int x = whole; x < w; x++) line[x ^ 3] = row[x];
        }
    }

    /// <summary>The bounding boxes (x, y, width, height) of a 1-bit image's 8-connected ink components.</summary>
    public List<(int X, int Y, int W, int H)> ComponentBoxes()
    {
        var boxa = TesseractNative.pixConnCompBB(handle, 8);
        var result = new List<(int, int, int, int)>();
        if (boxa == IntPtr.Zero) return result;
        try
        {
            int n = TesseractNative.boxaGetCount(boxa);
            for (int i = 0; i < n; i++)
                if (TesseractNative.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h) == 0) result.Add((x, y, w, h));
        }
        finally { TesseractNative.boxaDestroy(ref boxa); }
        return result;
    }

    /// <summary>A copy of the rectangle (x, y, width, height) of the image, clipped to it; null when they do not meet.</summary>
    public Pix? Clip(int x, int y, int w, int h)
    {
        var box = TesseractNative.boxCreate(x, y, w, h);
        try { return Own(TesseractNative.pixClipRectangle(handle, box, IntPtr.Zero)); }
        finally { TesseractNative.boxDestroy(ref box); }
    }

    /// <summary>The image as a PNG file's bytes; null when leptonica cannot encode it.</summary>
    public byte[]? ToPng()
    {
        if (TesseractNative.pixWriteMemPng(out var data, out var size, handle, 0) != 0 || data == IntPtr.Zero) return null;
        try
        {
            var bytes = new byte[(int)size];
            Marshal.Copy(data, bytes, 0, bytes.Length);
            return bytes;
        }
        finally { TesseractNative.lept_free(data); }
    }

    /// <summary>Takes ownership of a pointer leptonica returned; null stays null.</summary>
    public static Pix? Own(IntPtr p) => p == IntPtr.Zero ? null : new Pix(p);

    protected override bool ReleaseHandle()
    {
        var p = handle;
        TesseractNative.pixDestroy(ref p);
        return true;
    }
}
