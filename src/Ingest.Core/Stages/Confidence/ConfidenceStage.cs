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
    public IReadOnlyList<Target> Run(IReadOnlyList<MatchedCandidate> matched, StructuredDocument document)
    {
        var facts = DocumentFacts.Of(document, matched.Select(m => m.Candidate));
        return matched.Select(m =>
        {
            var features = ConfidenceFeatures.Of(m, facts);
            var conf = Unreadable(m.Candidate) ? 0 : Math.Round(options.Model.Probability(features), 3);
            bool review = FlaggedWhateverTheModelSays(m.Candidate, options) || conf < options.ReviewThreshold;
            return new Target(m.Candidate, m.Match, conf, review) { CatalogueScores = m.Scores };
        }).ToList();
    }

    /// <summary>A target flagged by rule: no value, or one that could not be read, or one OCR was unsure of. Training counts these in the review queue too.</summary>
    public static bool FlaggedWhateverTheModelSays(TargetCandidate c, ConfidenceOptions options) =>
        Unreadable(c) || c.OcrConfidence < options.MinOcrConfidence;

    private static bool Unreadable(TargetCandidate c) => c.Value == null || c.Evidence == ValueEvidence.Unreadable;
}
