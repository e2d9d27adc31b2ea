namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// Fits a confidence model and measures it honestly. The review threshold is the one that flags
/// the most wrong targets while flagging at most <c>maxFlaggedShare</c> of all, chosen on
/// out-of-fold probabilities (<c>thresholdFolds</c> folds of whole plans). Quality is measured
/// by nested cross-validation: each plan is held out with all its formats, and both the model
/// and its threshold come from the other plans.
/// </summary>
public sealed class ConfidenceTrainer<TScorer>(IConfidenceFitter<TScorer> fitter, double maxFlaggedShare = 0.2, int thresholdFolds = 5)
    where TScorer : IConfidenceScorer
{
    public string Name => fitter.Name;

    /// <summary>Every row scored by a model fitted without its plan, with a threshold chosen without it (rows in input order).</summary>
    public IReadOnlyList<HeldOutScore> CrossValidate(IReadOnlyList<LabelledTarget> data)
    {
        var scores = new HeldOutScore[data.Count];
        foreach (var fold in PlanFolds.Split(data.Select(d => d.Plan).ToList()))
        {
            var (scorer, threshold) = Fit(fold.Train.Select(i => data[i]).ToList());
            foreach (var i in fold.Test) scores[i] = new HeldOutScore(data[i], scorer.Probability(data[i].Features), threshold);
        }
        return scores;
    }

    /// <summary>The model fitted on all rows, and its review threshold.</summary>
    public (TScorer Scorer, double Threshold) Fit(IReadOnlyList<LabelledTarget> data) =>
        (fitter.Fit(data), ChooseThreshold(OutOfFold(data)));

    /// <summary>Each row's probability from a model fitted without its plan's fold.</summary>
    private List<(double P, LabelledTarget Row)> OutOfFold(IReadOnlyList<LabelledTarget> data)
    {
        var result = new List<(double, LabelledTarget)>();
        foreach (var fold in PlanFolds.Split(data.Select(d => d.Plan).ToList(), thresholdFolds))
        {
            var scorer = fitter.Fit(fold.Train.Select(i => data[i]).ToList());
            result.AddRange(fold.Test.Select(i => (scorer.Probability(data[i].Features), data[i])));
        }
        return result;
    }

    private double ChooseThreshold(IReadOnlyList<(double P, LabelledTarget Row)> scored)
    {
        var candidates = scored.Select(s => s.P + 1e-9).Append(0.5).Distinct().Order().ToList();
        double best = 0, bestRecall = -1;
        foreach (var t in candidates)
        {
            var q = ReviewQuality.Of(scored.Select(s => (s.Row.Right, s.Row.FlaggedByRule || s.P < t)));
            if (q.FlaggedShare > maxFlaggedShare) break;
            if (q.WrongFlaggedShare > bestRecall) (best, bestRecall) = (t, q.WrongFlaggedShare);
        }
        return Math.Clamp(best, 1e-6, 1 - 1e-6);
    }
}
