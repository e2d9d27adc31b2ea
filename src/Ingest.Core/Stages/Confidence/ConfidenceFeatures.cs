using Ingest.Core.Model;
using Ingest.Core.Stages.Matching;

namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// What the confidence model sees of a target: how its value was found, how well its indicator
/// matched the catalogue (and how near the runner-up, or a rejected code, came), whether a
/// deadline was found and how far from the value its cue was, what OCR and repair did to its
/// line and document, how many other targets its line gave, and a few shape cues. Names are
/// part of the model file: add, never rename. "ocr.used" was dropped (a model file that has it
/// is refused): the scans in the training data are of clean plans, so it learnt to trust a value
/// more for having been OCR'd; OCR counts only through the confidence of the value's word.
/// </summary>
public static class ConfidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "bias", "evidence.table", "evidence.unitFirst", "catalogue.score", "catalogue.none", "deadline.none",
        "indicator.short", "indicator.logLength", "indicator.followsValue", "ocr.lowConfidence",
        "line.repaired", "document.repairedShare", "kind.baseline", "comparator.plain", "value.range", "value.percentOver100",
        "qualifier", "indicator.hasDigits", "unit.count",
        "catalogue.nearestRejected", "catalogue.margin", "deadline.fromDocument", "deadline.nearValue", "line.otherTargets",
    ];

    /// <summary>The features of one target of a document.</summary>
    public static double[] Of(MatchedCandidate m, DocumentFacts document)
    {
        var repair = document.Repair;
        int lineTargets = document.TargetsPerLine.GetValueOrDefault((m.Candidate.Source.Page, m.Candidate.Source.Line), 1);
        var c = m.Candidate;
        double ocr = c.OcrConfidence is { } o ? Math.Clamp(o / 100.0, 0, 1) : 1;
        return
        [
            1,
            c.Evidence == ValueEvidence.TableCell ? 1 : 0,
            c.Evidence == ValueEvidence.UnitFirst ? 1 : 0,
            m.Match?.Score ?? 0,
            m.Match == null ? 1 : 0,
            c.Year == null && !c.Annual ? 1 : 0,
            c.Indicator.Length < 8 ? 1 : 0,
            Math.Log(1 + c.Indicator.Length) / 5,
            c.IndicatorFollowsValue ? 1 : 0,
            1 - ocr,
            c.Source.Repaired != null ? 1 : 0,
            repair.Words > 0 ? Math.Min(1, repair.ChangedTokens / (double)repair.Words) : 0,
            c.Kind == TargetKind.Baseline ? 1 : 0,
            c.Comparator == "=" ? 1 : 0,
            c.ValueMax != null ? 1 : 0,
            c.Unit == "%" && c.Value > 100 ? 1 : 0,
            c.Qualifier != null ? 1 : 0,
            c.Indicator.Any(char.IsDigit) ? 1 : 0,
            c.Unit is not ("%" or "rank") ? 1 : 0,
            m.Match == null ? m.Scores.Best : 0,
            m.Match != null ? m.Match.Score - m.Scores.RunnerUp : 0,
            CueLevel(c.YearCue) is "document" ? 1 : 0,
            CueLevel(c.YearCue) is "value" or "sentence" ? 1 : 0,
            Math.Min(1, Math.Max(0, lineTargets - 1) / 4.0),
        ];
    }

    /// <summary>The scope level a cue was found at: "section" of "section: Đến năm 2030".</summary>
    private static string? CueLevel(string? cue) => cue?.Split(':', 2)[0];

}

/// <summary>
/// What the confidence features need of the document around a target: its repair, and how many
/// targets each line gave (a line stating several values is where indicators and deadlines get
/// attached to the wrong value). Whether the document has a plan's header, or few targets, was
/// tried and cross-validated worse: it tells the news excerpts of the training data apart.
/// </summary>
public sealed record DocumentFacts(RepairSummary Repair, IReadOnlyDictionary<(int Page, int Line), int> TargetsPerLine)
{
    public static DocumentFacts Of(StructuredDocument document, IEnumerable<TargetCandidate> targets) => new(
        document.Repair,
        targets.GroupBy(c => (c.Source.Page, c.Source.Line)).ToDictionary(g => g.Key, g => g.Count()));
}
