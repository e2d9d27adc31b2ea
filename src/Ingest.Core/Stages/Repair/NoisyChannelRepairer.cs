using System.Globalization;
using Ingest.Core.Model;
using System.Text;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair;

/// <summary>What repair did to a document's lines.</summary>
public sealed record TextRepair(IReadOnlyList<string> Lines, int Words, int ChangedWords, DamageMix Damage);

/// <summary>Repairs a whole document's lines, in reading order (context flows from line to line).</summary>
public interface ITextRepairer
{
    TextRepair Repair(IReadOnlyList<string> lines);

    /// <summary>Whether a lower-case word is one the repairer knows as written, marks and all.</summary>
    bool Knows(string lowerWord);
}

/// <summary>
/// Noisy-channel repair: for every word, the vocabulary words it may have been (channel:
/// stripped marks and learnt OCR confusions, mixed in the proportions this document shows),
/// then the most probable line under the trigram model. A document that reads as clean
/// Vietnamese keeps every known word as it is; only words outside the vocabulary are looked at.
/// </summary>
public sealed class NoisyChannelRepairer : ITextRepairer
{
    private readonly RepairModel _model;
    private readonly CandidateSearch _search;
    private readonly RepairTokenizer _tokenizer;
    private readonly LineDecoder _decoder;
    private readonly HashSet<string> _unmarkedForms;

    public NoisyChannelRepairer(RepairModel model)
    {
        _model = model;
        _search = new CandidateSearch(model.Vocabulary);
        _tokenizer = new RepairTokenizer(model.Confusion.InWordSymbols);
        _decoder = new LineDecoder(model.Language);
        _unmarkedForms = Enumerable.Range(Vocabulary.FirstWord, model.Vocabulary.Count - Vocabulary.FirstWord)
            .Select(id => VietOrthography.StripMarks(model.Vocabulary.Surface(id).ToLowerInvariant())).ToHashSet(StringComparer.Ordinal);
    }

    public TextRepair Repair(IReadOnlyList<string> lines)
    {
        var tokenized = lines.Select(l => _tokenizer.Tokenize(l)).ToArray();
        var damage = EstimateDamage(lines, tokenized);
        bool clean = damage.Kept >= 0.9;
        var costs = new ChannelCosts(_model.Confusion, damage);
        if (damage.Ocr < AdaptFromOcrShare) return RepairAll(lines, tokenized, costs, clean, damage, readings: null);

        // An OCR's confusions depend on its font and scan: the first reading of the document
        // shows which ones this text has, and the second reads it with them (candidates are
        // searched again, since a confusion common here can bring words the first search left out).
        var readings = new ConfusionCounts();
        RepairAll(lines, tokenized, costs, clean, damage, readings);
        var adapted = readings.AdaptedFrom(_model.Confusion, AdaptationStrength);
        return RepairAll(lines, tokenized, new ChannelCosts(adapted, damage), clean, damage, readings: null);
    }

    // Stripped text has one confusion (a mark lost) that needs no learning; below this share of
    // OCR damage a second reading costs time for little. The strength is the prior's weight in
    // letters: a letter read 20 times in this document counts as much as everything learnt before.
    private const double AdaptFromOcrShare = 0.2, AdaptationStrength = 20;

    private TextRepair RepairAll(IReadOnlyList<string> lines, List<RepairToken>[] tokenized, ChannelCosts costs, bool clean,
        DamageMix damage, ConfusionCounts? readings)
    {
        var candidates = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var output = new string[lines.Count];
        int words = 0, changed = 0;
        var context = LmContext.Start;
        var ocrOnly = readings == null ? null : new ChannelCosts(_model.Confusion, new DamageMix(0, 0, 1));
        for (int i = 0; i < lines.Count; i++)
        {
            var (text, w, c, end) = RepairLine(lines[i], tokenized[i], costs, clean, candidates, context,
                readings == null ? null : (id, observed) => readings.Add(_model.Vocabulary.Surface(id).ToLowerInvariant(), observed, ocrOnly));
            output[i] = text; words += w; changed += c; context = end;
        }
        return new TextRepair(output, words, changed, damage);
    }

