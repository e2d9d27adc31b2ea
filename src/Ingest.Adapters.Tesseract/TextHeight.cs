namespace Ingest.Adapters.Tesseract;

/// <summary>
/// A page's resolution judged from the height of its letters, for an image that does not say its
/// own (a JPEG saved bare, a photo): the median height of the ink components of a letter's size
/// is 26–28 px on the samples' 300 dpi scans of 13–14 pt type (the size Vietnamese administrative
/// documents are set in), 19 px at 200 dpi and 14 px at 150 dpi.
/// </summary>
internal static class TextHeight
{
    /// <summary>The median letter height at <see cref="PreprocessOptions.TargetDpi"/>.</summary>
    public const double LetterHeightAt300Dpi = 27;

    private const int InkThreshold = 128;
    /// <summary>Components counted (pixels): taller than a speck or a dot, shorter than a picture; not a rule.</summary>
    private const int MinHeight = 6, MaxHeight = 200;
    /// <summary>Too few letters to judge by: a picture, a blank page.</summary>
    private const int MinLetters = 200;

    /// <summary>The estimated resolution, or null when the page holds too few letters to tell.</summary>
    public static int? EstimateDpi(Pix image)
    {
        using var grey = Pix.Own(TesseractNative.pixConvertTo8(image.Raw, 0));
        using var binary = grey == null ? null : Threshold.Darker(grey, InkThreshold);
        if (binary == null) return null;
        var heights = binary.ComponentBoxes().Where(b => b.H >= MinHeight && b.H <= MaxHeight && b.W >= 2 && b.W <= 3 * b.H).Select(b => b.H).ToList();
        if (heights.Count < MinLetters) return null;
        heights.Sort();
        return (int)Math.Round(PreprocessOptions.TargetDpi * heights[heights.Count / 2] / LetterHeightAt300Dpi);
    }
}
