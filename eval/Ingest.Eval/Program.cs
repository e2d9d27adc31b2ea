using System.Globalization;
using System.Text;
using Ingest.Core.Stages.Repair.Training;
using Ingest.Core.Text;

namespace Ingest.Eval;

/// <summary>
/// Tools the evaluation scripts call:
///   render TEXT OUTDIR [FONT [PIXELS]]   pages of TEXT as 300-dpi PNGs (wrapped lines; OUTDIR/printed.txt is what was drawn)
///   strip TEXT           TEXT with every Vietnamese mark removed, to stdout
///   score-restore CLEAN REPAIRED        syllable accuracy of a restoration, line by line
///   score-ocr CLEAN OCR REPAIRED [MISSES]   share of OCR-damaged syllables the repair put right
///                                       (MISSES: a TSV of printed, OCR and repaired word where repair is wrong)
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (args.Length == 0) { Console.Error.WriteLine("usage: ingest-eval render|bowed|strip|score-restore|score-ocr ..."); return 2; }
        switch (args[0])
        {
            case "render": Render(args[1], args[2], args.Length > 3 ? args[3] : "DejaVu Serif", args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 50); return 0;
            case "bowed": TextImage.WriteBowed(args[2], File.ReadAllLines(args[1]), double.Parse(args[3], CultureInfo.InvariantCulture)); return 0;
            case "strip": Console.Write(VietOrthography.StripMarks(VietText.Clean(File.ReadAllText(args[1])))); return 0;
            case "score-restore": return ScoreRestore(args[1], args[2]);
            case "score-ocr": return ScoreOcr(args[1], args[2], args[3], args.Length > 4 ? args[4] : null);
            default: Console.Error.WriteLine($"unknown command {args[0]}"); return 2;
        }
    }

    private static void Render(string textFile, string outDir, string font, double size)
    {
        const int perPage = 40;
        int width = (int)(68 * 50 / size);
        Directory.CreateDirectory(outDir);
        var lines = File.ReadAllLines(textFile).Select(VietText.Clean).Select(l => l.Trim())
            .Where(l => l.Length > 0).SelectMany(l => Wrap(l, width)).ToList();
        File.WriteAllLines(Path.Combine(outDir, "printed.txt"), lines);
        for (int p = 0; p * perPage < lines.Count; p++)
            TextImage.Write(Path.Combine(outDir, $"page-{p + 1:D3}.png"), lines.Skip(p * perPage).Take(perPage).ToList(), 0, font, size);
    }

    private static IEnumerable<string> Wrap(string line, int width)
    {
        var sb = new StringBuilder();
        foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0 && sb.Length + 1 + w.Length > width) { yield return sb.ToString(); sb.Clear(); }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    // Restoration is scored on syllables only: codes ("57-NQ/TW") are kept, not restored. OCR
    // output is scored on every word with a letter, since "s6" is a damaged syllable.
    private static string[] Syllables(string text, bool lettersOnly = false) =>
        VietText.Clean(text).Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '(', ')', '"', '“', '”', '-', '–', '!', '?'))
            .Where(w => w.Any(char.IsLetter) && (!lettersOnly || w.All(char.IsLetter))).ToArray();

    private static string Norm(string w) => VietText.Fold(w);

    /// <summary>Restoration of stripped text keeps words in place, so syllables compare one for one.</summary>
    private static int ScoreRestore(string cleanFile, string repairedFile)
    {
        var clean = File.ReadAllLines(cleanFile);
        var repaired = File.ReadAllLines(repairedFile);
        if (clean.Length != repaired.Length) { Console.Error.WriteLine($"line counts differ: {clean.Length} vs {repaired.Length}"); return 1; }
        int total = 0, right = 0, markedTotal = 0, markedRight = 0;
        for (int i = 0; i < clean.Length; i++)
        {
            var a = Syllables(clean[i], lettersOnly: true);
            var b = Syllables(repaired[i], lettersOnly: true);
            for (int k = 0; k < Math.Min(a.Length, b.Length); k++)
            {
                total++;
                bool ok = Norm(a[k]) == Norm(b[k]);
                if (ok) right++;
                if (a[k] != VietOrthography.StripMarks(a[k])) { markedTotal++; if (ok) markedRight++; }
            }
            total += Math.Abs(a.Length - b.Length);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"syllables {total} correct {right} accuracy {100.0 * right / Math.Max(1, total):F2}% (marked syllables {100.0 * markedRight / Math.Max(1, markedTotal):F2}%)"));
        return 0;
    }

    /// <summary>
    /// OCR text is aligned with what was printed word by word; a damaged syllable is one OCR read
    /// differently, and it is corrected when the repaired word in the same place equals the printed one.
    /// Repair keeps the OCR words' number and order, so repaired word k stands for OCR word k.
    /// </summary>
    private static int ScoreOcr(string cleanFile, string ocrFile, string repairedFile, string? missesFile)
    {
        var printed = Syllables(File.ReadAllText(cleanFile));
        var clean = printed.Select(Norm).ToArray();
        var ocr = Syllables(File.ReadAllText(ocrFile));
        var repaired = Syllables(File.ReadAllText(repairedFile));
        if (ocr.Length != repaired.Length) { Console.Error.WriteLine($"word counts differ: {ocr.Length} vs {repaired.Length}"); return 1; }
        var ocrNorm = ocr.Select(Norm).ToArray();
        int aligned = 0, damaged = 0, corrected = 0, broken = 0;
        var misses = new StringBuilder();
        foreach (var (i, j) in ConfusionTrainer.AlignIndices(clean, ocrNorm))
        {
            aligned++;
            bool wasRight = clean[i] == ocrNorm[j], isRight = clean[i] == Norm(repaired[j]);
            if (!wasRight) { damaged++; if (isRight) corrected++; }
            else if (!isRight) broken++;
            if (!isRight) misses.Append(printed[i]).Append('\t').Append(ocr[j]).Append('\t').Append(repaired[j]).Append('\t').Append(wasRight ? "broken" : "missed").Append('\n');
        }
        if (missesFile != null) File.WriteAllText(missesFile, misses.ToString());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"printed {clean.Length} aligned {aligned} damaged {damaged} corrected {corrected} ({100.0 * corrected / Math.Max(1, damaged):F2}%) broken {broken} word-accuracy-before {100.0 * (aligned - damaged) / Math.Max(1, aligned):F2}% after {100.0 * (aligned - damaged + corrected - broken) / Math.Max(1, aligned):F2}%"));
        return 0;
    }
}
