using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Adapters.MlNet;
using Ingest.Adapters.Tesseract;
using Ingest.Core.Batch;
using Ingest.Core.Model;
using Ingest.Core.Output;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Confidence.Training;
using Ingest.Core.Stages.Load;
using Ingest.Core.Text;
using Ingest.Core.Validation;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest train-confidence SAMPLES... --gold DIR... -o models/confidence.json`: extracts every
/// document that has gold answers (and, for clean plain-text ones, the same text with its
/// diacritics stripped, as damaged input is where extraction goes wrong), labels each target
/// right or wrong, cross-validates logistic regression and boosted trees plan by plan, prints
/// the review queue's quality per kind of input for both, and writes the logistic model.
/// </summary>
public static class TrainConfidenceCommand
{
    /// <summary>The bar a review queue is held to: this share of wrong targets flagged at least…</summary>
    public const double BarWrongFlagged = 0.8;

    /// <summary>…while flagging at most this share of all targets.</summary>
    public const double BarFlagged = 0.25;

    public static Command Build()
    {
        var inputs = new Argument<string[]>("samples") { Description = "Documents or folders with gold answers.", Arity = ArgumentArity.ZeroOrMore }.RejectingUnknownOptions();
        var gold = new Option<DirectoryInfo[]>("--gold") { Description = "Folder of NAME.gold.jsonl answers (repeatable; the first that has a document's answers is used)." };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model (models/confidence.json).", Required = true };
        var maxFlagged = new Option<double>("--max-flagged") { Description = "Largest share of targets the review threshold may flag (the bar's).", DefaultValueFactory = _ => BarFlagged };
        var saveRows = new Option<string?>("--save-rows") { Description = "Also write the labelled targets (features by name) to this TSV file." };
        var fromRows = new Option<string?>("--from-rows") { Description = "Fit on a TSV file --save-rows wrote instead of extracting (no SAMPLES or --gold)." };
        var cmd = new Command("train-confidence", "Fit the confidence model on gold-labelled documents and report its cross-validated quality.")
            { inputs, gold, output, maxFlagged, saveRows, fromRows };
        cmd.SetAction(p => Run(p.GetValue(inputs) ?? [], p.GetValue(gold) ?? [], p.GetValue(output)!, p.GetValue(maxFlagged), p.GetValue(saveRows), p.GetValue(fromRows)));
        return cmd;
    }

    private static int Run(string[] inputs, DirectoryInfo[] goldDirs, string output, double maxFlagged, string? saveRows, string? fromRows)
    {
        if ((fromRows == null) == (inputs.Length == 0) || (fromRows == null && goldDirs.Length == 0))
        {
            Console.Error.WriteLine("ingest train-confidence: give SAMPLES and --gold, or --from-rows FILE");
            return ExitCodes.Usage;
        }
        // an -o nothing can be written to is found before every sample is read, not after
        foreach (var file in new[] { output, saveRows }.OfType<string>())
            AtomicFile.ProbeFolder(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<LabelledTarget> data;
        try
        {
            data = fromRows != null ? LabelledTable.Read(fromRows) : Extract(inputs, goldDirs);
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.SomeFailed;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"labelled {data.Count} targets in {clock.Elapsed.TotalSeconds:0.0} s"));
        if (saveRows != null) AtomicFile.Write(saveRows, LabelledTable.Write(data));
        if (data.Select(d => d.Plan).Distinct().Count() < 3 || data.All(d => d.Right))
        {
            Console.Error.WriteLine("ingest: need targets of at least three plans, some of them wrong, to fit and cross-validate");
            return ExitCodes.SomeFailed;
        }
        var fitted = string.Create(CultureInfo.InvariantCulture,
            $"{data.Count} targets ({data.Count(d => !d.Right)} wrong) of {data.Select(d => d.Plan).Distinct().Count()} plans");

        var logistic = new ConfidenceTrainer<ConfidenceModel>(new LbfgsConfidenceFitter(), maxFlagged);
        var logisticCv = CrossValidate(logistic, data);
        var treesCv = CrossValidate(new ConfidenceTrainer<TreeConfidenceScorer>(new FastTreeConfidenceFitter(), maxFlagged), data);

        var current = ConfidenceModel.Default;
        PrintTable("the model in use, on the same data (not held out)",
            data.Select(d => (d.Kind, d.Right, d.FlaggedByRule || current.Probability(d.Features) < current.ReviewThreshold)).ToList());

        clock.Restart();
        var (scorer, threshold) = logistic.Fit(data);
        var model = scorer with { ReviewThreshold = threshold, Fitted = fitted };
        AtomicFile.Write(output, model.ToJson() + "\n");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: {model}, fitted on {fitted} in {clock.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine($"cross-validated: logistic regression {Verdict(logisticCv)}; boosted trees {Verdict(treesCv)}");
        return ExitCodes.Ok;
    }

    private static ReviewQuality CrossValidate<TScorer>(ConfidenceTrainer<TScorer> trainer, IReadOnlyList<LabelledTarget> data) where TScorer : IConfidenceScorer
    {
        var clock = Stopwatch.StartNew();
        var heldOut = trainer.CrossValidate(data);
        var title = string.Create(CultureInfo.InvariantCulture, $"{trainer.Name}: nested cross-validation by plan ({clock.Elapsed.TotalSeconds:0.0} s)");
        PrintTable(title, heldOut.Select(h => (h.Target.Kind, h.Target.Right, h.Flagged)).ToList());
        foreach (var g in heldOut.GroupBy(h => h.Target.Plan).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"  held out {g.Key}: {HeldOutScore.Quality(g)}");
        return HeldOutScore.Quality(heldOut);
    }

    private static readonly string[] KindOrder =
        [InputKind.Txt, InputKind.Docx, InputKind.Pdf, InputKind.Scan, InputKind.Stripped, InputKind.EngOcr, InputKind.LowDpiOcr, InputKind.OldOcr];

    /// <summary>The review queue per kind of input and over all: wrong targets flagged, all targets flagged, and whether that meets the bar.</summary>
    private static void PrintTable(string title, IReadOnlyList<(string Kind, bool Right, bool Flagged)> rows)
    {
        Console.WriteLine(title);
        Console.WriteLine($"  {"kind",-12} {"targets",7} {"wrong",6} {"wrong flagged",16} {"flagged",14}  bar");
        var kinds = rows.Select(r => r.Kind).Distinct().OrderBy(k => Array.IndexOf(KindOrder, k) is var i and >= 0 ? i : KindOrder.Length).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var kind in kinds) Line(kind, rows.Where(r => r.Kind == kind));
        Line("all", rows);

        static void Line(string name, IEnumerable<(string Kind, bool Right, bool Flagged)> rows)
        {
            var q = ReviewQuality.Of(rows.Select(r => (r.Right, r.Flagged)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-12} {q.Targets,7} {q.Wrong,6} {q.WrongFlagged,6} ({100 * q.WrongFlaggedShare,5:0.0}%) {q.Flagged,5} ({100 * q.FlaggedShare,5:0.0}%)  {(q.Meets(BarWrongFlagged, BarFlagged) ? "meets" : "misses")}"));
        }
    }

    private static string Verdict(ReviewQuality q) =>
        $"{q} — {(q.Meets(BarWrongFlagged, BarFlagged) ? "meets" : "misses")} the bar (≥ {BarWrongFlagged:P0} of wrong flagged, ≤ {BarFlagged:P0} flagged)";

    /// <summary>Extracts and labels every input that has gold answers, and the stripped variant of each clean text.</summary>
    private static List<LabelledTarget> Extract(string[] inputs, DirectoryInfo[] goldDirs)
    {
        var problems = new List<(string Path, string Reason)>();
        var batch = InputExpander.Expand(inputs, problems);
        foreach (var (path, reason) in problems) Console.Error.WriteLine($"{path}: {reason}");
        using var composition = new Composition(TesseractOptions.Default(Environment.ProcessorCount));
        var pipeline = new IngestPipeline(composition.Settings);
        var data = new List<LabelledTarget>();
        foreach (var input in batch)
        {
            var goldFile = goldDirs.Select(d => ExpectedAnswers.Find(d.FullName, input.Path)).FirstOrDefault(f => f != null && f.EndsWith(".gold.jsonl", StringComparison.Ordinal));
            if (goldFile == null)
            {
                Console.Error.WriteLine($"{input.Path}: no gold answers, skipped");
                continue;
            }
            var gold = GoldAnswers.Load(goldFile);
            var plan = Path.GetFileName(goldFile)[..^".gold.jsonl".Length];
            try
            {
                var result = pipeline.Run(input.Path);
                bool clean = result.Document.Repair.Damage.Kept >= 0.9;
                Add(input.Path, InputKind.Of(input.Path, stripped: false, damagedText: !clean), result);
                if (Path.GetExtension(input.Path) == ".txt" && clean)
                {
                    var text = VietOrthography.StripMarks(PlainTextReader.Decode(File.ReadAllBytes(input.Path)));
                    Add(input.Path + " (stripped)", InputKind.Stripped, pipeline.Run(PlainTextReader.FromText(input.Path, ContentHash.Of(input.Path), text)));
                }
            }
            catch (DocumentFailure f) { Console.Error.WriteLine($"{input.Path}: error: {f.Message}"); }

            void Add(string name, string kind, ExtractionResult result)
            {
                var labelled = GoldLabeller.Label(result, gold, plan, composition.Settings.Confidence).Select(l => l with { Document = name, Kind = kind }).ToList();
                data.AddRange(labelled);
                Console.Error.WriteLine($"{name} ({kind}): {labelled.Count} targets, {labelled.Count(l => !l.Right)} wrong");
            }
        }
        return data;
    }
}