    private (string Text, int Words, int Changed, LmContext End) RepairLine(string line, List<RepairToken> tokens,
        ChannelCosts costs, bool clean, Dictionary<string, List<Candidate>> cache, LmContext context, Action<int, string>? read)
    {
        var vocab = _model.Vocabulary;
        var slots = new List<Slot>();
        var slotToken = new List<int>();
        int words = 0;
        bool anyUnknown = false;
        // capitals in a line of small letters are an acronym; in a line of capitals (a heading) they may be any word, misread
        bool amidSmallLetters = line.Count(char.IsLower) > line.Count(char.IsUpper);
        for (int t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            switch (tok.Kind)
            {
                case RepairTokenKind.Space: continue;
                case RepairTokenKind.Number: slots.Add(Slot.Fixed(Vocabulary.Number)); break;
                case RepairTokenKind.Code when clean || !RepairTokenizer.IsMixedCase(line.AsSpan(tok.Start, tok.Length)):
                    slots.Add(Slot.Fixed(Vocabulary.Code)); break;
                case RepairTokenKind.Punct:
                    slots.Add(Slot.Fixed(vocab.MarkId(line[tok.Start]), Vocabulary.EndsSentence(line[tok.Start])));
                    break;
                default:
                    // words, and in damaged text a capital inside a word ("triJn") is a misread letter, not a brand
                    words++;
                    var word = tok.Of(line);
                    var lower = word.ToLower(CultureInfo.InvariantCulture);
                    int known = KnownId(lower);
                    if (known == Vocabulary.Unknown) anyUnknown = true;
                    var wordCase = VietOrthography.CaseOf(word);
                    var choices = new List<Choice>();
                    if (clean && known != Vocabulary.Unknown) choices.Add(new Choice(known, 0f, word));
                    else
                    {
                        // capitals that nothing known spells even without its marks ("GII", "EGDI") are an acronym
                        if ((clean || amidSmallLetters) && known == Vocabulary.Unknown && IsAllCapitals(word) && !_unmarkedForms.Contains(VietOrthography.StripMarks(lower)))
                        {
                            slots.Add(Slot.Fixed(Vocabulary.Code));
                            break;
                        }
                        if (!cache.TryGetValue(lower, out var found)) cache[lower] = found = _search.Find(lower, costs, _model.Language.LogProb);
                        bool acronym = IsAcronym(word);
                        foreach (var cand in found)
                            if (!acronym || !_model.Vocabulary.IsSyllable(cand.Id))
                                choices.Add(new Choice(cand.Id, cand.ChannelCost, cand.Id == known ? word : Write(cand.Id, wordCase)));
                        if (known == Vocabulary.Unknown)
                            choices.Add(new Choice(word.Any(char.IsDigit) ? Vocabulary.Code : Vocabulary.Unknown, KeepCost(costs), word));
                        else if (!found.Any(f => f.Id == known))
                            choices.Add(new Choice(known, 0f, word));
                    }
                    slots.Add(Slot.Word(choices));
                    break;
            }
            slotToken.Add(t);
        }
        if (words == 0 || (clean && !anyUnknown)) return (line, words, 0, Advance(context, slots));

        var (picks, end) = _decoder.Decode(slots, context);
        var sb = new StringBuilder(line.Length + 8);
        int changed = 0, slot = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            var tok = tokens[t];
            if (slot < slotToken.Count && slotToken[slot] == t)
            {
                var s = slots[slot];
                if (s.Choices != null)
                {
                    var choice = s.Choices[picks[slot]];
                    var text = choice.Text;
                    if (read != null && choice.Id >= Vocabulary.FirstWord) read(choice.Id, tok.Of(line).ToLower(CultureInfo.InvariantCulture));
                    if (text != tok.Of(line)) changed++;
                    sb.Append(text);
                }
                else sb.Append(line, tok.Start, tok.Length);
                slot++;
            }
            else sb.Append(line, tok.Start, tok.Length);
        }
        return (sb.ToString(), words, changed, end);
    }

    // Capitals without a vowel ("CNTT", "KT", "HDND") are an acronym, perhaps with a lost mark, not
    // a garbled syllable: OCR reads a marked vowel as some vowel, symbol or "J" (no Vietnamese
    // letter), seldom as nothing.
    private static bool IsAcronym(string word) =>
        word.Length >= 2 && word.All(c => char.IsLetter(c) && char.IsUpper(c) && c != 'J' && !VietOrthography.IsVowel(char.ToLowerInvariant(c)));

    private static bool IsAllCapitals(string word) => word.Length >= 2 && word.All(c => char.IsLetter(c) && char.IsUpper(c));

    public bool Knows(string lowerWord) => KnownId(lowerWord) != Vocabulary.Unknown;

    // A word the vocabulary knows as written, marks and all (either tone placement).
    private int KnownId(string lower)
    {
        int id = _model.Vocabulary.Find(lower, syllable: true);
        return id != Vocabulary.Unknown ? id : _model.Vocabulary.Find(lower, syllable: false);
    }

    // Keeping a word nobody knows is plausible in clean text (a name, a foreign word) and
    // less so the more of the document was damaged.
    private static float KeepCost(ChannelCosts costs) => 2f + 6f * (float)(1 - costs.Mix.Kept);

    // A word in the case it was read in; an acronym as the corpus writes it ("HĐND")
    private string Write(int id, WordCase wordCase)
    {
        var surface = _model.Vocabulary.Surface(id);
        if (!_model.Vocabulary.IsSyllable(id) && surface.Any(char.IsUpper)) return surface;
        return VietOrthography.ApplyCase(surface, wordCase == WordCase.Mixed ? WordCase.Lower : wordCase);
    }

    private LmContext Advance(LmContext context, List<Slot> slots)
    {
        int u = context.U, v = context.V;
        foreach (var s in slots)
        {
            int id = s.Choices != null ? s.Choices[0].Id : s.FixedId;
            if (s.EndsSentence) { u = v = Vocabulary.SentenceStart; continue; }
            u = v; v = id;
        }
        return new LmContext(u, v);
    }

    /// <summary>
    /// The document's damage, from two signs: words carrying marks (clean Vietnamese has
    /// <see cref="RepairModel.MarkedShare"/> of them; stripped text has none) and words that no
    /// vocabulary word explains even with its marks taken off (few in clean or stripped text,
    /// many after OCR that did not know Vietnamese: "s6", "thwe").
    /// </summary>
    public DamageMix EstimateDamage(IReadOnlyList<string> lines, IReadOnlyList<List<RepairToken>> tokens)
    {
        int words = 0, marked = 0, unknown = 0;
        for (int i = 0; i < lines.Count; i++)
            foreach (var t in tokens[i])
            {
                if (t.Kind != RepairTokenKind.Word) continue;
                var lower = t.Of(lines[i]).ToLower(CultureInfo.InvariantCulture);
                words++;
                if (lower.Any(VietOrthography.HasMark)) marked++;
                if (KnownId(lower) == Vocabulary.Unknown && !_unmarkedForms.Contains(VietOrthography.StripMarks(lower))) unknown++;
            }
        if (words == 0) return DamageMix.Clean;
        double markedShare = marked / (double)words, unknownShare = unknown / (double)words;
        double stripped = Math.Clamp(1 - markedShare / _model.MarkedShare, 0, 1);
        double ocr = Math.Clamp((unknownShare - 0.02) / 0.15, 0, 1) * 0.9;
        // clean text varies around the mean share of marks: only a clear shortfall counts as stripping
        if (stripped < 0.15) stripped = 0;
        return new DamageMix(1 - Math.Max(0.02, ocr) - (1 - ocr) * stripped, (1 - ocr) * stripped, Math.Max(0.02, ocr)).Quantized();
    }
}
