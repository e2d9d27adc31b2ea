using Ingest.Core.Catalogue;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;

namespace Ingest.Core.Stages.Matching;

/// <summary>
/// Scores an indicator phrase against every catalogue entry (its label and each alias) by
/// IDF-weighted term overlap, leaning on how much of the entry the phrase covers. Terms that many
/// entries share ("tỷ lệ", "cán bộ") weigh little; distinctive ones ("5G", "HĐND", "VNeID") a lot.
/// A unit that contradicts the entry's (a rank against a percentage) costs most of the score, and
/// so does a contrast (<see cref="MatchContrasts"/>): another population, generation or measure.
/// </summary>
public sealed class CatalogueMatcher
{
    private readonly IndicatorCatalogue _catalogue;
    private readonly TermVectorizer _terms;
    private readonly Dictionary<string, double> _idf;
    private readonly (CatalogueEntry Entry, HashSet<string> Terms, double Weight)[] _variants;
    private readonly double _defaultIdf;
    private readonly (string Phrase, int Group, int Member)[] _memberPhrases;
    private readonly (string Phrase, int Mark)[] _markPhrases;
    private readonly Dictionary<string, ContrastProfile> _entryProfiles;
    private readonly HashSet<string> _knownNouns;

    /// <summary>What a unit that contradicts the entry's leaves of a score: enough to rank, rarely enough to pass.</summary>
    private const double Contradiction = 0.4;

    /// <summary>
    /// What a contrast leaves: less than a unit, which extraction may have misread, while a contrast
    /// is a word the text states; even a text worded like the entry stays under the threshold.
    /// </summary>
    private const double Contrasted = 0.25;

    public CatalogueMatcher(IndicatorCatalogue catalogue, Lexicon lexicon, MatchContrasts? contrasts = null)
    {
        _catalogue = catalogue;
        _terms = new TermVectorizer(lexicon);
        contrasts ??= MatchContrasts.Default;
        _memberPhrases = contrasts.Groups
            .SelectMany((g, gi) => g.Members.SelectMany((m, mi) => m.Select(p => (_terms.Normal(p), gi, mi))))
            .Where(p => p.Item1.Length > 0).ToArray();
        _markPhrases = contrasts.Marks.Select((m, i) => (_terms.Normal(m), i)).Where(p => p.Item1.Length > 0).ToArray();
        // an entry names what any of its wordings names: aliases often leave the population out
        _entryProfiles = catalogue.Entries.ToDictionary(e => e.Code,
            e => Profile(string.Join(" | ", new[] { e.Label }.Concat(e.Aliases))), StringComparer.Ordinal);
        var perEntry = catalogue.Entries
            .Select(e => (Entry: e, Variants: new[] { e.Label }.Concat(e.Aliases).Select(_terms.Terms).ToList()))
            .ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, variants) in perEntry)
            foreach (var t in variants.SelectMany(v => v).Distinct())
                df[t] = df.GetValueOrDefault(t) + 1;
        int n = perEntry.Count;
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + n / (double)kv.Value), StringComparer.Ordinal);
        _defaultIdf = Math.Log(1.0 + n);
        _variants = perEntry.SelectMany(p => p.Variants.Select(v => (p.Entry, v, v.Sum(Idf)))).ToArray();
        // only a noun the lexicon or the catalogue counts can contradict an entry; a unit cell OCR
        // garbled ("TH liệu thành xã" for "Trung tâm") says nothing
        _knownNouns = lexicon.CountNouns.Select(c => TermVectorizer.Fold(c.Noun))
            .Concat(catalogue.Entries.Select(e => TermVectorizer.Fold(e.CountedNoun ?? "")))
            .Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private double Idf(string term) => _idf.TryGetValue(term, out var w) ? w : _defaultIdf;

    /// <summary>
    /// All entries with their best score for this phrase, best first. <paramref name="countNoun"/>:
    /// what a count counts ("camera", "lớp"), when the text says; a count entry of another noun
    /// contradicts it as a percentage entry does.
    /// </summary>
    public IReadOnlyList<CatalogueMatch> Rank(string phrase, UnitClass unit, string? countNoun = null)
    {
        var noun = unit == UnitClass.Count && !string.IsNullOrWhiteSpace(countNoun) ? TermVectorizer.Fold(countNoun.Split('/')[0].Trim()) : null;
        if (noun != null && !_knownNouns.Contains(noun)) noun = null;
        var q = _terms.Terms(phrase);
        if (q.Count == 0) return [];
        double qWeight = q.Sum(t => _idf.ContainsKey(t) ? Idf(t) : 0.3);
        var profile = Profile(phrase);
        var best = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (entry, terms, weight) in _variants)
        {
            double shared = 0;
            foreach (var t in terms) if (q.Contains(t)) shared += Idf(t);
            if (shared == 0) continue;
            double recall = shared / weight, precision = Math.Min(1, shared / qWeight);
            const double beta2 = 4.0;
            double f = (1 + beta2) * precision * recall / (beta2 * precision + recall);
            if (!UnitFits(entry, unit) || noun != null && TermVectorizer.Fold(entry.CountedNoun) != noun) f *= Contradiction;
            if (profile.Contradicts(_entryProfiles[entry.Code])) f *= Contrasted;
            if (f > best.GetValueOrDefault(entry.Code)) best[entry.Code] = f;
        }
        return best.OrderByDescending(kv => kv.Value).Select(kv => new CatalogueMatch(kv.Key, Math.Round(kv.Value, 3))).ToList();
    }

    /// <summary>The best entry if it scores at least <paramref name="minScore"/>; else none, rather than the nearest code.</summary>
    public CatalogueMatch? Best(string phrase, UnitClass unit, double minScore, string? countNoun = null) =>
        Best(Rank(phrase, unit, countNoun), minScore);

    /// <summary>The first of a ranking if it scores at least <paramref name="minScore"/>.</summary>
    public static CatalogueMatch? Best(IReadOnlyList<CatalogueMatch> ranked, double minScore) =>
        ranked is [var top, ..] && top.Score >= minScore ? top : null;

    /// <summary>The contrast members and marks a text names.</summary>
    public ContrastProfile Profile(string text)
    {
        var words = $" {_terms.Normal(text)} ";
        return new ContrastProfile(
            _memberPhrases.Where(p => words.Contains($" {p.Phrase} ", StringComparison.Ordinal)).Select(p => (p.Group, p.Member)).ToHashSet(),
            _markPhrases.Where(p => words.Contains($" {p.Phrase} ", StringComparison.Ordinal)).Select(p => p.Mark).ToHashSet());
    }

    public CatalogueEntry? Entry(string code) => _catalogue.Find(code);

    public IReadOnlyList<string> Tokens(string phrase) => _terms.Tokens(phrase);

    private static bool UnitFits(CatalogueEntry e, UnitClass u) => u switch
    {
        UnitClass.Percent => e.IsPercent || e.IsPerHead,
        UnitClass.Rank => e.IsRank,
        _ => !e.IsPercent && !e.IsRank,
    };
}
