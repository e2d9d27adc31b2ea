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

    /// <summary>Takes ownership of a pointer leptonica returned; null stays null.</summary>
    public static Pix? Own(IntPtr p) => p == IntPtr.Zero ? null : new Pix(p);

    protected override bool ReleaseHandle()
    {
        var p = handle;
        TesseractNative.pixDestroy(ref p);
        return true;
    }
}
