namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// The kind of input a labelled document is, for the cross-validation report: the review queue
/// has to work on every kind, not only on the clean ones most rows come from.
/// </summary>
public static class InputKind
{
    public const string Txt = "txt", OldOcr = "old-OCR txt", Stripped = "stripped", EngOcr = "eng-OCR",
        LowDpiOcr = "low-dpi OCR", Docx = "docx", Pdf = "pdf", Scan = "scan";

    private static readonly string[] ImageExtensions = [".tif", ".tiff", ".png", ".jpg", ".jpeg"];

    /// <summary>
    /// By name and place: variants the trainer makes are "stripped"; eng-OCR text is a
    /// `NAME.eng-ocr.txt` or a text in an `engocr` folder (dev/engocr); `NAME.low-dpi.txt` is the
    /// Vietnamese OCR of a poor render; `.scan.pdf` and images are scans. A text repair found
    /// damaged (<paramref name="damagedText"/>) and not named as one of those is old OCR.
    /// </summary>
    public static string Of(string path, bool stripped, bool damagedText)
    {
        if (stripped) return Stripped;
        var name = Path.GetFileName(path).ToLowerInvariant();
        var folder = Path.GetFileName(Path.GetDirectoryName(path) ?? "");
        if (name.EndsWith(".eng-ocr.txt", StringComparison.Ordinal) || (name.EndsWith(".txt", StringComparison.Ordinal) && folder == "engocr")) return EngOcr;
        if (name.EndsWith(".low-dpi.txt", StringComparison.Ordinal)) return LowDpiOcr;
        if (name.EndsWith(".scan.pdf", StringComparison.Ordinal) || ImageExtensions.Any(e => name.EndsWith(e, StringComparison.Ordinal))) return Scan;
        if (name.EndsWith(".pdf", StringComparison.Ordinal)) return Pdf;
        if (name.EndsWith(".docx", StringComparison.Ordinal)) return Docx;
        return damagedText ? OldOcr : Txt;
    }
}
