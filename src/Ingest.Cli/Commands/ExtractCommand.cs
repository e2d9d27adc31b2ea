using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Core.Batch;
using Ingest.Core.Catalogue;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Confidence;

namespace Ingest.Cli.Commands;

/// <summary>`ingest extract INPUT... -o OUT`: parse, build the pipeline, run the batch, map to an exit code.</summary>
public static class ExtractCommand
{
    public static Command Build()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Plan files (.txt, .pdf, .docx, .tif, .png, .jpg) or folders to walk recursively.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the JSON files (OUT/<stem>.json).", Required = true };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "Catalogue TSV to match against instead of the bundled models/catalogue.tsv." };
        var threshold = new Option<double>("--review-threshold")
        {
            Description = "Targets with confidence below this are flagged needsReview (0..1).",
            DefaultValueFactory = _ => new ConfidenceOptions().ReviewThreshold,
        };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only failures and the summary." };
        var cmd = new Command("extract", "Extract the targets of each plan into OUT/<stem>.json.")
        {
            inputs, output, catalogue, threshold, jobs, quiet,
        };
        cmd.SetAction(p => Run(p.GetValue(inputs)!, p.GetValue(output)!, p.GetValue(catalogue), p.GetValue(threshold), p.GetValue(jobs), p.GetValue(quiet)));
        return cmd;
    }

    private static int Run(string[] inputs, string outDir, FileInfo? catalogueFile, double threshold, int jobs, bool quiet)
    {
        if (threshold is < 0 or > 1)
        {
            Console.Error.WriteLine("ingest: --review-threshold must be between 0 and 1");
            return ExitCodes.Usage;
        }
        IndicatorCatalogue catalogue;
        try { catalogue = catalogueFile == null ? IndicatorCatalogue.Default : IndicatorCatalogue.Load(catalogueFile.FullName); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ingest: cannot read catalogue: {e.Message}");
            return ExitCodes.Usage;
        }
        var settings = Composition.Settings() with { Catalogue = catalogue, Confidence = new ConfidenceOptions(threshold) };
        var pipeline = new IngestPipeline(settings);
        var problems = new List<(string Path, string Reason)>();
        var batch = InputExpander.Expand(inputs, problems);
        foreach (var (path, reason) in problems) Console.Error.WriteLine($"{path}: {reason}");
        if (batch.Count == 0 && problems.Count > 0) return ExitCodes.SomeFailed;

        var sw = Stopwatch.StartNew();
        var gate = new object();
        var outcomes = new BatchRunner(pipeline, jobs).Run(batch, outDir, o =>
        {
            lock (gate)
            {
                if (!o.Ok) Console.Error.WriteLine($"{o.Path}: error: {o.Error}");
                else if (!quiet)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{o.Path}: {o.Targets} targets, {o.NeedsReview} need review, {o.Elapsed.TotalSeconds:0.00}s"));
            }
        });
        int failed = outcomes.Count(o => !o.Ok) + problems.Count(p => !p.Reason.Contains("skipped", StringComparison.Ordinal));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outcomes.Count(o => o.Ok)} ok, {failed} failed, {outcomes.Sum(o => o.Targets)} targets, {outcomes.Sum(o => o.NeedsReview)} need review, {sw.Elapsed.TotalSeconds:0.0}s"));
        return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}
