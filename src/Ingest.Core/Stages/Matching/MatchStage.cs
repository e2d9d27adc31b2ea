using System.Text.RegularExpressions;
using Ingest.Core.Catalogue;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Matching;

/// <summary>A candidate with the catalogue code it matched, if any, and the matcher's two best scores.</summary>
public sealed record MatchedCandidate(TargetCandidate Candidate, CatalogueMatch? Match)
{
    public CatalogueScores Scores { get; init; } = CatalogueScores.None;
}

/// <summary>
/// The Match stage. Besides the best code per target it splits one value over coordinated
/// indicators: "100% người dân có định danh và chữ ký số cá nhân" states two targets of 100%.
/// </summary>
public sealed class MatchStage
{
    private readonly CatalogueMatcher _matcher;
    private readonly MatchOptions _options;
    private readonly string[] _subjectVerbs;
    private readonly string[] _aboutWords;
    private readonly Regex _coordination;
    private readonly Regex _leadingCoordinator;

    public MatchStage(IndicatorCatalogue catalogue, Lexicon lexicon, MatchOptions options)
    {
        _matcher = new CatalogueMatcher(catalogue, lexicon);
        _options = options;
        _subjectVerbs = lexicon.SubjectVerbs.Select(VietText.Fold).ToArray();
        _aboutWords = lexicon.AboutWords.Select(VietText.Fold).ToArray();
        var coord = string.Join("|", lexicon.Coordinators.Select(VietText.Fold).Select(Regex.Escape));
        _coordination = new Regex($@",\s*|\s+(?:{coord})\s+", RegexOptions.Compiled);
        var coordWords = string.Join("|", lexicon.Coordinators.Select(Regex.Escape));
        _leadingCoordinator = new Regex($@"^\s*(?:{coordWords})(?:\s+|$)", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    }

    public IReadOnlyList<MatchedCandidate> Run(IReadOnlyList<TargetCandidate> candidates)
    {
        var result = new List<MatchedCandidate>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var c = candidate;
            var cls = ClassOf(c.Unit);
            var ranked = _matcher.Rank(c.MatchText, cls, c.Unit);
            var best = CatalogueMatcher.Best(ranked, _options.MinScore);
            if (best == null && c.ListHead is { } head && WithListHead(c, head, cls, ranked) is { } listed)
                (c, ranked, best) = listed;
            result.Add(new MatchedCandidate(WithCatalogueUnit(c, best), best) { Scores = CatalogueScores.Of(ranked) });
            // "100% A, B và C": one value over coordinated noun phrases that follow it
            if (best == null || !c.IndicatorFollowsValue) continue;
            foreach (var extra in CoordinatedParts(c, best, cls))
                result.Add(new MatchedCandidate(WithCatalogueUnit(c with { Indicator = extra.Text }, extra.Match), extra.Match) { Scores = extra.Scores });
        }
        return result;
    }

    /// <summary>
    /// A later figure of a list whose own words match no entry ("… phủ tới 80% hộ gia đình và 100%
    /// xã": "và xã"), read with the words that open the list. Null when those do not match either,
    /// or when the figure's own words say enough to be another indicator and share nothing with
    /// the entry ("Tỷ trọng kinh tế số đạt 30%, 100% hộ nghèo được hỗ trợ giống cây trồng").
    /// </summary>
    private (TargetCandidate, IReadOnlyList<CatalogueMatch>, CatalogueMatch)? WithListHead(TargetCandidate c, string head, UnitClass cls,
        IReadOnlyList<CatalogueMatch> ownRanking)
    {
        var ranked = _matcher.Rank($"{head} {c.MatchText}", cls, c.Unit);
        if (CatalogueMatcher.Best(ranked, _options.MinScore) is not { } best) return null;
        if (_matcher.Tokens(c.MatchText).Count > MaxWordsOfNoIndicator && !ownRanking.Any(r => r.Code == best.Code)) return null;
        var own = _leadingCoordinator.Replace(c.Indicator, "");
        // the indicator now opens with the list's words, so it no longer follows the value
        return (c with { Indicator = $"{head} {own}".Trim(), MatchText = $"{head} {c.MatchText}", IndicatorFollowsValue = false }, ranked, best);
    }

    /// <summary>A figure's own words up to this many ("và xã", "rồi nâng lên") name no indicator of their own.</summary>
    private const int MaxWordsOfNoIndicator = 2;

    private IEnumerable<(string Text, CatalogueMatch Match, CatalogueScores Scores)> CoordinatedParts(TargetCandidate c, CatalogueMatch main, UnitClass cls)
    {
        var parts = _coordination.Split(c.Indicator).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2) yield break;
        var subject = Subject(parts[0]);
        var used = new HashSet<string> { main.Code };
        for (int i = 0; i < parts.Count; i++)
        {
            if (_matcher.Tokens(parts[i]).Count < 2) continue;
            var query = i == 0 ? parts[0] : $"{subject} {parts[i]}".Trim();
            var ranked = _matcher.Rank(query, cls, c.Unit);
            if (ranked.Count == 0) continue;
            var top = ranked[0];
            var mainHere = ranked.FirstOrDefault(r => r.Code == main.Code)?.Score ?? 0;
            if (used.Contains(top.Code) || top.Score < _options.SplitScore || top.Score - mainHere < _options.SplitMargin) continue;
            // the part must not already be what the whole phrase matched on
            var wholeWithout = string.Join(", ", parts.Where((_, k) => k != i));
            var withoutRank = _matcher.Rank(wholeWithout, cls, c.Unit).FirstOrDefault();
            if (withoutRank?.Code != main.Code) continue;
            used.Add(top.Code);
            yield return (query, top, CatalogueScores.Of(ranked));
        }
    }

    /// <summary>
    /// The words a coordinated phrase's later parts share: its subject, the words up to the first
    /// verb ("người dân" of "người dân có định danh"); none when the phrase says what it is about
    /// ("địa phương dẫn đầu về năng lực cạnh tranh"), whose later parts name another thing it is about.
    /// </summary>
    private string Subject(string firstPart)
    {
        var words = firstPart.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>();
        foreach (var w in words)
        {
            var f = VietText.Fold(w);
            if (_subjectVerbs.Contains(f)) break;
            if (_aboutWords.Contains(f) && kept.Count > 0) return "";
            kept.Add(w);
        }
        return string.Join(' ', kept);
    }

    private TargetCandidate WithCatalogueUnit(TargetCandidate c, CatalogueMatch? m)
    {
        if (m == null || ClassOf(c.Unit) != UnitClass.Count) return c;
        var e = _matcher.Entry(m.Code);
        return e != null && !e.IsPercent && !e.IsRank ? c with { Unit = e.Unit } : c;
    }

    public static UnitClass ClassOf(string unit) => unit switch
    {
        "%" => UnitClass.Percent,
        "rank" => UnitClass.Rank,
        _ => UnitClass.Count,
    };
}
