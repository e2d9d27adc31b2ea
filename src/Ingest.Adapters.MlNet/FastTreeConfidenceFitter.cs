using System.Globalization;
using Ingest.Core.Stages.Confidence.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Ingest.Adapters.MlNet;

/// <summary>
/// Boosted trees (ML.NET FastTree, one thread) with a Platt calibrator fitted on held-out rows:
/// FastTree's own calibration is a fixed sigmoid of the raw score, which is no probability, and
/// scores from trees that saw a row are too sure of it. So the raw scores of each row come from
/// trees fitted without its plan (<c>calibrationFolds</c> folds of whole plans), the calibrator
/// is fitted on those, and the trees on all rows.
/// </summary>
public sealed class FastTreeConfidenceFitter(int trees = 100, int leaves = 8, int minLeafRows = 10, double learningRate = 0.1, int calibrationFolds = 3)
    : IConfidenceFitter<TreeConfidenceScorer>
{
    public string Name => string.Create(CultureInfo.InvariantCulture,
        $"boosted trees (ML.NET FastTree, {trees} trees of {leaves} leaves, ≥ {minLeafRows} rows a leaf, rate {learningRate}; Platt calibrator on {calibrationFolds} held-out folds of plans)");

    public TreeConfidenceScorer Fit(IReadOnlyList<LabelledTarget> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("no training rows");
        var ml = new MLContext(seed: 0);
        var heldOut = new List<MlRows.ScoredRow>();
        foreach (var fold in PlanFolds.Split(rows.Select(r => r.Plan).ToList(), calibrationFolds))
        {
            var trained = Trees(ml, fold.Train.Select(i => rows[i]));
            var engine = ml.Model.CreatePredictionEngine<MlRows.Row, MlRows.Scored>(trained, inputSchemaDefinition: MlRows.Schema());
            heldOut.AddRange(fold.Test.Select(i => new MlRows.ScoredRow { Label = rows[i].Right, Score = engine.Predict(MlRows.Of(rows[i])).Score }));
        }
        var calibrator = ml.BinaryClassification.Calibrators.Platt().Fit(ml.Data.LoadFromEnumerable(heldOut));
        return new TreeConfidenceScorer(ml, Trees(ml, rows), calibrator);
    }

    private ITransformer Trees(MLContext ml, IEnumerable<LabelledTarget> rows) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees,
            NumberOfLeaves = leaves,
            MinimumExampleCountPerLeaf = minLeafRows,
            LearningRate = learningRate,
            NumberOfThreads = 1,
        }).Fit(MlRows.View(ml, rows));
}
