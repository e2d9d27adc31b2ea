using Ingest.Core.Model;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>A line of words in reading order.</summary>
public sealed record LayoutLine(IReadOnlyList<LayoutWord> Words, BBox Box)
{
    public string Text => string.Join(" ", Words.Select(w => w.Text));

    /// <summary>A line of these words (one at least), boxed round them all.</summary>
    public static LayoutLine Of(IReadOnlyList<LayoutWord> words) => new(words, BoxOf(words));

    /// <summary>The box round all the words (one at least).</summary>
    public static BBox BoxOf(IReadOnlyList<LayoutWord> words) => words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box));

    /// <summary>A line of the document model from these words, with their OCR confidences when they have them.</summary>
    public static SourceLine ToSourceLine(int page, int number, IReadOnlyList<LayoutWord> words, BBox box)
    {
        var text = string.Join(" ", words.Select(w => w.Text));
        bool ocr = words.All(w => w.Confidence.HasValue);
        return new SourceLine(page, number, text, box, MeanConfidence(words), ocr ? words.Select(w => w.Confidence!.Value).ToList() : null,
            WordBoxes: words.Select(w => w.Box).ToList());
    }

    /// <summary>Mean OCR confidence of the words, or null for a text layer.</summary>
    private static double? MeanConfidence(IEnumerable<LayoutWord> words)
    {
        var known = words.Where(w => w.Confidence.HasValue).Select(w => w.Confidence!.Value).ToList();
        return known.Count == 0 ? null : Math.Round(known.Average(), 1);
    }
}
