using Ingest.Core.Model;
using Ingest.Core.Validation;

namespace Ingest.Core.Stages.Matching;

/// <summary>One gold indicator text as the matcher alone answered it: its best entry, kept if it scores at least MinScore.</summary>
public sealed record MatchCheckLine(string Document, GoldTarget Gold, CatalogueMatch? Top, double MinScore)
{
    public CatalogueMatch? Got => Top != null && Top.Score >= MinScore ? Top : null;

    public bool Unlisted => Gold.Codes is ["UNLISTED"];

    /// <summary>A right code, or no code where the gold says no catalogue indicator fits.</summary>
    public bool Right => Unlisted ? Got == null : Got != null && Gold.Codes.Contains(Got.Code);
}

/// <summary>
/// How the matcher alone (no extraction, no pipeline) answers the gold indicator texts: the share
/// of coded texts given a right code and of UNLISTED texts given none. It isolates matching from
/// extraction, so a change to the matcher is measured on every gold line, found or not.
/// </summary>
public sealed record MatchCheck(IReadOnlyList<MatchCheckLine> Lines)
{
    public int Coded => Lines.Count(l => !l.Unlisted);
    public int CodedRight => Lines.Count(l => !l.Unlisted && l.Right);
    public int Unlisted => Lines.Count(l => l.Unlisted);
    public int UnlistedRight => Lines.Count(l => l.Unlisted && l.Right);
    public int Right => CodedRight + UnlistedRight;
    public double Share => Lines.Count == 0 ? 1 : Right / (double)Lines.Count;

    public MatchCheck For(string document) => new(Lines.Where(l => l.Document == document).ToList());

    public IEnumerable<string> Documents => Lines.Select(l => l.Document).Distinct();

    /// <summary>The same answers under another threshold.</summary>
    public MatchCheck At(double minScore) => new(Lines.Select(l => l with { MinScore = minScore }).ToList());

    /// <summary>
    /// The threshold that answers these lines best: the midpoint of the widest-scoring gap among
    /// the best, so a tie does not sit on one line's score.
    /// </summary>
    public double FitThreshold()
    {
        var cuts = Lines.Where(l => l.Top != null).Select(l => l.Top!.Score).Append(0).Append(1).Distinct().Order().ToArray();
        var mids = cuts.Zip(cuts.Skip(1), (a, b) => (a + b) / 2).ToArray();
        int best = mids.Max(m => At(m).Right);
        var winners = mids.Where(m => At(m).Right == best).ToArray();
        return winners[winners.Length / 2];
    }

    /// <summary>
    /// The share when each document is answered with the threshold fitted on all the others:
    /// what a fitted threshold is worth on a document it has not seen.
    /// </summary>
    public (double Share, IReadOnlyList<(string Document, double Threshold)> Thresholds) LeaveOneDocumentOut()
    {
        var thresholds = Documents.Select(d => (d, new MatchCheck(Lines.Where(l => l.Document != d).ToList()).FitThreshold())).ToList();
        var answered = new MatchCheck(thresholds.SelectMany(t => For(t.d).At(t.Item2).Lines).ToList());
        return (answered.Share, thresholds);
    }

    /// <summary>Answers every gold text of the given documents, each with its gold unit class.</summary>
    public static MatchCheck Run(CatalogueMatcher matcher, double minScore, IEnumerable<(string Document, IReadOnlyList<GoldTarget> Gold)> documents) =>
        new(documents.SelectMany(d => d.Gold
                .Where(g => g.Text.Trim().Length > 0)
                .Select(g => new MatchCheckLine(d.Document, g, matcher.Rank(g.Text, MatchStage.ClassOf(g.Unit), g.Unit).FirstOrDefault(), minScore)))
            .ToList());

    /// <summary>Every *.gold.jsonl in the folders, named by file stem.</summary>
    public static IEnumerable<(string Document, IReadOnlyList<GoldTarget> Gold)> GoldIn(IEnumerable<string> folders) =>
        folders.SelectMany(f => Directory.GetFiles(f, "*.gold.jsonl").Order(StringComparer.Ordinal))
            .Select(p => (Path.GetFileName(p)[..^".gold.jsonl".Length], GoldAnswers.Load(p)));
}
