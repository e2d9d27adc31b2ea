namespace Ingest.Core.Model;

/// <summary>
/// A logical paragraph: hard-wrapped lines joined back, with a map from character offsets to the
/// physical lines, so that a value found at offset k can name its page, line and source text.
/// </summary>
public sealed record Paragraph(string Text, IReadOnlyList<LineSpan> Spans, Section? Section, TextRole Role)
{
    public SourceLine LineAt(int offset)
    {
        foreach (var s in Spans)
            if (offset < s.Start + s.Length) return s.Line;
        return Spans[^1].Line;
    }

    /// <summary>Where the text at this offset came from, with the box of the word there (a value's word).</summary>
    public Provenance SourceAt(int offset)
    {
        foreach (var s in Spans)
            if (offset < s.Start + s.Length || s == Spans[^1])
                return Provenance.Of(s.Line) with { ValueBox = s.Line.WordBoxAt(Math.Max(0, offset - s.Start)) };
        return Provenance.Of(LineAt(offset));
    }

    /// <summary>
    /// How sure OCR was of what was read at this offset: the weaker of the word there (a misread
    /// digit is one word) and its line. Null for text that was not OCR'd.
    /// </summary>
    public double? OcrConfidenceAt(int offset)
    {
        foreach (var s in Spans)
            if (offset < s.Start + s.Length || s == Spans[^1])
            {
                var word = s.Line.ConfidenceAt(Math.Max(0, offset - s.Start));
                var line = s.Line.OcrConfidence;
                return word is { } w && line is { } l ? Math.Min(w, l) : word ?? line;
            }
        return null;
    }
}

/// <summary>Where one physical line sits inside a paragraph's text.</summary>
public sealed record LineSpan(int Start, int Length, SourceLine Line);
