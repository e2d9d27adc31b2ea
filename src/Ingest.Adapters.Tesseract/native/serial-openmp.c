/*
 * The five OpenMP entry points libtesseract calls, for a team of one thread.
 *
 * Debian builds libtesseract with OpenMP: its LSTM runs the four gates of every time step of every
 * text line in a parallel region (LSTM::Forward's "parallel sections"), and its fully connected
 * layers in a "parallel for". Ingest gets its parallelism from one engine per worker instead, so
 * it limits OpenMP to one thread (OMP_THREAD_LIMIT=1, TesseractNative). libgomp still builds and
 * ends a team for each region, and ending one wakes the team's barrier with a futex system call
 * even when no thread waits on it: a system call per time step per layer. Measured with perf on a
 * phone-photo batch, libgomp and those calls were a tenth of the OCR threads' time.
 *
 * Loaded into the process's global scope before libtesseract (with line-images.c), these are the
 * definitions its calls bind to. With one thread a region is just a call of its body, sections are
 * handed out in order, and the thread is number 0 of 1: the same work in the same order as
 * libgomp does it with OMP_THREAD_LIMIT=1, so the same text.
 *
 * Only libtesseract's constructs are served (nm -D --undefined-only libtesseract.so.5: these five
 * and no other GOMP_ symbol); a library that needs others would still find them in libgomp.
 */

/* the sections of the innermost "parallel sections" region on this thread still to hand out */
static __thread unsigned next_section, section_count;

void GOMP_parallel(void (*body)(void *), void *data, unsigned num_threads, unsigned flags)
{
    (void)num_threads; (void)flags;
    body(data);
}

void GOMP_parallel_sections(void (*body)(void *), void *data, unsigned num_threads, unsigned count, unsigned flags)
{
    (void)num_threads; (void)flags;
    /* a region inside a section gets its own count, and the outer region's resumes after it */
    unsigned outer_next = next_section, outer_count = section_count;
    next_section = 1;
    section_count = count;
    body(data);
    next_section = outer_next;
    section_count = outer_count;
}

/* the next section's number (1-based), or 0 once every section was handed out */
unsigned GOMP_sections_next(void)
{
    return next_section <= section_count ? next_section++ : 0;
}

void GOMP_sections_end_nowait(void) {}

int omp_get_num_threads(void) { return 1; }

int omp_get_thread_num(void) { return 0; }
