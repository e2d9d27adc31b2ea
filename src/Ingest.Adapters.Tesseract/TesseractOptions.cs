namespace Ingest.Adapters.Tesseract;

/// <summary>One way of reading a page: a page-segmentation mode and a scale of the image.</summary>
public sealed record OcrAttempt(int PageSegMode, float Scale)
{
    public override string ToString() => Scale == 1f ? $"psm {PageSegMode}" : $"psm {PageSegMode} ×{Scale:0.#}";
}

/// <summary>
/// How the OCR workers run. <see cref="Attempts"/> are tried in order when a page fails, times out
/// or reads with a mean confidence under <see cref="LowConfidence"/>: automatic layout first (as the
/// command line does), then one uniform block (tables and odd layouts), then automatic layout on a
/// larger image (small print).
/// </summary>
/// <param name="PreparedPagesDir">
/// Where each page is also saved as prepared for recognition (PNG), to see what the engine was
/// given, or to time another reader on the same pages (bench/ocr-robust.sh); none when null.
/// </param>
public sealed record TesseractOptions(
    string Tessdata,
    string Language,
    int Workers,
    TimeSpan PageTimeout,
    double LowConfidence,
    IReadOnlyList<OcrAttempt> Attempts,
    PreprocessOptions Preprocess,
    double LostTextLimit = TesseractOptions.DefaultLostTextLimit,
    string? PreparedPagesDir = null)
{
    /// <summary>
    /// The share of a page's text-sized ink that may give no words before the page is read again
    /// (see LostText); chosen from the degraded samples (bench/ocr-robust.sh).
    /// </summary>
    public const double DefaultLostTextLimit = 0.2;

    /// <summary>The traineddata shipped beside the program (copied from the repository's tessdata/).</summary>
    public static string BundledTessdata => Path.Combine(AppContext.BaseDirectory, "tessdata");

    public static TesseractOptions Default(int workers) => new(
        BundledTessdata, "vie", Math.Max(1, workers), TimeSpan.FromSeconds(60), 40,
        [new OcrAttempt(3, 1f), new OcrAttempt(6, 1f), new OcrAttempt(3, 1.5f)],
        PreprocessOptions.Default);
}
