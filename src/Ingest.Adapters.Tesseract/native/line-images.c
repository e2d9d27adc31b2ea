/*
 * Two leptonica functions that libtesseract calls, served faster with the same result.
 *
 * Tesseract 5.3 keeps the image of every text line it recognises as a PNG file in memory
 * (ImageData::SetPixInternal, through leptonica's pixWriteMem) and decodes it straight back
 * (ImageData::GetPix) to scale it for the recogniser. The zlib compression in between was 13% of
 * a 300 dpi batch's CPU and keeps nothing: the bytes live for one line.
 *
 * Its line finder (LineFinder::GetLineMasks) opens each page with long thin bricks (75 px at
 * 300 dpi, and 15 by 15) through pixOpenBrick, one rasterop of the whole page per element of
 * the brick: 7% of a 300 dpi page's instructions. Leptonica's composite bricks give the same
 * opening with a fifth of the rasterops where the size factors exactly (75 = 15 x 5).
 *
 * This library defines pixWriteMem and pixOpenBrick. Loaded into the process's global scope
 * before libtesseract (TesseractNative's resolver does that), they are the definitions
 * libtesseract's calls bind to. A request for PNG is served as leptonica's own serialised pix
 * (SPIX: a header and the raw pixels, a copy), which pixReadMem recognises by its header like
 * any other format; a bilevel opening whose sizes factor exactly goes to pixOpenCompBrick; every
 * other call goes to leptonica's function unchanged. Same pixels, same text
 * (bench/ocr-robust.sh). PNM, tried first for the lines, is written and read a byte per call: a
 * third of zlib's cost left.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/* leptonica's imageio.h */
enum { IFF_PNG = 3, IFF_SPIX = 19 };

typedef int (*write_mem_fn)(uint8_t **pdata, size_t *psize, void *pix, int format);
typedef void *(*open_brick_fn)(void *pixd, void *pixs, int hsize, int vsize);
typedef int (*get_depth_fn)(void *pix);
typedef int (*composable_sizes_fn)(int size, int *factor1, int *factor2);

/* leptonica's own definition of NAME, looked up once and kept in *SLOT (any thread may race to it: each finds the same) */
static void *leptonicas(void **slot, const char *name)
{
    void *fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (fn) return fn;
    void *lept = dlopen("liblept.so.5", RTLD_LAZY);
    fn = lept ? dlsym(lept, name) : NULL;
    __atomic_store_n(slot, fn, __ATOMIC_RELEASE);
    return fn;
}

static void *write_mem, *open_brick, *open_comp_brick, *get_depth, *composable_sizes;

int pixWriteMem(uint8_t **pdata, size_t *psize, void *pix, int format)
{
    write_mem_fn real = (write_mem_fn)leptonicas(&write_mem, "pixWriteMem");
    if (!real) return 1;   /* leptonica's "error" */
    return real(pdata, psize, pix, format == IFF_PNG ? IFF_SPIX : format);
}

/* whether a brick of SIZE composes exactly: the composite's size is the product of its factors,
   which leptonica lets differ from the size asked for by one or two */
static int composes_exactly(int size, composable_sizes_fn sizes)
{
    int f1, f2;
    return size == 1 || (sizes(size, &f1, &f2) == 0 && f1 * f2 == size);
}

/* a smaller brick is left to leptonica's own: it costs few rasterops either way (not measured) */
enum { MIN_COMPOSED = 8 };

void *pixOpenBrick(void *pixd, void *pixs, int hsize, int vsize)
{
    open_brick_fn brick = (open_brick_fn)leptonicas(&open_brick, "pixOpenBrick");
    open_brick_fn composite = (open_brick_fn)leptonicas(&open_comp_brick, "pixOpenCompBrick");
    get_depth_fn depth = (get_depth_fn)leptonicas(&get_depth, "pixGetDepth");
    composable_sizes_fn sizes = (composable_sizes_fn)leptonicas(&composable_sizes, "selectComposableSizes");
    if (!brick) return NULL;   /* leptonica's "error" */
    if (composite && depth && sizes && pixs && depth(pixs) == 1 && (hsize >= MIN_COMPOSED || vsize >= MIN_COMPOSED)
        && composes_exactly(hsize, sizes) && composes_exactly(vsize, sizes))
        return composite(pixd, pixs, hsize, vsize);
    return brick(pixd, pixs, hsize, vsize);
}
