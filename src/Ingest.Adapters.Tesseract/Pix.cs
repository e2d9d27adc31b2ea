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

    /// <summary>Takes ownership of a pointer leptonica returned; null stays null.</summary>
    public static Pix? Own(IntPtr p) => p == IntPtr.Zero ? null : new Pix(p);

    protected override bool ReleaseHandle()
    {
        var p = handle;
        TesseractNative.pixDestroy(ref p);
        return true;
    }
}
