namespace Ingest.Core.Model;

/// <summary>
/// One physical line as the loader read it: where it is (page, 1-based line within the page, box)
/// and, for OCR, how sure the engine was: the line's mean and each word's confidence (0–100,
/// aligned with the space-separated words of <see cref="Text"/>). After the Repair stage, Text is
/// the repaired line and <see cref="ReadText"/> keeps what was read when repair changed it.
/// <see cref="WordBoxes"/>, aligned the same way, place each word on the page (text layer or OCR),
/// so that a reviewer can be shown the very word a value was read from.
/// </summary>
public sealed record SourceLine(int Page, int LineNumber, string Text, BBox? Box = null, double? OcrConfidence = null,
    IReadOnlyList<double>? WordConfidences = null, string? ReadText = null, IReadOnlyList<BBox>? WordBoxes = null)
{
    /// <summary>The confidence of the word at a character offset of <see cref="Text"/>, else the line's.</summary>
    public double? ConfidenceAt(int offset)
    {
        if (WordConfidences == null) return OcrConfidence;
        int word = WordAt(offset);
        return word < WordConfidences.Count ? WordConfidences[word] : OcrConfidence;
    }

    /// <summary>The box of the word at a character offset of <see cref="Text"/>, null when words have no boxes.</summary>
    public BBox? WordBoxAt(int offset) =>
        WordBoxes is { } boxes && WordAt(offset) is var word && word < boxes.Count ? boxes[word] : null;

    private int WordAt(int offset)
    {
        int word = 0;
        for (int i = 0; i < Math.Min(offset, Text.Length); i++)
            if (Text[i] == ' ' && i + 1 < Text.Length && Text[i + 1] != ' ') word++;
        return word;
    }
}
