using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Matching;

/// <summary>
/// Turns an indicator phrase into matching terms: folded syllables with spelling variants and
/// synonyms unified ("tỉ lệ" = "tỷ lệ", "truy nhập" = "truy cập", "DN" = "doanh nghiệp"), stopwords
/// dropped, plus adjacent pairs so that "chữ ký số" and "ký số" weigh more than the syllables alone.
/// </summary>
public sealed partial class TermVectorizer
{
    private readonly (Regex Pattern, string Replacement, bool Again)[] _synonyms;
    private readonly Regex? _stop;

    [GeneratedRegex(@"[\p{L}\p{N}&]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A syllable of consonants and a final "y" ("tỷ", "kỹ", "lý", "mỹ"): both "y" and "i" are
    // correct spellings there ("tỉ lệ", "kĩ năng"), and plans use both. "quy" is not one ("u" is a vowel).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])([bcdđghklmnprstvx]+)([yýỳỷỹỵ])(?![\p{L}\p{N}])")]
    private static partial Regex ConsonantY();

    public TermVectorizer(Lexicon lexicon)
    {
        _synonyms = lexicon.MatchSynonyms
            .Where(p => p.Count == 2)
            .OrderByDescending(p => p[0].Length)
            .Select(p => (Pattern: new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(Fold(p[0]))}(?![\p{{L}}\p{{N}}])", RegexOptions.Compiled), Replacement: $" {Fold(p[1])} "))
            // a synonym whose replacement holds its own phrase would grow on a second pass
            .Select(p => (p.Pattern, p.Replacement, !p.Pattern.IsMatch(p.Replacement)))
            .ToArray();
        var stops = lexicon.MatchStopwords.Select(Fold).Where(s => s.Any(char.IsLetterOrDigit)).OrderByDescending(s => s.Length).Select(Regex.Escape).ToArray();
        _stop = stops.Length == 0 ? null : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join("|", stops)})(?![\p{{L}}\p{{N}}])", RegexOptions.Compiled);
    }

    /// <summary>Lower case, one tone placement, one spelling of the consonant + y/i syllables.</summary>
    public static string Fold(string s) => ConsonantY().Replace(VietText.Fold(s), m => m.Groups[1].Value + IForY(m.Groups[2].Value[0]));

    private static char IForY(char y) => y switch
    {
        'ý' => 'í', 'ỳ' => 'ì', 'ỷ' => 'ỉ', 'ỹ' => 'ĩ', 'ỵ' => 'ị', _ => 'i',
    };

    /// <summary>
    /// The phrase folded with synonyms unified, every word kept, as single-space-separated words.
    /// Synonyms are applied twice so that one made by another still unifies ("DVC trực tuyến"
    /// becomes "dịch vụ công trực tuyến", then the one term for it).
    /// </summary>
    public string Normal(string phrase) => string.Join(' ', Token().Matches(Unify(phrase)).Select(m => m.Value));

    private string Unify(string phrase)
    {
        var s = Fold(phrase);
        foreach (var (p, r, _) in _synonyms) s = p.Replace(s, r);
        s = Spaces().Replace(s, " ");
        foreach (var (p, r, again) in _synonyms) if (again) s = p.Replace(s, r);
        return s;
    }

    public IReadOnlyList<string> Tokens(string phrase)
    {
        var s = Unify(phrase);
        if (_stop != null) s = _stop.Replace(s, " ");
        return Token().Matches(s).Select(m => m.Value).ToArray();
    }

    public HashSet<string> Terms(string phrase)
    {
        var tokens = Tokens(phrase);
        var set = new HashSet<string>(tokens, StringComparer.Ordinal);
        for (int i = 0; i + 1 < tokens.Count; i++) set.Add(tokens[i] + " " + tokens[i + 1]);
        return set;
    }
}
