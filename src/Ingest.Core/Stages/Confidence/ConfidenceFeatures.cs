using Ingest.Core.Model;
using Ingest.Core.Stages.Matching;

namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// What the confidence model sees of a target: how its value was found, how well its indicator
/// matched the catalogue, whether a deadline was found, what OCR and repair did to its line and
/// document, and a few shape cues. Names are part of the model file: add, never rename.
/// </summary>
public static class ConfidenceFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "bias", "evidence.table", "evidence.unitFirst", "catalogue.score", "catalogue.none", "deadline.none",
        "indicator.short", "indicator.logLength", "indicator.followsValue", "ocr.used", "ocr.lowConfidence",
        "line.repaired", "document.repairedShare", "kind.baseline", "comparator.plain", "value.range", "value.percentOver100",
        "qualifier", "indicator.hasDigits", "unit.count",
    ];

    public static double[] Of(MatchedCandidate m, RepairSummary repair)
    {
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
            c.OcrConfidence != null ? 1 : 0,
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
        ];
    }
}
