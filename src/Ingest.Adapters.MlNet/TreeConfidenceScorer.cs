using Ingest.Core.Stages.Confidence;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace Ingest.Adapters.MlNet;

/// <summary>Boosted trees and their Platt calibrator: P(right) is the calibrated raw score.</summary>
public sealed class TreeConfidenceScorer : IConfidenceScorer
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<MlRows.Row, MlRows.Calibrated> _engine;

    internal TreeConfidenceScorer(MLContext ml, ITransformer trees, CalibratorTransformer<PlattCalibrator> calibrator)
        : this(ml, new TransformerChain<ITransformer>(trees, calibrator)) { }

    private TreeConfidenceScorer(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        _engine = ml.Model.CreatePredictionEngine<MlRows.Row, MlRows.Calibrated>(model, inputSchemaDefinition: MlRows.Schema());
    }

    // a prediction engine is not thread-safe; the trainer scores from one thread
    public double Probability(double[] features) => _engine.Predict(MlRows.Of(features)).Probability;

    /// <summary>Trees and calibrator as one ML.NET model zip.</summary>
    public void Save(string path)
    {
        using var s = File.Create(path);
        _ml.Model.Save(_model, MlRows.View(_ml, []).Schema, s);
    }

    public static TreeConfidenceScorer Load(string path)
    {
        var ml = new MLContext(seed: 0);
        using var s = File.OpenRead(path);
        return new TreeConfidenceScorer(ml, ml.Model.Load(s, out _));
    }
}
