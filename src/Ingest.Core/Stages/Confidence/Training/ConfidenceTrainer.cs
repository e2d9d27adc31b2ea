using System.Globalization;

namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>One extracted target with its features and whether the gold answers say it is right; Group is the plan it came from.</summary>
public sealed record LabelledTarget(string Group, double[] Features, bool Right)
{
    /// <summary>The document it came from, for reports by kind of input.</summary>
    public string Document { get; init; } = "";
}

/// <summary>A target's probability from a model fitted without its plan, and the threshold chosen without it.</summary>
public sealed record HeldOutScore(LabelledTarget Target, double Probability, double Threshold)
{
    public bool Flagged => Probability < Threshold;

    public static ReviewQuality Quality(IEnumerable<HeldOutScore> scores) => ReviewQuality.Of(scores.Select(s => (s.Target.Right, s.Flagged)));
}

/// <summary>Fits logistic-regression weights (an outside numerics library does the algebra).</summary>
public interface ILogisticFitter
{
    double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2);
}

/// <summary>Cross-validated review-queue quality: the share of wrong targets flagged, and of all targets flagged.</summary>
public sealed record ReviewQuality(int Targets, int Wrong, int Flagged, int WrongFlagged)
{
    /// <summary>The review queue's quality over targets labelled right or wrong and flagged or not.</summary>
    public static ReviewQuality Of(IEnumerable<(bool Right, bool Flagged)> targets)
    {
        int all = 0, wrong = 0, flagged = 0, wrongFlagged = 0;
        foreach (var (right, flag) in targets)
        {
            all++;
            if (!right) wrong++;
            if (flag) flagged++;
            if (!right && flag) wrongFlagged++;
        }
        return new ReviewQuality(all, wrong, flagged, wrongFlagged);
    }

    public double WrongFlaggedShare => Wrong == 0 ? 1 : WrongFlagged / (double)Wrong;

    public double FlaggedShare => Targets == 0 ? 0 : Flagged / (double)Targets;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WrongFlagged} of {Wrong} wrong flagged ({100 * WrongFlaggedShare:0.0}%), {Flagged} of {Targets} flagged ({100 * FlaggedShare:0.0}%)");
}

/// <summary>
/// Fits the confidence model and measures it honestly: the review threshold is the one that
/// flags the most wrong targets while flagging at most <see cref="MaxFlaggedShare"/> of all,
/// chosen on out-of-fold predictions; quality is measured by nested cross-validation across
/// plans (every format of a plan is held out together, threshold chosen without it).
/// </summary>
public sealed class ConfidenceTrainer(ILogisticFitter fitter, double l2 = 1.0, double maxFlaggedShare = 0.2)
{
    public double MaxFlaggedShare => maxFlaggedShare;

    public (ConfidenceModel Model, IReadOnlyList<HeldOutScore> HeldOut) Train(IReadOnlyList<LabelledTarget> data, string fitted)
    {
        var heldOut = new List<HeldOutScore>();
        foreach (var g in data.Select(d => d.Group).Distinct().Order(StringComparer.Ordinal))
        {
            var train = data.Where(d => d.Group != g).ToList();
            var model = Fit(train);
            double threshold = ChooseThreshold(OutOfFold(train));
            heldOut.AddRange(data.Where(d => d.Group == g).Select(t => new HeldOutScore(t, model.Probability(t.Features), threshold)));
        }
        var final = ConfidenceModel.FromVector(FitVector(data), ChooseThreshold(OutOfFold(data)), fitted);
        return (final, heldOut);
    }

    private double[] FitVector(IReadOnlyList<LabelledTarget> data) => fitter.Fit(data.Select(d => d.Features).ToList(), data.Select(d => d.Right).ToList(), l2);

    // the threshold of a model fitted for one fold is chosen separately; the model's own is unused
    private ConfidenceModel Fit(IReadOnlyList<LabelledTarget> data) => ConfidenceModel.FromVector(FitVector(data), 0.5, "");

    /// <summary>Each target's probability from a model fitted without its plan.</summary>
    private List<(double P, bool Right)> OutOfFold(IReadOnlyList<LabelledTarget> data)
    {
        var result = new List<(double, bool)>();
        foreach (var g in data.Select(d => d.Group).Distinct())
        {
            var model = Fit(data.Where(d => d.Group != g).ToList());
            result.AddRange(data.Where(d => d.Group == g).Select(d => (model.Probability(d.Features), d.Right)));
        }
        return result;
    }

    private double ChooseThreshold(IReadOnlyList<(double P, bool Right)> scored)
    {
        var candidates = scored.Select(s => s.P + 1e-9).Append(0.5).Distinct().Order().ToList();
        double best = 0, bestRecall = -1;
        foreach (var t in candidates)
        {
            var q = Quality(scored, t);
            if (q.FlaggedShare > maxFlaggedShare) break;
            if (q.WrongFlaggedShare > bestRecall) (best, bestRecall) = (t, q.WrongFlaggedShare);
        }
        return Math.Clamp(best, 1e-6, 1 - 1e-6);
    }

    private static ReviewQuality Quality(IReadOnlyList<(double P, bool Right)> scored, double threshold) =>
        ReviewQuality.Of(scored.Select(s => (s.Right, s.P < threshold)));
}
