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
    private readonly List<(string Clean, string Ocr)> _pairs = [];

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
            var counts = new ConfusionCounts();
            var costs = model == null ? null : new ChannelCosts(model, new DamageMix(0, 0, 1));
            foreach (var (x, y) in _pairs) counts.Add(x, y, costs);
            model = counts.Estimate();
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
}
