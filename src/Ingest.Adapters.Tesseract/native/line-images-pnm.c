/*
 * Tesseract 5.3 keeps the image of every text line it recognises as a PNG file in memory
 * (ImageData::SetPixInternal, through leptonica's pixWriteMem) and decodes it straight back
 * (ImageData::GetPix) to scale it for the recogniser. The zlib compression in between is an
 * eighth of a page's reading time and keeps nothing: the bytes live for one line.
 *
 * This library defines pixWriteMem. Loaded into the process's global scope before libtesseract
 * (TesseractNative's resolver does that), it is the definition libtesseract's calls bind to: a
 * request for PNG is served as PNM, which leptonica's pixReadMem recognises by its header like any
 * other format, and everything else goes to leptonica's own function unchanged. Same pixels, same
 * text (bench/ocr-robust.sh), no compression.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/* leptonica's imageio.h */
enum { IFF_PNG = 3, IFF_PNM = 11 };

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
    return real(pdata, psize, pix, format == IFF_PNG ? IFF_PNM : format);
}
