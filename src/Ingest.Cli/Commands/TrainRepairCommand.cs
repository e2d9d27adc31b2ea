using System.CommandLine;
using System.Diagnostics;
using Ingest.Core.Lexicons;
using Ingest.Core.Output;
using Ingest.Core.Stages.Repair;
using Ingest.Core.Stages.Repair.Training;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest train-repair CORPUS... -o models/repair.bin`: rebuilds the repair model from folders of
/// clean Vietnamese text (every *.txt below them), word lists, and OCR pairs
/// (NAME.clean.txt with NAME.ocr.txt). Files named with --exclude are held out, so that an
/// evaluation never scores a model on text it learnt from.
/// </summary>
public static class TrainRepairCommand
{
    public static Command Build()
    {
        var corpus = new Argument<string[]>("corpus") { Description = "Folders or files of clean Vietnamese text (*.txt).", Arity = ArgumentArity.OneOrMore }.RejectingUnknownOptions();
        var output = new Option<FileInfo>("--output", "-o") { Description = "Model file to write.", Required = true };
        var wordLists = new Option<FileInfo[]>("--word-list") { Description = "A word list (one word or phrase a line) for the syllable inventory." };
        var pairs = new Option<DirectoryInfo[]>("--ocr-pairs") { Description = "Folder of NAME.clean.txt / NAME.ocr.txt pairs for the OCR confusion model." };
        var exclude = new Option<string[]>("--exclude") { Description = "Hold out corpus files whose name contains this (repeatable)." };
        var cmd = new Command("train-repair", "Rebuild the Vietnamese repair model (syllable trigram model, OCR confusions) from a corpus.")
            { corpus, output, wordLists, pairs, exclude };
        cmd.SetAction(p => Run(p.GetValue(corpus)!, p.GetValue(output)!, p.GetValue(wordLists) ?? [], p.GetValue(pairs) ?? [], p.GetValue(exclude) ?? []));
        return cmd;
    }

    private static int Run(string[] corpus, FileInfo output, FileInfo[] wordLists, DirectoryInfo[] pairDirs, string[] exclude)
    {
        var files = new List<string>();
        foreach (var c in corpus)
        {
            if (File.Exists(c)) files.Add(Path.GetFullPath(c));
            else if (Directory.Exists(c)) files.AddRange(Directory.EnumerateFiles(c, "*.txt", SearchOption.AllDirectories).Select(Path.GetFullPath));
            else { Console.Error.WriteLine($"{c}: error: no such file or folder"); return ExitCodes.Usage; }
        }
        files = files.Where(f => !f.EndsWith(".ocr.txt", StringComparison.Ordinal) && !f.EndsWith(".clean.txt", StringComparison.Ordinal)
            && !exclude.Any(x => Path.GetFileName(f).Contains(x, StringComparison.OrdinalIgnoreCase))).Distinct().ToList();
        var ocrPairs = pairDirs.SelectMany(d => Directory.EnumerateFiles(d.FullName, "*.clean.txt"))
            .Where(f => !exclude.Any(x => Path.GetFileName(f).Contains(x, StringComparison.OrdinalIgnoreCase)))
            .Select(f => (f, f[..^".clean.txt".Length] + ".ocr.txt")).Where(p => File.Exists(p.Item2)).OrderBy(p => p.f, StringComparer.Ordinal).ToList();

        // an -o nothing can be written to is found before the training, not after it
        AtomicFile.ProbeFolder(output.DirectoryName!);
        var clock = Stopwatch.StartNew();
        var (model, report) = new RepairTrainer(Lexicon.Default).Train(new RepairTrainingInput(files, wordLists.Select(w => w.FullName).ToList(), ocrPairs));
        model.Save(output.FullName);
        foreach (var s in report.SkippedAsDamaged) Console.Error.WriteLine($"{s}: skipped: too few marked words for clean Vietnamese");
        Console.Error.WriteLine($"trained on {report.Documents} documents, {report.Tokens:N0} tokens, {ocrPairs.Count} OCR pairs ({report.OcrWordPairs:N0} word pairs)");
        Console.Error.WriteLine($"vocabulary: {report.Syllables:N0} syllables, {report.OtherWords:N0} other words; {report.Bigrams:N0} bigrams, {report.Trigrams:N0} trigrams; marked share {report.MarkedShare:F3}");
        Console.Error.WriteLine($"wrote {output.FullName} ({new FileInfo(output.FullName).Length / 1048576.0:F1} MiB) in {clock.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }
}
