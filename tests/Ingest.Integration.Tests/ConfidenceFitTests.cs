using Ingest.Adapters.MlNet;
using Ingest.Cli.Commands;
using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Confidence.Training;
using Ingest.Core.Validation;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>
/// The ML.NET fitters on data made for them (known weights, separable classes, an interaction
/// only trees can learn), and the shipped model: it is what the documented fit gives on the
/// labelled rows committed beside it, it meets the review bar in nested cross-validation, and the
/// pipeline scores a document with the very features training saw.
/// </summary>
public class ConfidenceFitTests
{
    private static readonly int Width = ConfidenceFeatures.Names.Count;

    /// <summary>Rows with features uniform in [-1, 1] (the first is the constant bias) over <paramref name="plans"/> plans, labelled by <paramref name="right"/>.</summary>
    private static List<LabelledTarget> Rows(int n, int seed, Func<double[], Random, bool> right, int plans = 10)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(i =>
        {
            var x = new double[Width];
            x[0] = 1;
            for (int j = 1; j < Width; j++) x[j] = random.NextDouble() * 2 - 1;
            return new LabelledTarget($"plan{i % plans}", x, right(x, random));
        }).ToList();
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void Logistic_RecoversKnownWeights_FromNoisyLabels()
    {
        var truth = new double[Width];
        (truth[0], truth[1], truth[3], truth[5], truth[Width - 1]) = (0.5, 2, -3, 1.5, -1);
        var rows = Rows(6000, 7, (x, r) => r.NextDouble() < Sigmoid(x.Zip(truth, (a, b) => a * b).Sum()));

        var model = new LbfgsConfidenceFitter(l2: 0.01).Fit(rows);

        for (int i = 0; i < Width; i++)
        {
            var name = ConfidenceFeatures.Names[i];
            Assert.True(Math.Abs(model.Weights[name] - truth[i]) < 0.25, $"{name}: fitted {model.Weights[name]:0.###}, true {truth[i]}");
        }
    }

    [Fact]
    public void Logistic_SeparatesSeparableData_WithWeightsPointingTheRightWay()
    {
        var rows = Rows(3000, 11, (x, _) => x[2] - x[4] > 0).Where(r => Math.Abs(r.Features[2] - r.Features[4]) > 0.1).ToList();

        var model = new LbfgsConfidenceFitter(l2: 1).Fit(rows);

        Assert.All(rows, r => Assert.Equal(r.Right, model.Probability(r.Features) > 0.5));
        Assert.True(model.Weights[ConfidenceFeatures.Names[2]] > 3, $"w2 = {model.Weights[ConfidenceFeatures.Names[2]]}");
        Assert.True(model.Weights[ConfidenceFeatures.Names[4]] < -3, $"w4 = {model.Weights[ConfidenceFeatures.Names[4]]}");
        Assert.All(ConfidenceFeatures.Names.Where((_, i) => i is not (0 or 2 or 4)), n => Assert.InRange(model.Weights[n], -1, 1));
    }

    [Fact]
    public void Logistic_AsJson_ScoresAsFitted()
    {
        var rows = Rows(2000, 3, (x, r) => r.NextDouble() < Sigmoid(1 + 2 * x[1] - x[6]));
        var model = new LbfgsConfidenceFitter().Fit(rows) with { ReviewThreshold = 0.8 };
        var back = ConfidenceModel.Parse(model.ToJson(), "test");
        Assert.All(rows.Take(200), r => Assert.Equal(model.Probability(r.Features), back.Probability(r.Features), tolerance: 1e-5));
    }

