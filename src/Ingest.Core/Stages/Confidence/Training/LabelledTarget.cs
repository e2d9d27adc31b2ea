using System.Globalization;

namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// One extracted target with its features and whether the gold answers say it is right. Plan is
/// the document it belongs to whatever its format (the gold file's name): cross-validation holds
/// out a plan with all its formats. FlaggedByRule: flagged whatever the model says (a value OCR
/// was unsure of), so it is in the review queue in any case.
/// </summary>
public sealed record LabelledTarget(string Plan, double[] Features, bool Right)
{
    /// <summary>The file (or variant) it came from.</summary>
    public string Document { get; init; } = "";

    /// <summary>The kind of input (<see cref="InputKind"/>), for reports by kind.</summary>
    public string Kind { get; init; } = "";

    public bool FlaggedByRule { get; init; }
}

/// <summary>A target's probability from a model fitted without its plan, and the threshold chosen without it.</summary>
public sealed record HeldOutScore(LabelledTarget Target, double Probability, double Threshold)
{
    public bool Flagged => Target.FlaggedByRule || Probability < Threshold;

    public static ReviewQuality Quality(IEnumerable<HeldOutScore> scores) => ReviewQuality.Of(scores.Select(s => (s.Target.Right, s.Flagged)));
}

/// <summary>Review-queue quality: the share of wrong targets flagged, and of all targets flagged.</summary>
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

    /// <summary>The bar a review queue is held to: most wrong targets in it, without burying the reviewer.</summary>
    public bool Meets(double minWrongFlagged, double maxFlagged) => WrongFlaggedShare >= minWrongFlagged && FlaggedShare <= maxFlagged;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{WrongFlagged} of {Wrong} wrong flagged ({100 * WrongFlaggedShare:0.0}%), {Flagged} of {Targets} flagged ({100 * FlaggedShare:0.0}%)");
}
