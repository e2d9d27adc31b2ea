using System.Globalization;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair.Training;

/// <summary>Where the repair model learns from.</summary>
/// <param name="CorpusFiles">Clean Vietnamese text, one file per document (laws, clean plans).</param>
/// <param name="WordListFiles">Word lists (one word or phrase a line) that widen the syllable inventory.</param>
/// <param name="OcrPairs">Printed text and what OCR read back from it, for the confusion model.</param>
public sealed record RepairTrainingInput(
    IReadOnlyList<string> CorpusFiles,
    IReadOnlyList<string> WordListFiles,
    IReadOnlyList<(string CleanFile, string OcrFile)> OcrPairs);

/// <summary>What training read and built, for the command's report.</summary>
public sealed record RepairTrainingReport(int Documents, IReadOnlyList<string> SkippedAsDamaged, long Tokens, int Syllables,
    int OtherWords, int Bigrams, int Trigrams, int OcrWordPairs, double MarkedShare);

/// <summary>
/// Builds a <see cref="RepairModel"/>: syllable inventory and vocabulary from the corpus and
/// word lists, the trigram model from the corpus, the confusion model from the OCR pairs.
/// Deterministic: the same input gives the same model file.
/// </summary>
public sealed class RepairTrainer(Lexicon lexicon)
{
    private const int OtherWordMinCount = 3, MarkMinCount = 20;
    private readonly SyllableShape _shape = new(lexicon);

    public (RepairModel Model, RepairTrainingReport Report) Train(RepairTrainingInput input)
    {
        var documents = new List<string[]>();
        var skipped = new List<string>();
        long words = 0, marked = 0;
        foreach (var file in input.CorpusFiles.OrderBy(f => f, StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(file).Select(VietText.Clean).ToArray();
            var (w, m) = CountMarked(lines);
            if (w == 0 || m / (double)w < 0.45) { skipped.Add(file); continue; }
            documents.Add(lines);
            words += w; marked += m;
        }

        var syllableForms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var otherForms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var marks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var lines in documents)
            foreach (var line in lines)
                foreach (var t in RepairTokenizer.Clean.Tokenize(line))
                {
                    if (t.Kind == RepairTokenKind.Punct) { var m = t.Of(line); marks[m] = marks.GetValueOrDefault(m) + 1; continue; }
                    if (t.Kind != RepairTokenKind.Word) continue;
                    var word = t.Of(line);
                    if (word.Any(char.IsDigit)) continue;
                    var lower = word.ToLower(CultureInfo.InvariantCulture);
                    if (_shape.IsSyllable(lower)) Count(syllableForms, VietOrthography.ToneKey(lower), lower);
                    else Count(otherForms, lower, word);
                }
        foreach (var file in input.WordListFiles)
            foreach (var entry in File.ReadLines(file))
                foreach (var part in VietText.Clean(entry).ToLower(CultureInfo.InvariantCulture).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
                    if (part.All(char.IsLetter) && _shape.IsSyllable(part))
                    {
                        var key = VietOrthography.ToneKey(part);
                        if (!syllableForms.ContainsKey(key)) syllableForms[key] = new() { [part] = 0 };
                    }

        var entries = new List<(string, bool)>();
        foreach (var key in syllableForms.Keys.OrderBy(k => k, StringComparer.Ordinal)) entries.Add((MostUsed(syllableForms[key]), true));
        int syllables = entries.Count;
        foreach (var key in otherForms.Keys.OrderBy(k => k, StringComparer.Ordinal))
            if (otherForms[key].Values.Sum() >= OtherWordMinCount) entries.Add((MostUsed(otherForms[key]), false));
        foreach (var m in marks.Keys.OrderBy(k => k, StringComparer.Ordinal))
            if (marks[m] >= MarkMinCount && !Vocabulary.EndsSentence(m[0])) entries.Add((m, false));
        var vocabulary = new Vocabulary(entries);

        var kn = new KneserNeyTrainer(vocabulary.Count);
        var sentence = new List<int>();
        foreach (var lines in documents)
            foreach (var line in lines)
            {
                foreach (var t in RepairTokenizer.Clean.Tokenize(line))
                {
                    if (t.Kind == RepairTokenKind.Space) continue;
                    if (t.Kind == RepairTokenKind.Punct && Vocabulary.EndsSentence(line[t.Start]))
                    {
                        if (sentence.Count > 0) kn.Add(sentence);
                        sentence.Clear();
                        continue;
                    }
                    sentence.Add(vocabulary.IdOf(line, t, _shape));
                }
                if (sentence.Count > 0) kn.Add(sentence);
                sentence.Clear();
            }
        var lm = kn.Build();

        var confusion = new ConfusionTrainer();
        foreach (var (clean, ocr) in input.OcrPairs) confusion.AddDocument(File.ReadAllText(clean), File.ReadAllText(ocr));
        var confusionModel = confusion.Build();

        double markedShare = words == 0 ? 0.7 : marked / (double)words;
        var model = new RepairModel(vocabulary, lm, confusionModel, markedShare);
        var report = new RepairTrainingReport(documents.Count, skipped, kn.Tokens, syllables, vocabulary.Count - Vocabulary.FirstWord - syllables,
            lm.BigramCount, lm.TrigramCount, confusion.WordPairs, markedShare);
        return (model, report);
    }

    /// <summary>How many words a text has, and how many of them carry a Vietnamese mark.</summary>
    private static (long Words, long Marked) CountMarked(IEnumerable<string> lines)
    {
        long words = 0, marked = 0;
        foreach (var line in lines)
            foreach (var t in RepairTokenizer.Clean.Tokenize(line))
                if (t.Kind == RepairTokenKind.Word)
                {
                    words++;
                    if (t.Of(line).Any(VietOrthography.HasMark)) marked++;
                }
        return (words, marked);
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> forms, string key, string surface)
    {
        if (!forms.TryGetValue(key, out var d)) forms[key] = d = new Dictionary<string, int>(StringComparer.Ordinal);
        d[surface] = d.GetValueOrDefault(surface) + 1;
    }

    private static string MostUsed(Dictionary<string, int> forms) =>
        forms.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
}
