using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Stages.Matching;
using Ingest.Core.Validation;

namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// Labels a document's extracted targets right or wrong by its gold answers (the scorer's strict
/// match). Targets without a value are left out: they are always flagged, and never scored.
/// </summary>
public static class GoldLabeller
{
    public static IReadOnlyList<LabelledTarget> Label(ExtractionResult result, IReadOnlyList<GoldTarget> gold, string plan, ConfidenceOptions options)
    {
        var doc = ContractReader.From(result, result.Document.Source.Path);
        var right = GoldAnswers.Compare(gold, doc.Targets).Pairs.Where(p => p.Strict).Select(p => p.Predicted.Key).ToHashSet(StringComparer.Ordinal);
        // over every target, as the confidence stage counts them
        var facts = DocumentFacts.Of(result.Document, result.Targets.Select(t => t.Candidate));
        return result.Targets
            .Where(t => t.Candidate.Value != null)
            .Select(t => new LabelledTarget(plan,
                ConfidenceFeatures.Of(new MatchedCandidate(t.Candidate, t.Catalogue) { Scores = t.CatalogueScores }, facts),
                right.Contains(t.Key))
            {
                FlaggedByRule = ConfidenceStage.FlaggedWhateverTheModelSays(t.Candidate, options),
            })
            .ToList();
    }
}
