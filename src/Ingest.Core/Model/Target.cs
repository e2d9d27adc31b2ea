namespace Ingest.Core.Model;

public enum TargetKind { Target, Baseline }

/// <summary>
/// Where a target came from, for a reviewer: page, line, the text as read and as repaired, and on a
/// PDF page or an image the line's box and its value's word's box (page points, y down).
/// </summary>
public sealed record Provenance(int Page, int Line, string Text, string? Repaired = null, BBox? Box = null, BBox? ValueBox = null)
{
    /// <summary>Where a line came from: its text as read, and the repaired text when repair changed it.</summary>
    public static Provenance Of(SourceLine line) =>
        new(line.Page, line.LineNumber, line.ReadText ?? line.Text, line.ReadText != null ? line.Text : null, line.Box);
}

/// <summary>How the value was found; confidence and review depend on it.</summary>
public enum ValueEvidence { Inline, TableCell, UnitFirst, Unreadable }

/// <summary>A target as the Extract stage found it, before catalogue matching.</summary>
public sealed record TargetCandidate(
    string Indicator,
    string MatchText,
    double? Value,
    double? ValueMax,
    string Unit,
    string Comparator,
    int? Year,
    bool Annual,
    TargetKind Kind,
    string? Qualifier,
    string Section,
    Provenance Source,
    ValueEvidence Evidence,
    double? OcrConfidence = null,
    bool IndicatorFollowsValue = false)
{
    /// <summary>The cue that gave the deadline ("sentence: đến năm 2030"), null when none did.</summary>
    public string? YearCue { get; init; }

    /// <summary>For a recurring target, the year of the deadline block around it, and the cue that gave it.</summary>
    public int? SeriesYear { get; init; }
    public string? SeriesYearCue { get; init; }

    /// <summary>The cue that gave the kind ("section: Kết quả đạt được"), null when none did (a target by default).</summary>
    public string? KindCue { get; init; }

    /// <summary>
    /// For a figure after the first of its sentence, the words before that first figure, which a
    /// list of figures shares: "Hạ tầng cáp quang phủ tới" of "… phủ tới 80% hộ gia đình và 100% xã".
    /// Null for the first figure and in tables.
    /// </summary>
    public string? ListHead { get; init; }
}

/// <summary>A catalogue code with its match score in 0..1.</summary>
public sealed record CatalogueMatch(string Code, double Score);

/// <summary>
/// The two best catalogue scores of an indicator, whether or not the best was good enough to
/// take: how near a rejected code came, and how clearly a chosen one won (for confidence).
/// </summary>
public sealed record CatalogueScores(double Best, double RunnerUp)
{
    public static readonly CatalogueScores None = new(0, 0);

    public static CatalogueScores Of(IReadOnlyList<CatalogueMatch> ranked) =>
        new(ranked.Count > 0 ? ranked[0].Score : 0, ranked.Count > 1 ? ranked[1].Score : 0);
}

/// <summary>A target after matching and confidence: what the JSON carries.</summary>
public sealed record Target(TargetCandidate Candidate, CatalogueMatch? Catalogue, double Confidence, bool NeedsReview)
{
    /// <summary>Names the target within its document so that a review decision finds it again on a re-run.</summary>
    public string Key { get; init; } = "";

    /// <summary>What the catalogue matcher ranked (not written out; confidence training reads it).</summary>
    public CatalogueScores CatalogueScores { get; init; } = CatalogueScores.None;
}

/// <summary>Everything the pipeline produced for one document.</summary>
public sealed record ExtractionResult(StructuredDocument Document, IReadOnlyList<Target> Targets, IReadOnlyList<Diagnostic> Diagnostics);
