using System.CommandLine;
using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Lexicons;
using Ingest.Core.Stages.Matching;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest match-check GOLD_DIR...`: the catalogue matcher alone on every gold indicator text
/// (no extraction), per gold file and in total: coded texts given a right code, UNLISTED texts
/// given none, and each wrong answer. Measures matching apart from extraction.
/// </summary>
public static class MatchCheckCommand
{
    public static Command Build()
    {
        var folders = new Argument<DirectoryInfo[]>("gold") { Description = "Folders of NAME.gold.jsonl files.", Arity = ArgumentArity.OneOrMore };
        var catalogue = new Option<FileInfo?>("--catalogue") { Description = "Catalogue TSV to match against (default: the built-in models/catalogue.tsv)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Only the per-file and total counts, not the wrong answers." };
        var all = new Option<bool>("--all") { Description = "List every answer, right ones marked '+', with its score." };
        var minScore = new Option<double?>("--min-score") { Description = "Threshold under which a text gets no code (default: the Match stage's)." };
        var fit = new Option<bool>("--fit") { Description = "Also fit the no-code threshold on these lines, and score it leaving each document out of its own fit." };
        var cmd = new Command("match-check", "Match every gold indicator text alone and report the share given the right code (or none for UNLISTED).") { folders, catalogue, quiet, all, minScore, fit };
        cmd.SetAction(p => Run(p.GetValue(folders)!, p.GetValue(catalogue), p.GetValue(quiet), p.GetValue(all), p.GetValue(minScore) ?? new MatchOptions().MinScore, p.GetValue(fit)));
        return cmd;
    }

    private static int Run(DirectoryInfo[] folders, FileInfo? catalogueFile, bool quiet, bool all, double minScore, bool fit)
    {
        foreach (var f in folders.Where(f => !f.Exists))
        {
            Console.Error.WriteLine($"ingest: {f.FullName}: no such folder");
            return ExitCodes.Usage;
        }
        IndicatorCatalogue catalogue;
        try { catalogue = catalogueFile == null ? IndicatorCatalogue.Default : IndicatorCatalogue.Load(catalogueFile.FullName); }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"ingest: {e.Message}");
            return ExitCodes.Usage;
        }
        var check = MatchCheck.Run(new CatalogueMatcher(catalogue, Lexicon.Default), minScore,
            MatchCheck.GoldIn(folders.Select(f => f.FullName)));
        Console.WriteLine($"{"document",-70} {"coded",9} {"unlisted",9} {"share",6}");
        foreach (var doc in check.Documents)
        {
            var d = check.For(doc);
            Console.WriteLine(Row(doc, d));
            if (quiet) continue;
            foreach (var l in d.Lines.Where(l => all || !l.Right))
                Console.WriteLine($"  {(l.Right ? '+' : ' ')} {string.Join("|", l.Gold.Codes)} -> {(l.Got == null ? "none" : $"{l.Got.Code} {l.Got.Score.ToString("0.000", CultureInfo.InvariantCulture)}")}: {l.Gold.Text}");
        }
        Console.WriteLine(Row("TOTAL", check));
        if (!fit) return ExitCodes.Ok;
        var fitted = check.FitThreshold();
        var (lodo, thresholds) = check.LeaveOneDocumentOut();
        Console.WriteLine($"threshold {F(minScore)}: share {F(check.Share)}; fitted on all lines {F(fitted)}: share {F(check.At(fitted).Share)}");
        Console.WriteLine($"leave one document out: share {F(lodo)} (thresholds {F(thresholds.Min(t => t.Threshold))}..{F(thresholds.Max(t => t.Threshold))})");
        return ExitCodes.Ok;
    }

    private static string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Row(string name, MatchCheck c) =>
        $"{name,-70} {$"{c.CodedRight}/{c.Coded}",9} {$"{c.UnlistedRight}/{c.Unlisted}",9} {c.Share.ToString("0.000", CultureInfo.InvariantCulture),6}";
}
