using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair.Training;

/// <summary>
/// Learns the OCR channel from pairs of texts: what was printed and what OCR read back. Words
/// are aligned first (edit distance over whitespace-separated words), then the letters of each
/// aligned pair, by the cheapest alignment under the current costs; two rounds of this hard EM
/// settle the costs. Letters seen rarely borrow the pieces of letters with the same base.
/// </summary>
public sealed class ConfusionTrainer
{
    private readonly Dictionary<(char, string), double> _counts = new();
    private readonly Dictionary<char, double> _totals = new();
    private readonly List<(string Clean, string Ocr)> _pairs = [];
    private double _inserts, _observed;

    public int WordPairs => _pairs.Count;

    public void AddDocument(string clean, string ocr)
    {
        var a = Words(clean);
        var b = Words(ocr);
        foreach (var (x, y) in AlignWords(a, b)) _pairs.Add((x, y));
    }

    public ConfusionModel Build()
    {
        ConfusionModel? model = null;
        for (int round = 0; round < 3; round++)
        {
            _counts.Clear(); _totals.Clear(); _inserts = 0; _observed = 0;
            var costs = model == null ? null : new ChannelCosts(model, new DamageMix(0, 0, 1));
            foreach (var (x, y) in _pairs) CountAlignment(x, y, costs);
            model = Estimate();
        }
        return model!;
    }

    private static string[] Words(string text) =>
        VietText.Clean(text).ToLower(CultureInfo.InvariantCulture)
            .Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ',', ';', ':', '(', ')', '"', '“', '”'))
            .Where(w => w.Length > 0).ToArray();

    /// <summary>Word pairs of a minimal-cost alignment whose letters are close enough to be one word.</summary>
    internal static IEnumerable<(string, string)> AlignWords(string[] a, string[] b) =>
        AlignIndices(a, b, 0.6f).Select(p => (a[p.Item1], b[p.Item2]));

    /// <summary>
    /// Index pairs (i, j) of a minimal-cost alignment of two word sequences: a[i] was read as b[j].
    /// Words compare by edit distance of their unmarked letters; pairs farther apart than
    /// <paramref name="maxDistance"/> (0–1) are left out.
    /// </summary>
    public static List<(int, int)> AlignIndices(string[] a, string[] b, float maxDistance = 1f)
    {
        const float gap = 0.8f;
        int n = a.Length, m = b.Length;
        var cost = new float[n + 1, m + 1];
        var back = new byte[n + 1, m + 1];
        for (int i = 1; i <= n; i++) { cost[i, 0] = i * gap; back[i, 0] = 1; }
        for (int j = 1; j <= m; j++) { cost[0, j] = j * gap; back[0, j] = 2; }
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= m; j++)
            {
                float sub = cost[i - 1, j - 1] + Distance(a[i - 1], b[j - 1]);
                float del = cost[i - 1, j] + gap, ins = cost[i, j - 1] + gap;
                if (sub <= del && sub <= ins) { cost[i, j] = sub; back[i, j] = 0; }
                else if (del <= ins) { cost[i, j] = del; back[i, j] = 1; }
                else { cost[i, j] = ins; back[i, j] = 2; }
            }
        var pairs = new List<(int, int)>();
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            switch (back[i, j])
            {
                case 0:
                    if (Distance(a[i - 1], b[j - 1]) <= maxDistance) pairs.Add((i - 1, j - 1));
                    i--; j--; break;
                case 1: i--; break;
                default: j--; break;
            }
        }
        pairs.Reverse();
        return pairs;
    }

    private static float Distance(string x, string y)
    {
        var a = VietOrthography.StripMarks(x);
        var b = VietOrthography.StripMarks(y);
        var d = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) d[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int prev = d[0]; d[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int tmp = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), prev + (a[i - 1] == b[j - 1] ? 0 : 1));
                prev = tmp;
            }
        }
        return d[b.Length] / (float)Math.Max(1, Math.Max(a.Length, b.Length));
    }

    private void CountAlignment(string x, string y, ChannelCosts? costs)
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

    private ConfusionModel Estimate()
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
}
