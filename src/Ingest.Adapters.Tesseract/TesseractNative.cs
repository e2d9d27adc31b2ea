using System.Reflection;
using System.Runtime.InteropServices;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// The thin binding: Debian's libtesseract5 C API (capi.h) and the few leptonica calls the
/// preprocessing needs, resolved to the versioned sonames so no -dev package is required.
/// Everything above this file is safe code.
/// </summary>
internal static unsafe partial class TesseractNative
{
    private const string Tess = "tesseract";
    private const string Lept = "lept";
    private const string LibC = "libc";

    static TesseractNative()
    {
        NativeLibrary.SetDllImportResolver(typeof(TesseractNative).Assembly, Resolve);
        // before libtesseract (and with it libgomp) is loaded: OpenMP would otherwise start a
        // thread team per engine and oversubscribe the cores (measured 2 s/page become 9-12 s);
        // parallelism comes from one engine per worker instead. Where the engine-calls library was
        // built, libtesseract's parallel regions do not reach libgomp at all (native/serial-openmp.c)
        setenv("OMP_THREAD_LIMIT", "1", 1);
        // a file leptonica cannot decode becomes one clear error line of ours, not its own chatter
        setMsgSeverity(SeverityNone);
        // a page's images (9 MB grey at 300 dpi, and the engine's copies of it for every cell it
        // reads) come from the heap and stay there when freed, instead of being mapped and unmapped
        // each time: every unmapping in a busy process stops all the cores to flush their address
        // caches, and the kernel took a tenth of a phone-photo batch's time (bench e_phone: 0.79 ->
        // 0.74 s a page, peak memory 411 -> 443 MB)
        mallopt(MallocMmapThreshold, 32 << 20);
        mallopt(MallocTrimThreshold, 512 << 20);
    }

    private const int MallocTrimThreshold = -1, MallocMmapThreshold = -3;

