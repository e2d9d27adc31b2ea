using Ingest.Core.Model;
using Ingest.Core.Stages.Matching;

namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// Estimates how likely each target tuple is right with the fitted <see cref="ConfidenceModel"/>
/// and flags for review those below the threshold, every target whose value could not be read,
/// and every value OCR was unsure of.
/// </summary>
public sealed class ConfidenceStage(ConfidenceOptions options)
{
    public IReadOnlyList<Target> Run(IReadOnlyList<MatchedCandidate> matched, RepairSummary repair) =>
        matched.Select(m =>
        {
            var conf = m.Candidate.Value == null || m.Candidate.Evidence == ValueEvidence.Unreadable
                ? 0
                : Math.Round(options.Model.Probability(ConfidenceFeatures.Of(m, repair)), 3);
            bool review = m.Candidate.Value == null || conf < options.ReviewThreshold || m.Candidate.OcrConfidence < options.MinOcrConfidence;
            return new Target(m.Candidate, m.Match, conf, review);
        }).ToList();
}
