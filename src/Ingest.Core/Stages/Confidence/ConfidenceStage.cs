using Ingest.Core.Model;
using Ingest.Core.Stages.Matching;

namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// Estimates how likely each target tuple is right from how it was found: the shape of the value,
/// the catalogue score, whether a deadline was found, and the OCR confidence of its words.
/// The factors are set by hand for now; a fitted model can replace <see cref="Score"/>.
/// </summary>
public sealed class ConfidenceStage(ConfidenceOptions options)
{
    public IReadOnlyList<Target> Run(IReadOnlyList<MatchedCandidate> matched) =>
        matched.Select(m =>
        {
            var conf = Math.Round(Score(m), 3);
            bool review = m.Candidate.Value == null || conf < options.ReviewThreshold;
            return new Target(m.Candidate, m.Match, conf, review);
        }).ToList();

    public static double Score(MatchedCandidate m)
    {
        var c = m.Candidate;
        if (c.Value == null || c.Evidence == ValueEvidence.Unreadable) return 0;
        double p = c.Evidence switch
        {
            ValueEvidence.TableCell => 0.92,
            ValueEvidence.Inline => 0.9,
            ValueEvidence.UnitFirst => 0.8,
            _ => 0.5,
        };
        p *= m.Match == null ? 0.6 : 0.55 + 0.45 * Math.Min(1, m.Match.Score / 0.6);
        if (c.Year == null && !c.Annual) p *= 0.8;
        if (c.Indicator.Length < 8) p *= 0.8;
        if (c.OcrConfidence is { } ocr) p *= Math.Sqrt(Math.Clamp(ocr / 100.0, 0, 1));
        return Math.Clamp(p, 0, 1);
    }
}
