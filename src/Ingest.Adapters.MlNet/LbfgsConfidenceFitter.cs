using System.Globalization;
using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Confidence.Training;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Ingest.Adapters.MlNet;

/// <summary>
/// Logistic regression by ML.NET's L-BFGS trainer (L2 only, one thread so that fits are
/// repeatable and the other core stays free). The result is plain named weights, a
/// <see cref="ConfidenceModel"/>: scoring needs no ML.NET.
/// </summary>
public sealed class LbfgsConfidenceFitter(double l2 = 1.0) : IConfidenceFitter<ConfidenceModel>
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"logistic regression (ML.NET L-BFGS, L2 {l2})");

    public ConfidenceModel Fit(IReadOnlyList<LabelledTarget> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("no training rows");
        var ml = new MLContext(seed: 0);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = (float)l2,
            OptimizationTolerance = 1e-7f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1,
        });
        var linear = trainer.Fit(MlRows.View(ml, rows)).Model.SubModel;
        var weights = new double[ConfidenceFeatures.Names.Count];
        weights[0] = linear.Bias;
        var w = linear.Weights;
        for (int i = 0; i < w.Count; i++) weights[i + 1] = w[i];
        return ConfidenceModel.FromVector(weights, 0.5, "");
    }
}
