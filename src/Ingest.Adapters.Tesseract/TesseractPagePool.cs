using System.Collections.Concurrent;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load.Layout;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Spreads page recognition over <see cref="TesseractOptions.Workers"/> dedicated threads, each
/// with its own engine created once on first use. Pages from every document of a batch share one
/// queue, so a single 200-page scan uses all cores as well as 200 one-page photos do. Each page
/// runs under a Polly pipeline: a timeout per attempt, and a retry with the next
/// <see cref="OcrAttempt"/> after a failure, a timeout or a very low confidence.
/// </summary>
public sealed class TesseractPagePool : IPageOcr, IDisposable
{
    private sealed record Job(PageImageRequest Request, CancellationToken Ct, TaskCompletionSource<OcrPageResult> Done);

    private readonly TesseractOptions _options;
    private readonly BlockingCollection<Job> _queue = new();
    private readonly Lock _startLock = new();
    private List<Thread>? _threads;

    public TesseractPagePool(TesseractOptions options) => _options = options;

    public Task<OcrPageResult> RecognizeAsync(PageImageRequest request, CancellationToken ct)
    {
        EnsureStarted();
        var job = new Job(request, ct, new TaskCompletionSource<OcrPageResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Add(job, ct);
        return job.Done.Task;
    }

    private void EnsureStarted()
    {
        lock (_startLock)
        {
            if (_threads != null) return;
            _threads = Enumerable.Range(0, _options.Workers).Select(i =>
            {
                // Tesseract's layout analysis recurses deeply on busy pages
                var t = new Thread(Work, 16 * 1024 * 1024) { IsBackground = true, Name = $"ocr-{i + 1}" };
                t.Start();
                return t;
            }).ToList();
        }
    }

    private void Work()
    {
        TesseractEngine? engine = null;
        string? startFailure = null;
        try
        {
            foreach (var job in _queue.GetConsumingEnumerable())
            {
                if (job.Ct.IsCancellationRequested) { job.Done.TrySetCanceled(job.Ct); continue; }
                if (engine == null && startFailure == null)
                {
                    try { engine = new TesseractEngine(_options.Tessdata, _options.Language); }
                    catch (Exception e) when (e is DocumentFailure or DllNotFoundException or EntryPointNotFoundException)
                    {
                        startFailure = e is DocumentFailure ? e.Message : "libtesseract5 is not installed (./ingest installs it)";
                    }
                }
                if (startFailure != null) { job.Done.TrySetResult(Failed(job.Request.Page, startFailure)); continue; }
                try { job.Done.TrySetResult(ReadPage(engine!, job.Request, job.Ct)); }
                catch (OperationCanceledException) { job.Done.TrySetCanceled(job.Ct); }
                catch (Exception e) { job.Done.TrySetResult(Failed(job.Request.Page, e.Message.Split('\n')[0])); }
            }
        }
        finally { engine?.Dispose(); }
    }

    private static OcrPageResult Failed(int page, string reason) => new(page, null, 0, "", reason);

    private OcrPageResult ReadPage(TesseractEngine engine, PageImageRequest request, CancellationToken ct)
    {
        PageImage source;
        try { source = request.Acquire(ct); }
        catch (DocumentFailure f) { return Failed(request.Page, f.Message); }
        try
        {
            var prepared = PageImagePreparer.Load(source, _options.Preprocess);
            using (prepared.Image)
            {
                string? notSaved = _options.PreparedPagesDir is { } dir ? SavePrepared(dir, request, prepared.Image) : null;
                var result = Recognize(engine, request.Page, source, prepared, ct);
                return notSaved == null ? result : result with { Settings = $"{result.Settings}; {notSaved}" };
            }
        }
        catch (DocumentFailure f) { return Failed(request.Page, f.Message); }
    }

    /// <summary>
    /// Saves the page as prepared to DIR/&lt;the document's full path&gt;-p&lt;page&gt;.png, so that
    /// two documents of one name in two folders, or a plan.pdf beside a plan.tif, keep their own
    /// pages; atomically, so a reader of the folder never sees half a page. Returns why it could
    /// not, or null.
    /// </summary>
    private static string? SavePrepared(string dir, PageImageRequest request, Pix image)
    {
        var document = Path.GetFullPath(request.DocumentPath);
        var folder = Path.Combine(dir, Path.GetRelativePath(Path.GetPathRoot(document)!, Path.GetDirectoryName(document)!));
        var path = Path.Combine(folder, $"{Path.GetFileName(document)}-p{request.Page:000}.png");
        if (image.ToPng() is not { } png) return "prepared page not saved: leptonica could not encode it";
        try
        {
            Directory.CreateDirectory(folder);
            Ingest.Core.Output.AtomicFile.Write(path, tmp => File.WriteAllBytes(tmp, png));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"prepared page not saved: {e.Message}"; }
    }

    private OcrPageResult Recognize(TesseractEngine engine, int page, PageImage source, PreparedPage prepared, CancellationToken ct)
    {
        var (image, dpi, rules, steps) = (prepared.Image, prepared.Dpi, prepared.Rules, prepared.Steps);
        int width = image.Width, height = image.Height;
        var attempts = _options.Attempts;
        int next = 0;
        (OcrRun Run, OcrAttempt Attempt)? best = null;
        string? lastError = null;
        var pipeline = new ResiliencePipelineBuilder<OcrRun?>()
            .AddRetry(new RetryStrategyOptions<OcrRun?>
            {
                MaxRetryAttempts = attempts.Count - 1,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException or OcrEngineFailure } => true,
                    { Result: { } r } => r.Words > 0 && r.MeanConfidence < _options.LowConfidence,
                    _ => false,
                }),
            })
            .AddTimeout(_options.PageTimeout)
            .Build();
        try
        {
            pipeline.Execute(token =>
            {
                var attempt = attempts[Math.Min(next++, attempts.Count - 1)];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    OcrRun run;
                    if (attempt.Scale == 1f) run = engine.Recognize(image, dpi, attempt.PageSegMode, token);
                    else
                    {
                        using var scaled = PageImagePreparer.Scale(image, attempt.Scale, dpi);
                        run = engine.Recognize(scaled, (int)Math.Round(dpi * attempt.Scale), attempt.PageSegMode, token);
                        run = run with { Tsv = TsvLayout.MoveBoxes(run.Tsv, 1 / attempt.Scale, 0, 0) };
                    }
                    // the timer that cancels the engine can fire late on a starved thread pool: an
                    // attempt that outran its limit is a timeout all the same
                    if (clock.Elapsed > _options.PageTimeout)
                    {
                        lastError = $"timed out after {_options.PageTimeout.TotalSeconds:0.###}s ({attempt})";
                        throw new TimeoutRejectedException(lastError);
                    }
                    if (best == null || run.MeanConfidence > best.Value.Run.MeanConfidence) best = (run, attempt);
                    return run;
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    lastError = $"timed out after {_options.PageTimeout.TotalSeconds:0.###}s ({attempt})";
                    throw;
                }
                catch (OcrEngineFailure e)
                {
                    lastError = $"{e.Message} ({attempt})";
                    throw;
                }
            }, ct);
        }
        catch (Exception e) when (e is TimeoutRejectedException or OcrEngineFailure && best == null)
        {
            return Failed(page, lastError ?? (e is TimeoutRejectedException ? $"timed out after {_options.PageTimeout.TotalSeconds:0.###}s" : e.Message));
        }
        catch (Exception e) when (e is TimeoutRejectedException or OcrEngineFailure) { }
        var (bestRun, bestAttempt) = best!.Value;
        // ink is measured on an evenly lit copy: in a shadow one threshold makes a black block, not letters
        bool even = steps.Any(s => s.StartsWith("background") || s.StartsWith("despeckle"));
        IReadOnlyList<(int X, int Y, int W, int H)> ink;
        string reread;
        string? warning;
        using (var lit = even ? null : EvenLight.Of(image))
        {
            ink = LostText.Ink(lit ?? image, dpi);
            (reread, warning) = ReadAgainIfTextLost(engine, image, lit, dpi, steps, ink, bestAttempt, ref bestRun, ct);
        }
        double pointsPerPixel = source.PageWidthPoints is { } w ? w / width : 72.0 / dpi;
        var horizontal = rules.Horizontal.Select(r => new HorizontalRule(r.Y * pointsPerPixel, r.X0 * pointsPerPixel, r.X1 * pointsPerPixel)).ToList();
        var layout = TsvLayout.Parse(bestRun.Tsv, page, pointsPerPixel, width * pointsPerPixel, height * pointsPerPixel) with { Rules = horizontal };
        var unread = LostText.Unread(ink, dpi, bestRun.Tsv).ToList();
        var cells = ReadCells(engine, page, image, dpi, rules, pointsPerPixel, layout.Lines, unread, out int readAgain, ct);
        if (cells.Count > 0) layout = layout with { Lines = TableGrid.Reread(layout.Lines, cells) };
        // a ruled table's cells were read one by one already; what else the reading lost is read now
        var recovered = ReadLostWords(engine, page, image, dpi, ink, bestRun.Tsv, pointsPerPixel, cells.Select(c => c.Cell).ToList(), ct);
        if (recovered.Count > 0) layout = layout with { Lines = RecoveredWords.Insert(layout.Lines, recovered) };
        return new OcrPageResult(page, layout, bestRun.MeanConfidence, $"{bestAttempt}; {(steps.Count == 0 ? "no preparation" : string.Join(", ", steps))}{reread}{(cells.Count > 0 ? $"; {Count(readAgain, "cell")} read again{(readAgain < cells.Count ? $", {cells.Count - readAgain} as the page read them" : "")}" : "")}{(recovered.Count > 0 ? $"; {Count(recovered.Count, "word")} read from ink the page's reading left" : "")}", null, warning);
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>
    /// When more of the page's text-sized ink than <see cref="TesseractOptions.LostTextLimit"/> gave
    /// no words, the page is read again from another preparation (see
    /// <see cref="PageImagePreparer.Alternative"/>) and the reading that leaves less ink without
    /// words is kept, whatever the mean confidences say. Returns the note for the page's settings
    /// and the warning (null when no more than the limit was lost).
    /// </summary>
    private (string Reread, string? Warning) ReadAgainIfTextLost(TesseractEngine engine, Pix image, Pix? evenlyLit, int dpi, IReadOnlyList<string> steps,
        IReadOnlyList<(int X, int Y, int W, int H)> ink, OcrAttempt attempt, ref OcrRun run, CancellationToken ct)
    {
        double lost = LostText.Fraction(ink, dpi, run.Tsv);
        if (lost <= _options.LostTextLimit) return ("", null);
        var (alternative, how) = PageImagePreparer.Alternative(image, dpi, steps, evenlyLit);
        string first = $"{lost:0%} of the ink gave no words";
        if (alternative == null) return ("", first);
        using (alternative)
        {
            try
            {
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
                limit.CancelAfter(_options.PageTimeout);
                var again = engine.Recognize(alternative, dpi, attempt.PageSegMode, limit.Token);
                double lostAgain = LostText.Fraction(ink, dpi, again.Tsv);
                if (lostAgain >= lost - MinLostTextGain) return ("", $"{first}; read again with {how}: {lostAgain:0%}, first reading kept");
                run = again;
                return ($"; read again with {how} ({lost:0%} → {lostAgain:0%} ink without words)", $"{first}; read again with {how}: {lostAgain:0%}, kept");
            }
            catch (Exception e) when (e is OcrEngineFailure or OperationCanceledException && !ct.IsCancellationRequested)
            {
                return ("", $"{first}; reading again with {how} failed");
            }
        }
    }

    /// <summary>Beyond this many groups of unread ink a page is noise (a photo, a stain), not a few lost words.</summary>
    private const int MaxLostGroups = 120;
    /// <summary>Room around a group of unread ink (inches) for its tone marks and the engine's margin.</summary>
    private const double LostWordPaddingInches = 0.05;
    /// <summary>A word read from unread ink at a lower confidence is noise read as letters.</summary>
    private const int MinLostWordConfidence = 60;
    /// <summary>Tesseract's mode for one line of text, which a group of unread ink is.</summary>
    private const int LineMode = 7;

    /// <summary>
    /// The words in the page's ink that its reading gave none for (see <see cref="LostText.UnreadGroups"/>),
    /// outside the ruled cells read already, each group read on its own as a line, in page points.
    /// None when there are more groups than <see cref="MaxLostGroups"/>, or the page runs out of time.
    /// </summary>
    private static IReadOnlyList<LayoutWord> ReadLostWords(TesseractEngine engine, int page, Pix image, int dpi,
        IReadOnlyList<(int X, int Y, int W, int H)> ink, string tsv, double pointsPerPixel, IReadOnlyList<BBox> cellsRead, CancellationToken ct)
    {
        var groups = LostText.UnreadGroups(ink, dpi, tsv)
            .Where(g => !cellsRead.Any(c => c.Contains((g.X + g.W / 2.0) * pointsPerPixel, (g.Y + g.H / 2.0) * pointsPerPixel))).ToList();
        if (groups.Count == 0 || groups.Count > MaxLostGroups) return [];
        int pad = (int)Math.Ceiling(LostWordPaddingInches * dpi);
        var words = new List<LayoutWord>();
        try
        {
            foreach (var g in groups)
            {
                int x = Math.Max(0, g.X - pad), y = Math.Max(0, g.Y - pad);
                int w = Math.Min(image.Width, g.X + g.W + pad) - x, h = Math.Min(image.Height, g.Y + g.H + pad) - y;
                var run = engine.Recognize(image, dpi, LineMode, ct, (x, y, w, h));
                words.AddRange(TsvLayout.Parse(run.Tsv, page, pointsPerPixel, image.Width * pointsPerPixel, image.Height * pointsPerPixel).Lines
                    .SelectMany(l => l.Words).Where(word => (word.Confidence ?? 0) >= MinLostWordConfidence && IsWord(word.Text)));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or OcrEngineFailure && !ct.IsCancellationRequested) { return []; }
        return words;
    }

    /// <summary>
    /// What a group of unread ink must read as to be a word: a figure, a percent sign, or two
    /// letters or more. A lone letter is what the dots of a broken border read as ("H", "I", "x").
    /// </summary>
    internal static bool IsWord(string text) => text.Any(char.IsDigit) || text == "%" || text.Count(char.IsLetter) >= 2;

    /// <summary>How much less ink without words a second reading must leave to replace the first.</summary>
    private const double MinLostTextGain = 0.03;

    /// <summary>How far inside its borders a cell is read (inches): clear of the border's ink and blur.</summary>
    private const double CellInsetInches = 0.03;
    /// <summary>How far a border may stop short of a corner and still close the cell (inches).</summary>
    private const double CornerToleranceInches = 0.04;
    /// <summary>
    /// Below this mean confidence a cell read at the page's threshold is read again at its own.
    /// Right readings of the dev tables' cells come at 90 and over; the wrong ones at 55–75.
    /// </summary>
    private const int SureCellConfidence = 85;

    /// <summary>A cell's reading that gave words, but under <see cref="SureCellConfidence"/>; none read is not unsure, it is empty.</summary>
    internal static bool Unsure(OcrRun cell) => cell.Words > 0 && cell.MeanConfidence < SureCellConfidence;
    /// <summary>Tesseract's mode for one uniform block of text, which a cell is.</summary>
    private const int BlockMode = 6;

    /// <summary>
    /// Every cell of the page's ruled tables read on its own (see <see cref="TableGrid"/>), in page
    /// points, but for a cell the page's reading (<paramref name="pageLines"/>) read surely and
    /// whole (see <see cref="TableGrid.ReadSurely"/>), with none of its ink (<paramref name="unreadInk"/>)
    /// left unread, which is taken as the page read it. A page without a closed grid has none, and
    /// a page that runs out of time keeps its whole-page reading.
    /// </summary>
    private static IReadOnlyList<CellReading> ReadCells(TesseractEngine engine, int page, Pix image, int dpi, PageRules rules, double pointsPerPixel,
        IReadOnlyList<LayoutLine> pageLines, IReadOnlyList<(int X, int Y, int W, int H)> unreadInk, out int readAgain, CancellationToken ct)
    {
        readAgain = 0;
        if (rules.Horizontal.Count < 2 || rules.Vertical.Count < 2) return [];
        var cells = TableGrid.Cells(
            rules.Horizontal.Select(r => new HorizontalRule(r.Y, r.X0, r.X1)).ToList(),
            rules.Vertical.Select(r => new VerticalRule(r.X, r.Y0, r.Y1)).ToList(),
            CornerToleranceInches * dpi);
        int inset = (int)Math.Ceiling(CellInsetInches * dpi);
        var result = new List<CellReading>();
        Pix? inkOnWhite = null;
        bool thresholded = false;
        try
        {
            double slack = CellInsetInches * dpi * pointsPerPixel;
            foreach (var c in cells)
            {
                int x = (int)c.X0 + inset, y = (int)c.Y0 + inset, w = (int)c.X1 - inset - x, h = (int)c.Y1 - inset - y;
                if (w < inset || h < inset) continue;
                var box = new BBox(c.X0 * pointsPerPixel, c.Y0 * pointsPerPixel, c.X1 * pointsPerPixel, c.Y1 * pointsPerPixel);
                if (!unreadInk.Any(k => c.Contains(k.X + k.W / 2.0, k.Y + k.H / 2.0))
                    && TableGrid.ReadSurely(box, pageLines, SureCellConfidence, slack) is { } sure)
                {
                    result.Add(sure);
                    continue;
                }
                if (!thresholded) (inkOnWhite, thresholded) = (InkOnWhite(engine, image, dpi), true);
                readAgain++;
                var run = engine.Recognize(inkOnWhite ?? image, dpi, BlockMode, ct, (x, y, w, h));
                // unsure at the page's threshold: the cell's own may suit it better (a photo's
                // unevenly lit figures: "58,3" read as "98,3" at 70, right at 91 on its own)
                if (inkOnWhite != null && Unsure(run)
                    && engine.Recognize(image, dpi, BlockMode, ct, (x, y, w, h)) is var own && own.MeanConfidence > run.MeanConfidence)
                    run = own;
                var lines = TsvLayout.Parse(run.Tsv, page, pointsPerPixel, image.Width * pointsPerPixel, image.Height * pointsPerPixel).Lines;
                result.Add(new CellReading(box, lines));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or OcrEngineFailure && !ct.IsCancellationRequested) { return []; }
        finally { inkOnWhite?.Dispose(); }
        return result;
    }

    /// <summary>
    /// The page as its cells are read: the ink, in its own grey, where the engine's threshold for
    /// the whole page puts it (see <see cref="TesseractEngine.Binarize"/>), on white. Left grey,
    /// each cell would be thresholded on its own, and its paper's noise read as letters; made
    /// bilevel, figures lose the grey edges the recogniser reads them by ("70" became "709").
    /// Null when the engine could not threshold the page.
    /// </summary>
    private static Pix? InkOnWhite(TesseractEngine engine, Pix image, int dpi)
    {
        using var ink = engine.Binarize(image, dpi);
        using var paper = ink == null ? null : Pix.Own(TesseractNative.pixInvert(IntPtr.Zero, ink.Raw));
        if (paper == null) return null;
        var page = Pix.Own(TesseractNative.pixConvertTo8(image.Raw, 0));
        if (page != null) TesseractNative.pixPaintThroughMask(page.Raw, paper.Raw, 0, 0, White);
        return page;
    }

    private const uint White = 255;

    public void Dispose()
    {
        _queue.CompleteAdding();
        lock (_startLock)
            foreach (var t in _threads ?? []) t.Join();
        _queue.Dispose();
    }
}
