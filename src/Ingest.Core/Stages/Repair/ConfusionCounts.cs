using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// What intended letters became in aligned word pairs (intended, observed; lower case), and the
/// confusion model those counts give: learnt from OCR pairs in training, and from a document's
/// own first reading when repair adapts to it.
/// </summary>
public sealed class ConfusionCounts
{
    private readonly Dictionary<(char, string), double> _counts = new();
    private readonly Dictionary<char, double> _totals = new();
    private double _inserts, _observed;

    /// <summary>
    /// Counts the letters of one word pair along its cheapest alignment under <paramref name="costs"/>
    /// (none: same letter free, same base letter cheap, anything else dear).
    /// </summary>
    public void Add(string x, string y, ChannelCosts? costs)
    {
        int n = x.Length, m = y.Length;
        var dp = new float[n + 1, m + 1];
        var back = new sbyte[n + 1, m + 1]; // 0..2 piece length, -1 insertion
        for (int i = 0; i <= n; i++)
            for (int j = 0; j <= m; j++)
            {
                if (i == 0 && j == 0) continue;
                float best = float.PositiveInfinity; sbyte how = 0;
                if (i > 0)
                    for (int k = 0; k <= ConfusionModel.MaxPiece && k <= j; k++)
                    {
                        float c = dp[i - 1, j - k] + PieceCost(x[i - 1], y.AsSpan(j - k, k), costs);
                        if (c < best) { best = c; how = (sbyte)k; }
                    }
                if (j > 0)
                {
                    float c = dp[i, j - 1] + (costs?.InsertCost ?? 4f);
                    if (c < best) { best = c; how = -1; }
                }
                dp[i, j] = best; back[i, j] = how;
            }
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            int how = back[i, j];
            if (how < 0) { _inserts++; _observed++; j--; continue; }
            var piece = y.Substring(j - how, how);
            _counts[(x[i - 1], piece)] = _counts.GetValueOrDefault((x[i - 1], piece)) + 1;
            _totals[x[i - 1]] = _totals.GetValueOrDefault(x[i - 1]) + 1;
            _observed += how;
            i--; j -= how;
        }
    }

    // The first round has no model yet: same letter free, same base letter cheap, anything else dear.
    private static float PieceCost(char intended, ReadOnlySpan<char> piece, ChannelCosts? costs)
    {
        if (costs != null) return costs.Cost(intended, piece);
        if (piece.Length == 1 && piece[0] == intended) return 0f;
        if (piece.Length == 1 && VietOrthography.ToAscii(piece[0]) == VietOrthography.ToAscii(intended)) return 1f;
        return piece.Length == 1 ? 3f : 4f;
    }

    /// <summary>The confusion model of these counts alone.</summary>
    public ConfusionModel Estimate()
    {
        const double prior = 5.0, keep = 1e-4;
        var byBase = new Dictionary<(char, string), double>();
        var baseTotals = new Dictionary<char, double>();
        foreach (var ((c, p), n) in _counts)
        {
            var b = VietOrthography.ToAscii(c);
            // a base letter's pieces, seen from the letter: "6" for "ố" says little about "ộ" unless written relative to it
            var rel = p == c.ToString() ? "\u0001" : p;
            byBase[(b, rel)] = byBase.GetValueOrDefault((b, rel)) + n;
            baseTotals[b] = baseTotals.GetValueOrDefault(b) + n;
        }
        var logP = new Dictionary<(char, string), float>();
        foreach (var c in _totals.Keys)
        {
            var b = VietOrthography.ToAscii(c);
            var candidates = _counts.Keys.Where(k => k.Item1 == c).Select(k => k.Item2)
                .Concat(byBase.Keys.Where(k => k.Item1 == b).Select(k => k.Item2 == "\u0001" ? c.ToString() : k.Item2))
                .Distinct();
            foreach (var p in candidates)
            {
                var rel = p == c.ToString() ? "\u0001" : p;
                double basePart = baseTotals.TryGetValue(b, out var bt) ? byBase.GetValueOrDefault((b, rel)) / bt : 0;
                double prob = (_counts.GetValueOrDefault((c, p)) + prior * basePart) / (_totals[c] + prior);
                if (prob >= keep) logP[(c, p)] = (float)Math.Log(prob);
            }
        }
        // with no OCR data at all, an inserted character is as unlikely as any unseen piece
        float insert = _observed == 0 ? (float)Math.Log(keep / 2) : (float)Math.Log((_inserts + 1) / (_observed + 2));
        // the pairs cannot show every confusion of every font: an unseen piece keeps a small chance
        return new ConfusionModel(logP, insert, (float)Math.Log(3e-4));
    }

    /// <summary>
    /// <paramref name="prior"/> moved towards these counts: every letter's pieces are the counts
    /// plus <paramref name="strength"/> pseudo-counts spread as the prior spreads them, so a
    /// letter seen often here follows this text, and one seen rarely keeps the prior.
    /// </summary>
    public ConfusionModel AdaptedFrom(ConfusionModel prior, double strength)
    {
        var logP = new Dictionary<(char, string), float>(prior.Pieces);
        var priorPieces = prior.Pieces.Keys.ToLookup(k => k.Intended, k => k.Piece);
        foreach (var (c, total) in _totals)
        {
            var pieces = priorPieces[c].Concat(_counts.Keys.Where(k => k.Item1 == c).Select(k => k.Item2)).Distinct();
            foreach (var p in pieces)
            {
                double before = prior.TryLogP(c, p, out var lp) ? Math.Exp(lp) : Math.Exp(prior.FloorLogP);
                logP[(c, p)] = (float)Math.Log((_counts.GetValueOrDefault((c, p)) + strength * before) / (total + strength));
            }
        }
        double insert = (_inserts + strength * Math.Exp(prior.InsertLogP)) / (_observed + strength);
        return new ConfusionModel(logP, (float)Math.Log(insert), prior.FloorLogP);
    }
}
