using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Matching;

/// <summary>
/// Turns an indicator phrase into matching terms: folded syllables with synonyms unified
/// ("truy nhập" = "truy cập", "chứng thư số" = "chữ ký số"), stopwords dropped, plus adjacent pairs
/// so that "chữ ký số" and "ký số" weigh more than the syllables alone.
/// </summary>
public sealed partial class TermVectorizer
{
    private readonly (Regex Pattern, string Replacement)[] _synonyms;
    private readonly Regex? _stop;

    [GeneratedRegex(@"[\p{L}\p{N}&]+")]
    private static partial Regex Token();

    public TermVectorizer(Lexicon lexicon)
    {
        _synonyms = lexicon.MatchSynonyms
            .Where(p => p.Count == 2)
            .OrderByDescending(p => p[0].Length)
            .Select(p => (new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(VietText.Fold(p[0]))}(?![\p{{L}}\p{{N}}])", RegexOptions.Compiled), $" {VietText.Fold(p[1])} "))
            .ToArray();
        var stops = lexicon.MatchStopwords.Select(VietText.Fold).Where(s => s.Any(char.IsLetterOrDigit)).OrderByDescending(s => s.Length).Select(Regex.Escape).ToArray();
        _stop = stops.Length == 0 ? null : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join("|", stops)})(?![\p{{L}}\p{{N}}])", RegexOptions.Compiled);
    }

    public IReadOnlyList<string> Tokens(string phrase)
    {
        var s = VietText.Fold(phrase);
        foreach (var (p, r) in _synonyms) s = p.Replace(s, r);
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
