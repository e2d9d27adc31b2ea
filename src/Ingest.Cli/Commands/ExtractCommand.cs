using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Adapters.Tesseract;
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
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents, and OCR pages, processed in parallel (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only failures and the summary." };
        var tessdata = new Option<DirectoryInfo?>("--tessdata") { Description = "Folder with <lang>.traineddata instead of the bundled tessdata/." };
        var ocrTimeout = new Option<double>("--ocr-timeout")
        {
            Description = "Seconds one OCR attempt on one page may take before it is stopped and retried.",
            DefaultValueFactory = _ => TesseractOptions.Default(1).PageTimeout.TotalSeconds,
        };
        var preprocess = new Option<string>("--preprocess")
        {
            Description = "Image clean-up before OCR: a comma list of deskew, background, upsample, or none.",
            DefaultValueFactory = _ => PreprocessOptions.Default.ToString(),
        };
        var cmd = new Command("extract", "Extract the targets of each plan into OUT/<stem>.json.")
        {
            inputs, output, catalogue, threshold, jobs, quiet, tessdata, ocrTimeout, preprocess,
        };
        cmd.SetAction(p =>
        {
            int j = p.GetValue(jobs);
            if (j < 1) return Usage("--jobs must be at least 1");
            if (p.GetValue(ocrTimeout) is not (>= 1 and <= 3600) and var t) return Usage($"--ocr-timeout must be between 1 and 3600 seconds (got {t})");
            PreprocessOptions steps;
            try { steps = PreprocessOptions.Parse(p.GetValue(preprocess)!); }
            catch (ArgumentException e) { return Usage(e.Message); }
            var ocr = TesseractOptions.Default(j) with
            {
                PageTimeout = TimeSpan.FromSeconds(p.GetValue(ocrTimeout)),
                Preprocess = steps,
                Tessdata = p.GetValue(tessdata)?.FullName ?? TesseractOptions.BundledTessdata,
            };
            return Run(p.GetValue(inputs)!, p.GetValue(output)!, p.GetValue(catalogue), p.GetValue(threshold), j, p.GetValue(quiet), ocr);
        });
        return cmd;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"ingest: {message}");
        return ExitCodes.Usage;
    }

    private static int Run(string[] inputs, string outDir, FileInfo? catalogueFile, double threshold, int jobs, bool quiet, TesseractOptions ocr)
    {
        if (threshold is < 0 or > 1) return Usage("--review-threshold must be between 0 and 1");
        IndicatorCatalogue catalogue;
        try { catalogue = catalogueFile == null ? IndicatorCatalogue.Default : IndicatorCatalogue.Load(catalogueFile.FullName); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ingest: cannot read catalogue: {e.Message}");
            return ExitCodes.Usage;
        }
        using var composition = new Composition(ocr);
        var settings = composition.Settings with { Catalogue = catalogue, Confidence = new ConfidenceOptions(threshold) };
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
                foreach (var w in o.Warnings) Console.Error.WriteLine($"{o.Path}: warning: {w}");
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
