using System.CommandLine;
using System.Globalization;
using Ingest.Adapters.MathNet;
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
/// `ingest train-confidence SAMPLES --gold DIR -o models/confidence.json`: extracts every sample
/// that has gold answers (and, for plain-text ones, the same text with its diacritics stripped,
/// as damaged input is where extraction goes wrong), labels each target right or wrong, fits the
/// logistic model and prints its cross-validated review-queue quality.
/// </summary>
public static class TrainConfidenceCommand
{
    public static Command Build()
    {
        var inputs = new Argument<string[]>("samples") { Description = "Sample documents or folders.", Arity = ArgumentArity.OneOrMore }.RejectingUnknownOptions();
        var gold = new Option<DirectoryInfo>("--gold") { Description = "Folder of NAME.gold.jsonl answers.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the model (models/confidence.json).", Required = true };
        var maxFlagged = new Option<double>("--max-flagged") { Description = "Largest share of targets the review threshold may flag.", DefaultValueFactory = _ => 0.2 };
        var cmd = new Command("train-confidence", "Fit the confidence model on gold-labelled samples and report its cross-validated quality.") { inputs, gold, output, maxFlagged };
        cmd.SetAction(p => Run(p.GetValue(inputs)!, p.GetValue(gold)!, p.GetValue(output)!, p.GetValue(maxFlagged)));
        return cmd;
    }

    /// <summary>What kind of input a document is, for the report: its format and damage ("pdf", "scan.pdf", "txt stripped").</summary>
    private static string Kind(string document)
    {
        var name = Path.GetFileName(document.Replace(" (stripped)", ""));
        int dot = name.IndexOf('.');
        return (dot >= 0 ? name[(dot + 1)..] : name) + (document.EndsWith("(stripped)", StringComparison.Ordinal) ? " stripped" : "");
    }

    private static int Run(string[] inputs, DirectoryInfo goldDir, string output, double maxFlagged)
    {
        // an -o nothing can be written to is found before every sample is read, not after
        AtomicFile.ProbeFolder(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var problems = new List<(string Path, string Reason)>();
        var batch = InputExpander.Expand(inputs, problems);
        foreach (var (path, reason) in problems) Console.Error.WriteLine($"{path}: {reason}");
        using var composition = new Composition(TesseractOptions.Default(Environment.ProcessorCount));
        var pipeline = new IngestPipeline(composition.Settings);
        var data = new List<LabelledTarget>();
        // what the model the pipeline runs with (the one being replaced) flags on the same data
        var current = new List<(string Kind, bool Right, bool Flagged)>();
        foreach (var input in batch)
        {
            var goldFile = ExpectedAnswers.Find(goldDir.FullName, input.Path);
            if (goldFile == null || !goldFile.EndsWith(".gold.jsonl", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"{input.Path}: no gold answers, skipped");
                continue;
            }
            var gold = GoldAnswers.Load(goldFile);
            var group = Path.GetFileName(goldFile)[..^".gold.jsonl".Length];
            try
            {
                var result = pipeline.Run(input.Path);
                Add(input.Path, result);
                if (Path.GetExtension(input.Path) == ".txt" && result.Document.Repair.Damage.Kept >= 0.9)
                {
                    var text = VietOrthography.StripMarks(PlainTextReader.Decode(File.ReadAllBytes(input.Path)));
                    Add(input.Path + " (stripped)", pipeline.Run(PlainTextReader.FromText(input.Path, ContentHash.Of(input.Path), text)));
                }
            }
            catch (DocumentFailure f) { Console.Error.WriteLine($"{input.Path}: error: {f.Message}"); }

            void Add(string name, ExtractionResult result)
            {
                var labelled = GoldLabeller.Label(result, gold, group).Select(l => l with { Document = name }).ToList();
                data.AddRange(labelled);
                // the labeller keeps the targets that have a value, in order
                current.AddRange(result.Targets.Where(t => t.Candidate.Value != null).Zip(labelled, (t, l) => (Kind(name), l.Right, t.NeedsReview)));
                Console.Error.WriteLine($"{name}: {labelled.Count} targets, {labelled.Count(l => !l.Right)} wrong");
            }
        }
        if (data.Select(d => d.Group).Distinct().Count() < 3 || data.All(d => d.Right))
        {
            Console.Error.WriteLine("ingest: need targets of at least three plans, some of them wrong, to fit and cross-validate");
            return ExitCodes.SomeFailed;
        }
        var trainer = new ConfidenceTrainer(new NewtonLogisticFitter(), maxFlaggedShare: maxFlagged);
        var fitted = string.Create(CultureInfo.InvariantCulture,
            $"{data.Count} targets ({data.Count(d => !d.Right)} wrong) of {data.Select(d => d.Group).Distinct().Count()} plans");
        var (model, heldOut) = trainer.Train(data, fitted);
        foreach (var g in heldOut.GroupBy(h => h.Target.Group)) Console.WriteLine($"held out {g.Key}: {HeldOutScore.Quality(g)}");
        Console.WriteLine($"cross-validated, all: {HeldOutScore.Quality(heldOut)}");
        foreach (var g in heldOut.GroupBy(h => Kind(h.Target.Document)).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"cross-validated, {g.Key}: {HeldOutScore.Quality(g)}");
        Console.WriteLine($"the model in use, on the same data (not held out): {ReviewQuality.Of(current.Select(c => (c.Right, c.Flagged)))}");
        foreach (var g in current.GroupBy(c => c.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            Console.WriteLine($"the model in use, {g.Key}: {ReviewQuality.Of(g.Select(c => (c.Right, c.Flagged)))}");
        AtomicFile.Write(output, model.ToJson() + "\n");
        Console.WriteLine($"{output}: {model}, fitted on {fitted}");
        return ExitCodes.Ok;
    }
}