    private const int SeverityNone = 6;

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path) => name switch
    {
        Tess => LoadTesseract(),
        Lept => NativeLibrary.Load("liblept.so.5"),
        LibC => NativeLibrary.Load("libc.so.6"),
        _ => IntPtr.Zero,
    };

    /// <summary>The library built from native/*.c, beside this assembly.</summary>
    internal const string EngineCallsLibrary = "libingest-engine-calls.so";
    private const int RtldNow = 2, RtldGlobal = 0x100;

    /// <summary>
    /// libtesseract, with <see cref="EngineCallsLibrary"/> loaded into the global scope first, so that
    /// the engine's calls it defines bind to it (its text lines' images and line openings:
    /// native/line-images.c; OpenMP's regions: native/serial-openmp.c). The runtime loads libraries
    /// into their own scope, which a later library does not search first. Without it (no C compiler
    /// where this was built) the engine works as it always did.
    /// </summary>
    private static IntPtr LoadTesseract()
    {
        var engineCalls = Path.Combine(AppContext.BaseDirectory, EngineCallsLibrary);
        if (File.Exists(engineCalls)) dlopen(engineCalls, RtldNow | RtldGlobal);
        return NativeLibrary.Load("libtesseract.so.5");
    }

    /// <summary>Forces the resolver to be registered before the first call.</summary>
    public static void EnsureLoaded() { }

    // tesseract
    [LibraryImport(Tess)] public static partial IntPtr TessBaseAPICreate();
    [LibraryImport(Tess)] public static partial void TessBaseAPIDelete(IntPtr api);
    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)] public static partial int TessBaseAPIInit3(IntPtr api, string? datapath, string language);
    [LibraryImport(Tess)] public static partial void TessBaseAPISetPageSegMode(IntPtr api, int mode);
    [LibraryImport(Tess, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessBaseAPISetVariable(IntPtr api, string name, string value);
    [LibraryImport(Tess)] public static partial void TessBaseAPISetImage2(IntPtr api, IntPtr pix);
    [LibraryImport(Tess)] public static partial void TessBaseAPISetSourceResolution(IntPtr api, int ppi);
    [LibraryImport(Tess)] public static partial void TessBaseAPISetRectangle(IntPtr api, int left, int top, int width, int height);
    [LibraryImport(Tess)] public static partial int TessBaseAPIRecognize(IntPtr api, IntPtr monitor);
    [LibraryImport(Tess)] public static partial IntPtr TessBaseAPIGetTsvText(IntPtr api, int page);
    [LibraryImport(Tess)] public static partial int TessBaseAPIMeanTextConf(IntPtr api);
    [LibraryImport(Tess)] public static partial void TessBaseAPIClear(IntPtr api);
    [LibraryImport(Tess)] public static partial IntPtr TessBaseAPIGetThresholdedImage(IntPtr api);
    [LibraryImport(Tess)] public static partial void TessBaseAPIEnd(IntPtr api);
    [LibraryImport(Tess)] public static partial void TessDeleteText(IntPtr text);
    [LibraryImport(Tess)] public static partial IntPtr TessBaseAPIGetIterator(IntPtr api);
    [LibraryImport(Tess)] public static partial void TessResultIteratorDelete(IntPtr iterator);
    [LibraryImport(Tess)] public static partial IntPtr TessResultIteratorGetPageIterator(IntPtr iterator);
    [LibraryImport(Tess)] public static partial IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);
    [LibraryImport(Tess)] public static partial float TessResultIteratorConfidence(IntPtr iterator, int level);
    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessPageIteratorNext(IntPtr iterator, int level);
    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessPageIteratorIsAtBeginningOf(IntPtr iterator, int level);
    [LibraryImport(Tess)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TessPageIteratorBoundingBox(IntPtr iterator, int level, out int left, out int top, out int right, out int bottom);
    [LibraryImport(Tess)] public static partial IntPtr TessMonitorCreate();
    [LibraryImport(Tess)] public static partial void TessMonitorDelete(IntPtr monitor);
    [LibraryImport(Tess)] public static partial void TessMonitorSetCancelFunc(IntPtr monitor, delegate* unmanaged<IntPtr, int, byte> cancel);
    [LibraryImport(Tess)] public static partial void TessMonitorSetCancelThis(IntPtr monitor, IntPtr cancelThis);

    // leptonica
    [LibraryImport(Lept, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr pixRead(string filename);
    [LibraryImport(Lept)] public static partial IntPtr pixReadMem(byte[] data, nuint size);
    [LibraryImport(Lept, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr pixReadTiff(string filename, int n);
    [LibraryImport(Lept, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int pixReadHeader(string filename, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);
    [LibraryImport(Lept)] public static partial void pixDestroy(ref IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixGetWidth(IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixGetDepth(IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixGetPixel(IntPtr pix, int x, int y, out uint value);
    [LibraryImport(Lept)] public static partial int pixGetHeight(IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixGetXRes(IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixSetResolution(IntPtr pix, int xres, int yres);
    [LibraryImport(Lept)] public static partial int pixCopyResolution(IntPtr pixd, IntPtr pixs);
    [LibraryImport(Lept)] public static partial IntPtr pixConvertTo8(IntPtr pix, int cmapflag);
    [LibraryImport(Lept)] public static partial IntPtr pixDeskewGeneral(IntPtr pix, int redsweep, float sweeprange, float sweepdelta, int redsearch, int thresh, out float angle, out float confidence);
    [LibraryImport(Lept)] public static partial int pixFindSkewSweepAndSearch(IntPtr pix, out float angle, out float confidence, int redsweep, int redsearch, float sweeprange, float sweepdelta, float minbsdelta);
    [LibraryImport(Lept)] public static partial IntPtr pixRotateAMGray(IntPtr pix, float angle, byte grayval);
    [LibraryImport(Lept)] public static partial IntPtr pixScale(IntPtr pix, float scalex, float scaley);
    [LibraryImport(Lept)] public static partial IntPtr pixBackgroundNorm(IntPtr pix, IntPtr pixim, IntPtr pixg, int sx, int sy, int thresh, int mincount, int bgval, int smoothx, int smoothy);
    [LibraryImport(Lept)] public static partial int pixGetBackgroundGrayMap(IntPtr pix, IntPtr pixim, int sx, int sy, int thresh, int mincount, out IntPtr map);
    [LibraryImport(Lept)] public static partial IntPtr pixGetInvBackgroundMap(IntPtr map, int bgval, int smoothx, int smoothy);
    [LibraryImport(Lept)] public static partial IntPtr pixCopy(IntPtr pixd, IntPtr pixs);
    [LibraryImport(Lept)] public static partial IntPtr pixScaleGrayMinMax(IntPtr pix, int xfact, int yfact, int type);
    [LibraryImport(Lept)] public static partial IntPtr pixExpandReplicate(IntPtr pix, int factor);
    [LibraryImport(Lept)] public static partial IntPtr pixSelectBySize(IntPtr pix, int width, int height, int connectivity, int type, int relation, out int changed);
    [LibraryImport(Lept)] public static partial int pixCountPixels(IntPtr pix, out int count, IntPtr tab8);
    [LibraryImport(Lept)] public static partial int pixSauvolaBinarizeTiled(IntPtr pix, int whsize, float factor, int nx, int ny, IntPtr ppixth, out IntPtr ppixd);
    [LibraryImport(Lept)] public static partial IntPtr pixCreate(int width, int height, int depth);
    [LibraryImport(Lept)] public static partial IntPtr pixCreateTemplate(IntPtr pix);
    [LibraryImport(Lept)] public static partial IntPtr pixGetData(IntPtr pix);
    [LibraryImport(Lept)] public static partial int pixGetWpl(IntPtr pix);
    [LibraryImport(Lept)] public static partial int tiffGetCount(IntPtr fp, out int n);
    [LibraryImport(Lept)] public static partial int setMsgSeverity(int severity);
    [LibraryImport(Lept)] public static partial IntPtr pixConvertTo1(IntPtr pix, int threshold);
    [LibraryImport(Lept)] public static partial IntPtr pixTophat(IntPtr pixs, int hsize, int vsize, int type);
    [LibraryImport(Lept)] public static partial IntPtr pixInvert(IntPtr pixd, IntPtr pixs);
    [LibraryImport(Lept)] public static partial IntPtr pixOpenBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lept)] public static partial IntPtr pixOpenCompBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lept)] public static partial IntPtr pixClone(IntPtr pix);
    [LibraryImport(Lept)] public static partial IntPtr pixDilateBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lept)] public static partial IntPtr pixErodeGray(IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lept)] public static partial IntPtr pixCloseCompBrick(IntPtr pixd, IntPtr pixs, int hsize, int vsize);
    [LibraryImport(Lept)] public static partial IntPtr pixOr(IntPtr pixd, IntPtr pixs1, IntPtr pixs2);
    [LibraryImport(Lept)] public static partial int pixPaintThroughMask(IntPtr pixd, IntPtr pixm, int x, int y, uint val);
    [LibraryImport(Lept)] public static partial IntPtr pixConnCompBB(IntPtr pix, int connectivity);
    [LibraryImport(Lept)] public static partial int boxaGetCount(IntPtr boxa);
    [LibraryImport(Lept)] public static partial int boxaGetBoxGeometry(IntPtr boxa, int index, out int x, out int y, out int w, out int h);
    [LibraryImport(Lept)] public static partial void boxaDestroy(ref IntPtr boxa);
    [LibraryImport(Lept)] public static partial IntPtr boxCreate(int x, int y, int w, int h);
    [LibraryImport(Lept)] public static partial void boxDestroy(ref IntPtr box);
    [LibraryImport(Lept)] public static partial IntPtr pixClipRectangle(IntPtr pixs, IntPtr box, IntPtr pboxc);
    [LibraryImport(Lept)] public static partial int pixWriteMemPng(out IntPtr data, out nuint size, IntPtr pix, float gamma);
    [LibraryImport(Lept)] public static partial void lept_free(IntPtr ptr);
    [LibraryImport(Lept)] public static partial IntPtr pixReduceRankBinary2(IntPtr pixs, int level, IntPtr intab);
    [LibraryImport(Lept)] public static partial IntPtr dewarpGetTextlineCenters(IntPtr pixs, int debugflag);
    [LibraryImport(Lept)] public static partial IntPtr dewarpRemoveShortLines(IntPtr pixs, IntPtr ptaas, float fract, int debugflag);
    [LibraryImport(Lept)] public static partial int dewarpSinglePage(IntPtr pixs, int thresh, int adaptive, int useboth, int checkColumns, out IntPtr pixd, out IntPtr pdewa, int debug);
    [LibraryImport(Lept)] public static partial int dewarpaModelStatus(IntPtr dewa, int pageno, out int vsuccess, out int hsuccess);
    [LibraryImport(Lept)] public static partial void dewarpaDestroy(ref IntPtr dewa);
    [LibraryImport(Lept)] public static partial int ptaaGetCount(IntPtr ptaa);
    [LibraryImport(Lept)] public static partial IntPtr ptaaGetPta(IntPtr ptaa, int index, int accessflag);
    [LibraryImport(Lept)] public static partial int ptaGetCount(IntPtr pta);
    [LibraryImport(Lept)] public static partial int ptaGetPt(IntPtr pta, int index, out float x, out float y);
    [LibraryImport(Lept)] public static partial void ptaDestroy(ref IntPtr pta);
    [LibraryImport(Lept)] public static partial void ptaaDestroy(ref IntPtr ptaa);

    // libc: OpenMP reads OMP_THREAD_LIMIT through the C runtime's environment, which
    // Environment.SetEnvironmentVariable does not reach on Linux
    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)] public static partial int setenv(string name, string value, int overwrite);
    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr fopen(string path, string mode);
    [LibraryImport(LibC)] public static partial int fclose(IntPtr fp);
    [LibraryImport(LibC)] public static partial int mallopt(int param, int value);
    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr dlopen(string path, int flags);
    [LibraryImport(LibC, StringMarshalling = StringMarshalling.Utf8)] public static partial IntPtr dlsym(IntPtr handle, string symbol);
}
