/*
 * Tesseract 5.3 keeps the image of every text line it recognises as a PNG file in memory
 * (ImageData::SetPixInternal, through leptonica's pixWriteMem) and decodes it straight back
 * (ImageData::GetPix) to scale it for the recogniser. The zlib compression in between was 13% of
 * a 300 dpi batch's CPU and keeps nothing: the bytes live for one line.
 *
 * This library defines pixWriteMem. Loaded into the process's global scope before libtesseract
 * (TesseractNative's resolver does that), it is the definition libtesseract's calls bind to: a
 * request for PNG is served as leptonica's own serialised pix (SPIX: a header and the raw
 * pixels, a copy), which pixReadMem recognises by its header like any other format; every other
 * request goes to leptonica's function unchanged. Same pixels, same text (bench/ocr-robust.sh).
 * PNM, tried first, is written and read a byte per call: a third of zlib's cost left.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/* leptonica's imageio.h */
enum { IFF_PNG = 3, IFF_SPIX = 19 };

typedef int (*write_mem_fn)(uint8_t **pdata, size_t *psize, void *pix, int format);

static write_mem_fn leptonicas(void)
{
    static write_mem_fn found;
    write_mem_fn fn = __atomic_load_n(&found, __ATOMIC_ACQUIRE);
    if (fn) return fn;
    void *lept = dlopen("liblept.so.5", RTLD_LAZY);
    fn = lept ? (write_mem_fn)dlsym(lept, "pixWriteMem") : NULL;
    __atomic_store_n(&found, fn, __ATOMIC_RELEASE);
    return fn;
}

int pixWriteMem(uint8_t **pdata, size_t *psize, void *pix, int format)
{
    write_mem_fn real = leptonicas();
    if (!real) return 1;   /* leptonica's "error" */
    return real(pdata, psize, pix, format == IFF_PNG ? IFF_SPIX : format);
}
