using System.CommandLine;
using Ingest.Adapters.Tesseract;
using Ingest.Core.Batch;
using Ingest.Core.Contract;
using Ingest.Core.Model;
using Ingest.Core.Pipeline;
using Ingest.Core.Validation;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest validate SAMPLES --expected DIR`: extracts each document and compares its targets
/// with the expected answers; exits 1 on any missing, extra or changed target (a CI step).
/// </summary>
public static class ValidateCommand
{
    public static Command Build()
    {
        var inputs = new Argument<string[]>("samples") { Description = "Documents or folders to check.", Arity = ArgumentArity.OneOrMore }.RejectingUnknownOptions();
        var expected = new Option<DirectoryInfo>("--expected")
        {
            Description = "Folder of expected answers: FILE.approved.json, STEM.json (contract JSON) or STEM.gold.jsonl (gold).",
            Required = true,
        };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents checked in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var cmd = new Command("validate", "Check that extraction still gives the expected targets; exit 1 on any difference.") { inputs, expected, jobs };
        cmd.SetAction(p => Run(p.GetValue(inputs)!, p.GetValue(expected)!, Math.Max(1, p.GetValue(jobs))));
        return cmd;
    }

    private static int Run(string[] inputs, DirectoryInfo expectedDir, int jobs)
    {
        if (!expectedDir.Exists)
        {
            Console.Error.WriteLine($"ingest: {expectedDir.FullName}: no such folder");
            return ExitCodes.Usage;
        }
        var problems = new List<(string Path, string Reason)>();
        var batch = InputExpander.Expand(inputs, problems);
        foreach (var (path, reason) in problems) Console.Error.WriteLine($"{path}: {reason}");
        using var composition = new Composition(TesseractOptions.Default(jobs));
        var pipeline = new IngestPipeline(composition.Settings);
        var reports = new string[batch.Count][];
        var ok = new bool[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
            (ok[i], reports[i]) = Check(pipeline, batch[i].Path, expectedDir.FullName));
        foreach (var lines in reports)
            foreach (var l in lines) Console.WriteLine(l);
        int bad = ok.Count(o => !o) + problems.Count;
        Console.WriteLine($"{batch.Count - ok.Count(o => !o)} of {batch.Count} documents as expected{(bad > 0 ? $", {bad} not" : "")}");
        return bad == 0 ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }

    private static (bool Ok, string[] Lines) Check(IngestPipeline pipeline, string path, string expectedDir)
    {
        var expected = ExpectedAnswers.Find(expectedDir, path);
        if (expected == null) return (false, [$"{path}: error: no expected answers in {expectedDir}"]);
        try
        {
            var result = pipeline.Run(path);
            var actual = ContractReader.From(result, path);
            var diff = ExpectedAnswers.Compare(expected, actual);
            if (diff.Clean) return (true, [$"{path}: ok ({actual.Targets.Count} targets as in {Path.GetFileName(expected)})"]);
            var head = $"{path}: {diff.Missing.Count} missing, {diff.Extra.Count} extra, {diff.Changed.Count} changed (expected {expected})";
            return (false, [head, .. diff.Lines().Select(l => "  " + l)]);
        }
        catch (DocumentFailure f) { return (false, [$"{path}: error: {f.Message}"]); }
        // a document or its expected answers that cannot be read or parsed (the message names the file) fail this document only
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (false, [$"{path}: error: {e.Message.Split('\n')[0]}"]);
        }
    }
}
