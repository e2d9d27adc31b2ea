namespace Ingest.Core.Model;

/// <summary>
/// One physical line as the loader read it: where it is (page, 1-based line within the page, box)
/// and, for OCR, how sure the engine was: the line's mean and each word's confidence (0–100,
/// aligned with the space-separated words of <see cref="Text"/>). After the Repair stage, Text is
/// the repaired line and <see cref="ReadText"/> keeps what was read when repair changed it.
/// </summary>
public sealed record SourceLine(int Page, int LineNumber, string Text, BBox? Box = null, double? OcrConfidence = null,
    IReadOnlyList<double>? WordConfidences = null, string? ReadText = null)
{
    /// <summary>The confidence of the word at a character offset of <see cref="Text"/>, else the line's.</summary>
    public double? ConfidenceAt(int offset)
    {
        if (WordConfidences == null) return OcrConfidence;
        int word = 0;
        for (int i = 0; i < Math.Min(offset, Text.Length); i++)
            if (Text[i] == ' ' && i + 1 < Text.Length && Text[i + 1] != ' ') word++;
        return word < WordConfidences.Count ? WordConfidences[word] : OcrConfidence;
    }
}
