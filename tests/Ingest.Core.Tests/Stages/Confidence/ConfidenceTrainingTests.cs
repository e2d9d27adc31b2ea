using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Confidence.Training;

namespace Ingest.Core.Tests.Stages.Confidence;

/// <summary>
/// The confidence trainer's bookkeeping: folds of whole plans, nested cross-validation that never
/// scores a plan with a model (or threshold) that saw it, input kinds, and the labelled table.
/// </summary>
public class ConfidenceTrainingTests
{
    /// <summary>Rows of plans a (4 rows), b (3), c (2), d (1), e (1), f (5), each plan in several formats.</summary>
    private static readonly string[] Plans = ["a", "a", "b", "c", "a", "b", "d", "e", "f", "f", "f", "f", "f", "c", "a", "b"];

    [Theory]
    [InlineData(0, 6)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(5, 5)]
    [InlineData(6, 6)]
    [InlineData(100, 6)]
    public void Folds_HoldOutWholePlans_EachRowOnce(int folds, int expectedFolds)
    {
        var split = PlanFolds.Split(Plans, folds);
        Assert.Equal(expectedFolds, split.Count);
        foreach (var fold in split)
        {
            var trainPlans = fold.Train.Select(i => Plans[i]).ToHashSet();
            Assert.DoesNotContain(fold.Test.Select(i => Plans[i]), trainPlans.Contains);
            Assert.Equal(Enumerable.Range(0, Plans.Length), fold.Train.Concat(fold.Test).Order());
            Assert.NotEmpty(fold.Test);
        }
        Assert.Equal(Enumerable.Range(0, Plans.Length), split.SelectMany(f => f.Test).Order());
    }

    [Fact]
    public void Folds_AreBalancedByRows()
    {
        // f (5) | a (4) + e (1) | b (3) + c (2) ... dealt largest first to the lightest fold
        var sizes = PlanFolds.Split(Plans, 3).Select(f => f.Test.Count).Order().ToList();
        Assert.Equal([5, 5, 6], sizes);
    }

    /// <summary>
    /// A fitter that remembers which plans it was fitted on, and a scorer that fails when asked to
    /// score a row of one of those plans (feature 1 carries the row's plan number).
    /// </summary>
    private sealed class SpyFitter : IConfidenceFitter<SpyScorer>
    {
        public string Name => "spy";

        public SpyScorer Fit(IReadOnlyList<LabelledTarget> rows) => new(rows.Select(r => r.Plan).ToHashSet());
    }

    private sealed class SpyScorer(HashSet<string> seen) : IConfidenceScorer
    {
        public double Probability(double[] features)
        {
            var plan = ((char)('a' + (int)features[1])).ToString();
            Assert.DoesNotContain(plan, seen);
            return features[2];
        }
    }

    /// <summary>Every fifth row wrong, with probability 0.1 from the spy; the rest 0.4 to 0.7.</summary>
    private static List<LabelledTarget> Rows() => Plans.Select((p, i) =>
        new LabelledTarget(p, [1, p[0] - 'a', i % 5 == 0 ? 0.1 : 0.3 + 0.1 * (i % 5)], Right: i % 5 != 0)).ToList();

    [Fact]
    public void CrossValidation_NeverScoresAPlanWithAModelOrThresholdThatSawIt()
    {
        // the scorer asserts, for the outer model and for every inner model that chose a threshold
        var scores = new ConfidenceTrainer<SpyScorer>(new SpyFitter(), maxFlaggedShare: 0.5, thresholdFolds: 3).CrossValidate(Rows());
        Assert.Equal(Plans.Length, scores.Count);
        Assert.Equal(Plans, scores.Select(s => s.Target.Plan));
    }

