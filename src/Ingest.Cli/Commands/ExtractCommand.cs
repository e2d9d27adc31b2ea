using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ingest.Adapters.Tesseract;
using Ingest.Core.Batch;
using Ingest.Core.Catalogue;
using Ingest.Core.Output;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Confidence;
using Ingest.Cli.Progress;

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
        }.RejectingUnknownOptions();
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
            Description = "Image clean-up before OCR: a comma list of flatten, deskew, dewarp, background, upsample, despeckle, thicken, rules, or none; each runs only on pages whose measurement calls for it.",
            DefaultValueFactory = _ => PreprocessOptions.Default.ToString(),
        };
        var db = StoreOptions.Db();
        var asDocument = new Option<bool>("--as-document") { Description = "Read all images given by name as one document, and all images under each folder given as one, pages in name order (plan-p2 before plan-p10)." };
        var eachImage = new Option<bool>("--each-image") { Description = "Read every image as a document of its own, even when names look like pages of one (xa-1.jpg, xa-2.jpg as two one-page plans)." };
        var force = new Option<bool>("--force") { Description = "Process every document again, even those unchanged since a stored result." };
        var include = new Option<string[]>("--include") { Description = "Only files under the input folders whose name (or path, with '/') matches this glob; repeatable.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "Skip files under the input folders matching this glob; repeatable.", AllowMultipleArgumentsPerToken = true };
        var docTimeout = new Option<double>("--doc-timeout")
        {
            Description = "Seconds one document may take before it is stopped with an error.",
            DefaultValueFactory = _ => BatchOptions.DefaultDocumentTimeout.TotalSeconds,
        };
        var preparedPages = new Option<DirectoryInfo?>("--prepared-pages") { Description = "Also save each OCR'd page as it was prepared for recognition (DIR/<the document's path>-p001.png): what the engine was given." };
        var progress = new Option<string>("--progress")
        {
            Description = "auto (a live bar when stderr is a terminal), bar, or lines.",
            DefaultValueFactory = _ => "auto",
        };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines");
        var cmd = new Command("extract", "Extract the targets of each plan into OUT/<stem>.json, keeping results in the store.")
        {
            inputs, output, catalogue, threshold, jobs, quiet, tessdata, ocrTimeout, preprocess, db, force, asDocument, eachImage, include, exclude, docTimeout, progress, preparedPages,
        };
        cmd.SetAction(p =>
        {
            int j = p.GetValue(jobs);
            if (j < 1) return Usage("--jobs must be at least 1");
            if (p.GetValue(asDocument) && p.GetValue(eachImage)) return Usage("--as-document and --each-image cannot be used together");
            if (p.GetValue(ocrTimeout) is not (>= 1 and <= 3600) and var t) return Usage($"--ocr-timeout must be between 1 and 3600 seconds (got {t})");
            if (p.GetValue(docTimeout) is not (>= 1 and <= 86400) and var dt) return Usage($"--doc-timeout must be between 1 and 86400 seconds (got {dt})");
            PreprocessOptions steps;
            FileFilter filter;
            try
            {
                steps = PreprocessOptions.Parse(p.GetValue(preprocess)!);
                filter = new FileFilter(
                    (p.GetValue(include) ?? []).Select(g => new Glob(g)).ToList(),
                    (p.GetValue(exclude) ?? []).Select(g => new Glob(g)).ToList());
            }
            catch (ArgumentException e) { return Usage(e.Message); }
            var ocr = TesseractOptions.Default(j) with
            {
                PageTimeout = TimeSpan.FromSeconds(p.GetValue(ocrTimeout)),
                Preprocess = steps,
                Tessdata = p.GetValue(tessdata)?.FullName ?? TesseractOptions.BundledTessdata,
                PreparedPagesDir = p.GetValue(preparedPages)?.FullName,
            };
            if (ocr.PreparedPagesDir is { } pagesDir)
            {
                try { Directory.CreateDirectory(pagesDir); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Usage($"--prepared-pages {pagesDir}: {e.Message}"); }
            }
            var batch = new BatchOptions(j, p.GetValue(force), TimeSpan.FromSeconds(p.GetValue(docTimeout)));
            var request = new ExtractRequest(p.GetValue(inputs)!, p.GetValue(output)!, p.GetValue(catalogue), p.GetValue(threshold),
                p.GetValue(quiet), ocr, batch, filter, p.GetValue(asDocument) ? ImageGrouping.OneDocument : p.GetValue(eachImage) ? ImageGrouping.EachImage : ImageGrouping.PageSets, p.GetValue(db)!, p.GetValue(progress)!, string.Join(' ', Environment.GetCommandLineArgs().Skip(1)));
            return Run(request);
        });
        return cmd;
    }

    private sealed record ExtractRequest(
        string[] Inputs, string OutDir, FileInfo? Catalogue, double Threshold, bool Quiet, TesseractOptions Ocr,
        BatchOptions Batch, FileFilter Filter, ImageGrouping Images, string Db, string Progress, string Arguments);

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"ingest: {message}");
        return ExitCodes.Usage;
    }

    private static int Run(ExtractRequest r)
    {
        if (r.Threshold is < 0 or > 1) return Usage("--review-threshold must be between 0 and 1");
        IndicatorCatalogue catalogue;
        try { catalogue = r.Catalogue == null ? IndicatorCatalogue.Default : IndicatorCatalogue.Load(r.Catalogue.FullName); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ingest: cannot read catalogue: {e.Message}");
            return ExitCodes.Usage;
        }
        var problems = new List<(string Path, string Reason)>();
        var batch = InputExpander.Expand(r.Inputs, problems, r.Filter, r.Images);
        foreach (var (path, reason) in problems) Console.Error.WriteLine($"{path}: {reason}");
        if (batch.Count == 0 && problems.Count > 0) return ExitCodes.SomeFailed;
        if (batch.Count == 0)
        {
            // an empty folder or a filter that keeps nothing is a mistake to report, not an empty success
            var filtered = r.Filter.Include.Count > 0 || r.Filter.Exclude.Count > 0 ? " that the --include/--exclude patterns keep" : "";
            Console.Error.WriteLine($"{string.Join(", ", r.Inputs)}: no documents to read{filtered} (.txt .pdf .docx .tif .tiff .png .jpg .jpeg)");
            return ExitCodes.SomeFailed;
        }

        // an output folder nothing can be written to is found before any document is read (and before the store is made)
        AtomicFile.ProbeFolder(r.OutDir);
        using var store = StoreOptions.Open(r.Db);
        if (store == null) return ExitCodes.Usage;
        using var composition = new Composition(r.Ocr);
        var settings = composition.Settings with { Catalogue = catalogue, Confidence = new ConfidenceOptions(r.Threshold) };
        var version = composition.VersionOf(settings, r.Catalogue?.FullName ?? "");
        var pipeline = new IngestPipeline(settings);

        var sw = Stopwatch.StartNew();
        var runner = new BatchRunner(pipeline, version, store, r.Batch);
        bool live = r.Progress == "bar" || r.Progress == "auto" && !Console.IsErrorRedirected && !r.Quiet;
        IReadOnlyList<DocumentOutcome> outcomes;
        if (live)
        {
            var bar = new LiveProgress(batch.Count, r.Quiet);
            outcomes = bar.Show(() => runner.Run(batch, r.OutDir, bar, r.Arguments));
        }
        else outcomes = runner.Run(batch, r.OutDir, new PlainProgress(r.Quiet), r.Arguments);

        int failed = outcomes.Count(o => !o.Ok) + problems.Count(p => !p.Reason.Contains("skipped", StringComparison.Ordinal));
        int ok = outcomes.Count(o => o.Ok), skipped = outcomes.Count(o => o.Skipped);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ok} ok ({skipped} unchanged, not processed again), {failed} failed, {outcomes.Sum(o => o.Targets)} targets, {outcomes.Sum(o => o.NeedsReview)} need review, {sw.Elapsed.TotalSeconds:0.0}s"));
        return failed == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }
}
