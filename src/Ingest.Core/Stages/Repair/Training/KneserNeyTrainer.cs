namespace Ingest.Core.Stages.Repair.Training;

/// <summary>
/// Counts trigrams of id sequences and turns them into an interpolated Kneser–Ney model
/// (one discount per order, D = n1 / (n1 + 2·n2)). Unigrams are continuation counts with
/// add-one, so every syllable of the inventory has some probability even if the corpus never
/// used it. Trigrams seen fewer than <c>trigramCutoff</c> times are left to the back-off.
/// </summary>
public sealed class KneserNeyTrainer(int vocabularySize)
{
    private readonly Dictionary<ulong, int> _trigrams = new();

    public long Tokens { get; private set; }

    /// <summary>Adds one sentence (ids without the start and end marks).</summary>
    public void Add(IReadOnlyList<int> sentence)
    {
        int u = Vocabulary.SentenceStart, v = Vocabulary.SentenceStart;
        for (int i = 0; i <= sentence.Count; i++)
        {
            int w = i < sentence.Count ? sentence[i] : Vocabulary.SentenceEnd;
            var k = SyllableLanguageModel.Key(u, v, w);
            _trigrams[k] = _trigrams.GetValueOrDefault(k) + 1;
            u = v; v = w;
            Tokens++;
        }
    }

    public SyllableLanguageModel Build(int trigramCutoff = 2)
    {
        const int bits = 21;
        const ulong mask = (1UL << bits) - 1;
        var c2 = new Dictionary<ulong, int>();          // continuation counts N1+(· v w)
        var ctx3Total = new Dictionary<ulong, long>();   // c(u v ·)
        var ctx3Types = new Dictionary<ulong, int>();    // N1+(u v ·)
        long n1 = 0, n2 = 0;
        foreach (var (k, c) in _trigrams)
        {
            ulong uv = k >> bits, vw = k & ((1UL << (2 * bits)) - 1);
            c2[vw] = c2.GetValueOrDefault(vw) + 1;
            ctx3Total[uv] = ctx3Total.GetValueOrDefault(uv) + c;
            ctx3Types[uv] = ctx3Types.GetValueOrDefault(uv) + 1;
            if (c == 1) n1++; else if (c == 2) n2++;
        }
        double d3 = Discount(n1, n2);

        var c1 = new long[vocabularySize];
        var ctx2Total = new long[vocabularySize];
        var ctx2Types = new int[vocabularySize];
        long m1 = 0, m2 = 0;
        foreach (var (vw, c) in c2)
        {
            int v = (int)(vw >> bits), w = (int)(vw & mask);
            c1[w]++;
            ctx2Total[v] += c;
            ctx2Types[v]++;
            if (c == 1) m1++; else if (c == 2) m2++;
        }
        double d2 = Discount(m1, m2);

        long c1Sum = c1.Sum();
        var uni = new float[vocabularySize];
        for (int w = 0; w < vocabularySize; w++)
            uni[w] = w == Vocabulary.SentenceStart ? -99f : (float)Math.Log((c1[w] + 1.0) / (c1Sum + vocabularySize - 1));
        var uniBackoff = new float[vocabularySize];
        for (int v = 0; v < vocabularySize; v++)
            uniBackoff[v] = ctx2Total[v] > 0 ? (float)Math.Log(d2 * ctx2Types[v] / ctx2Total[v]) : 0f;

        double P2(int v, int w, int cont) =>
            Math.Max(cont - d2, 0) / ctx2Total[v] + d2 * ctx2Types[v] / ctx2Total[v] * Math.Exp(uni[w]);

        var biKeys = c2.Keys.OrderBy(k => k).ToArray();
        var bi = new float[biKeys.Length];
        for (int i = 0; i < biKeys.Length; i++)
        {
            int v = (int)(biKeys[i] >> bits), w = (int)(biKeys[i] & mask);
            bi[i] = (float)Math.Log(P2(v, w, c2[biKeys[i]]));
        }
        var contextKeys = ctx3Total.Keys.OrderBy(k => k).ToArray();
        var contextBackoff = contextKeys.Select(k => (float)Math.Log(d3 * ctx3Types[k] / ctx3Total[k])).ToArray();

        var triKeys = _trigrams.Where(t => t.Value >= trigramCutoff).Select(t => t.Key).OrderBy(k => k).ToArray();
        var tri = new float[triKeys.Length];
        for (int i = 0; i < triKeys.Length; i++)
        {
            ulong k = triKeys[i], uv = k >> bits, vw = k & ((1UL << (2 * bits)) - 1);
            int v = (int)(vw >> bits), w = (int)(vw & mask);
            double total = ctx3Total[uv];
            double lower = P2(v, w, c2[vw]);
            tri[i] = (float)Math.Log(Math.Max(_trigrams[k] - d3, 0) / total + d3 * ctx3Types[uv] / total * lower);
        }
        return new SyllableLanguageModel(uni, uniBackoff, biKeys, bi, contextKeys, contextBackoff, triKeys, tri);
    }

    private static double Discount(long n1, long n2) => n1 + n2 == 0 ? 0.5 : Math.Clamp(n1 / (double)(n1 + 2 * n2), 0.1, 0.95);
}