    [Fact]
    public void Trees_LearnAnInteraction_Calibrated_AndSaveAsTheyScore()
    {
        // right when features 1 and 2 have the same sign, 90% of the time: no linear model can
        bool Xnor(double[] x, Random r) => (x[1] > 0 == x[2] > 0) == r.NextDouble() < 0.9;
        var train = Rows(3000, 5, Xnor);
        var fresh = Rows(2000, 6, Xnor);

        var trees = new FastTreeConfidenceFitter().Fit(train);
        var logistic = new LbfgsConfidenceFitter().Fit(train);

        double Accuracy(IConfidenceScorer s) => fresh.Count(r => s.Probability(r.Features) > 0.5 == r.Right) / (double)fresh.Count;
        Assert.InRange(Accuracy(trees), 0.85, 1);
        Assert.InRange(Accuracy(logistic), 0, 0.65);
        // calibrated on held-out plans: rows given ~0.9 are right ~90% of the time
        var sure = fresh.Where(r => trees.Probability(r.Features) > 0.8).ToList();
        Assert.InRange(sure.Count(r => r.Right) / (double)sure.Count, 0.84, 0.96);
        Assert.InRange(sure.Average(r => trees.Probability(r.Features)), 0.84, 0.96);

        var zip = Path.Combine(Path.GetTempPath(), $"trees-{Guid.NewGuid():N}.zip");
        try
        {
            trees.Save(zip);
            var loaded = TreeConfidenceScorer.Load(zip);
            Assert.All(fresh.Take(300), r => Assert.Equal(trees.Probability(r.Features), loaded.Probability(r.Features)));
        }
        finally { File.Delete(zip); }
    }

    private static string RowsFile => Path.Combine(Repo.Root, "data", "confidence-rows.tsv");

    private static ConfidenceModel Shipped => ConfidenceModel.Parse(File.ReadAllText(Path.Combine(Repo.Root, "models", "confidence.json")), "models/confidence.json");

    [Fact]
    public void ShippedModel_IsTheFitOfTheCommittedRows()
    {
        var rows = LabelledTable.Read(RowsFile);
        var (fitted, threshold) = new ConfidenceTrainer<ConfidenceModel>(new LbfgsConfidenceFitter(), TrainConfidenceCommand.BarFlagged).Fit(rows);
        foreach (var name in ConfidenceFeatures.Names)
            Assert.True(Math.Abs(fitted.Weights[name] - Shipped.Weights[name]) < 1e-4, $"{name}: refitted {fitted.Weights[name]}, shipped {Shipped.Weights[name]}");
        Assert.Equal(threshold, Shipped.ReviewThreshold, tolerance: 1e-4);
        Assert.All(rows, r => Assert.Equal(fitted.Probability(r.Features), Shipped.Probability(r.Features), tolerance: 1e-4));
    }

    [Fact]
    public void ShippedFit_MeetsTheReviewBar_InNestedCrossValidation()
    {
        var rows = LabelledTable.Read(RowsFile);
        var heldOut = new ConfidenceTrainer<ConfidenceModel>(new LbfgsConfidenceFitter(), TrainConfidenceCommand.BarFlagged).CrossValidate(rows);
        var q = HeldOutScore.Quality(heldOut);
        Assert.True(q.Meets(TrainConfidenceCommand.BarWrongFlagged, TrainConfidenceCommand.BarFlagged), q.ToString());
    }

    [Theory]
    [InlineData("samples/xop-kh-ubnd.txt")]
    [InlineData("dev/engocr/27_1132qdttg_chien-luoc-ha-tang-so-2025-2030_bacgiangtv.txt")]
    [InlineData("dev/docs/ct09_xa-phu-lam-tay.docx")]
    public void Pipeline_ScoresWithTheFeaturesTrainingSees(string document)
    {
        var path = Path.Combine(Repo.Root, document);
        var result = Repo.Pipeline().Run(path);
        var gold = GoldAnswers.Load(Path.Combine(Repo.Root, document.StartsWith("samples", StringComparison.Ordinal) ? "samples/gold" : "dev/gold",
            Path.GetFileName(path).Split('.')[0] + ".gold.jsonl"));
        var labelled = GoldLabeller.Label(result, gold, "plan", Repo.Composition.Settings.Confidence);
        var scored = result.Targets.Where(t => t.Candidate.Value != null).ToList();
        Assert.Equal(scored.Count, labelled.Count);
        Assert.NotEmpty(scored);
        // (a value that could not be read has confidence 0 whatever the model says)
        Assert.All(scored.Zip(labelled).Where(p => p.First.Candidate.Evidence != Ingest.Core.Model.ValueEvidence.Unreadable),
            p => Assert.Equal(p.First.Confidence, Math.Round(ConfidenceModel.Default.Probability(p.Second.Features), 3)));
        // and the features vary: a document with every target alike would test nothing
        Assert.True(labelled.Select(l => string.Join(",", l.Features)).Distinct().Count() > 1);
    }
}
