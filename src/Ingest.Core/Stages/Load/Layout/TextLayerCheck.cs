using Ingest.Core.Text;

namespace Ingest.Core.Stages.Load.Layout;

public enum TextLayerVerdict { Real, Empty, Garbage }

/// <summary>What the check thinks of one page's text layer, and why.</summary>
public sealed record TextLayerAssessment(int Page, TextLayerVerdict Verdict, string Reason)
{
    public bool NeedsOcr => Verdict != TextLayerVerdict.Real;
}

/// <summary>
/// Decides, page by page, whether a PDF's text layer can be trusted or the page must be OCR'd:
/// none at all (a scan), glyphs without Unicode (replacement or private-use characters), words
/// that are not shaped like Vietnamese (a broken font encoding), or the very text of another page
/// (a text layer pasted onto every page).
/// </summary>
public sealed class TextLayerCheck(SyllableShape shape)
{
    private const int MinWords = 3;
    private const double MaxBadGlyphShare = 0.02;
    private const double MinSyllableShare = 0.5;
    private const int MinLettersForVerdict = 40;
    private const int MinDuplicateLength = 200;

    public IReadOnlyList<TextLayerAssessment> Assess(IReadOnlyList<LayoutPage> pages)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<TextLayerAssessment>(pages.Count);
        foreach (var page in pages)
        {
            var text = string.Join("\n", page.Lines.Select(l => l.Text));
            var verdict = AssessText(page.Number, text);
            if (verdict.Verdict == TextLayerVerdict.Real)
            {
                var key = string.Concat(text.Where(char.IsLetterOrDigit));
                if (key.Length >= MinDuplicateLength && seen.TryGetValue(key, out var first))
                    verdict = new TextLayerAssessment(page.Number, TextLayerVerdict.Garbage, $"text layer repeats page {first}");
                else seen.TryAdd(key, page.Number);
            }
            result.Add(verdict);
        }
        return result;
    }

    public TextLayerAssessment AssessText(int page, string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < MinWords) return new(page, TextLayerVerdict.Empty, "no text layer");
        int chars = 0, bad = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            chars++;
            if (c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF' || char.IsControl(c)) bad++;
        }
        if (bad > MaxBadGlyphShare * chars) return new(page, TextLayerVerdict.Garbage, $"text layer has {bad} glyphs without Unicode");
        var letters = words.Select(w => w.Trim(Punctuation)).Where(w => w.Length > 0 && !w.Any(char.IsDigit)).ToList();
        if (letters.Sum(w => w.Length) < MinLettersForVerdict) return new(page, TextLayerVerdict.Real, "short text layer");
        double share = letters.Count(shape.IsSyllable) / (double)letters.Count;
        return share < MinSyllableShare
            ? new(page, TextLayerVerdict.Garbage, $"text layer is not Vietnamese ({share:P0} of words are syllables)")
            : new(page, TextLayerVerdict.Real, "text layer");
    }

    private static readonly char[] Punctuation = ".,;:!?()[]{}\"'“”‘’«»-–—…/%*+=<>".ToCharArray();
}