    [Fact]
    public void Threshold_FlagsTheMostWrongWithinTheShareAllowed()
    {
        // the four wrong rows of sixteen (25%) are the only ones under 0.4
        var (_, threshold) = new ConfidenceTrainer<SpyScorer>(new SpyFitter(), maxFlaggedShare: 0.25, thresholdFolds: 3).Fit(Rows());
        Assert.InRange(threshold, 0.1 + 1e-12, 0.4);
    }

    [Fact]
    public void Threshold_CountsTargetsFlaggedByRuleInTheShare()
    {
        // two right rows are flagged by rule: with the four wrong ones that is 6 of 16, over 25%
        var rows = Rows().Select((r, i) => i is 1 or 2 ? r with { FlaggedByRule = true } : r).ToList();
        var (_, threshold) = new ConfidenceTrainer<SpyScorer>(new SpyFitter(), maxFlaggedShare: 0.25, thresholdFolds: 3).Fit(rows);
        Assert.True(threshold <= 0.1, $"threshold {threshold} flags the wrong rows on top of those flagged by rule");
    }

    [Fact]
    public void FlaggedByRule_IsInTheQueueWhateverTheProbability()
    {
        var row = new LabelledTarget("a", [1], Right: false) { FlaggedByRule = true };
        Assert.True(new HeldOutScore(row, 0.99, 0.5).Flagged);
        Assert.False(new HeldOutScore(row with { FlaggedByRule = false }, 0.99, 0.5).Flagged);
    }

    [Theory]
    [InlineData("samples/xop-kh-ubnd.txt", false, false, InputKind.Txt)]
    [InlineData("samples/xop-kh-ubnd.txt", true, false, InputKind.Stripped)]
    [InlineData("samples/kon-chieng-kh-dang-uy-scan.txt", false, true, InputKind.OldOcr)]
    [InlineData("samples/xop-kh-ubnd.docx", false, false, InputKind.Docx)]
    [InlineData("samples/xop-kh-ubnd.pdf", false, false, InputKind.Pdf)]
    [InlineData("samples/xop-kh-ubnd.scan.pdf", false, false, InputKind.Scan)]
    [InlineData("samples/kon-chieng-nq-hdnd.scan.tif", false, false, InputKind.Scan)]
    [InlineData("dev/engocr/01_nq57.txt", false, true, InputKind.EngOcr)]
    [InlineData("data/confidence-variants/xop-kh-ubnd.eng-ocr.txt", false, true, InputKind.EngOcr)]
    [InlineData("data/confidence-variants/xop-kh-ubnd.low-dpi.txt", false, true, InputKind.LowDpiOcr)]
    public void InputKinds(string path, bool stripped, bool damaged, string kind) =>
        Assert.Equal(kind, InputKind.Of(path, stripped, damaged));

    [Fact]
    public void LabelledTable_RoundTrips()
    {
        var features = ConfidenceFeatures.Names.Select((_, i) => i / 7.0).ToArray();
        var rows = new[]
        {
            new LabelledTarget("plan-a", features, Right: true) { Document = "samples/a.txt (stripped)", Kind = InputKind.Stripped },
            new LabelledTarget("plan-b", features.Reverse().ToArray(), Right: false) { Document = "b.scan.pdf", Kind = InputKind.Scan, FlaggedByRule = true },
        };
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, LabelledTable.Write(rows));
            var back = LabelledTable.Read(path);
            Assert.Equal(rows.Length, back.Count);
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.Equal((rows[i].Plan, rows[i].Document, rows[i].Kind, rows[i].Right, rows[i].FlaggedByRule),
                    (back[i].Plan, back[i].Document, back[i].Kind, back[i].Right, back[i].FlaggedByRule));
                Assert.Equal(rows[i].Features, back[i].Features);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void LabelledTable_WithOtherFeatures_IsRefused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "plan\tdocument\tkind\tright\tflaggedByRule\tbias\n");
            var e = Assert.Throws<InvalidDataException>(() => LabelledTable.Read(path));
            Assert.StartsWith(path + ": not a table of labelled targets", e.Message);
        }
        finally { File.Delete(path); }
    }
}
