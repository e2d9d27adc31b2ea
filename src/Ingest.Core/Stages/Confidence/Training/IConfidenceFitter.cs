namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// Fits a confidence model on labelled targets (an outside machine-learning library does the
/// fitting). The rows carry their plans, so a fitter that holds rows out (to calibrate) can
/// hold out whole plans.
/// </summary>
public interface IConfidenceFitter<out TScorer> where TScorer : IConfidenceScorer
{
    /// <summary>What is fitted, for reports ("logistic regression (L-BFGS, L2 1)").</summary>
    string Name { get; }

    TScorer Fit(IReadOnlyList<LabelledTarget> rows);
}
