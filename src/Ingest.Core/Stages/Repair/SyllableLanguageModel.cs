namespace Ingest.Core.Stages.Repair;

/// <summary>
/// A trigram model over vocabulary ids with interpolated Kneser–Ney smoothing, stored the way
/// ARPA files store it: each kept n-gram carries its full interpolated log-probability and each
/// context its back-off weight, so a query is at most three sorted-array lookups.
/// </summary>
public sealed class SyllableLanguageModel
{
    private const int Bits = 21;
    private readonly float[] _unigram;          // ln P1(w)
    private readonly float[] _unigramBackoff;   // ln γ2(v)
    private readonly ulong[] _bigramKeys;
    private readonly float[] _bigram;           // ln P2(w|v)
    private readonly ulong[] _contextKeys;
    private readonly float[] _contextBackoff;   // ln γ3(u,v)
    private readonly ulong[] _trigramKeys;
    private readonly float[] _trigram;          // ln P3(w|u,v)

    public SyllableLanguageModel(float[] unigram, float[] unigramBackoff, ulong[] bigramKeys, float[] bigram,
        ulong[] contextKeys, float[] contextBackoff, ulong[] trigramKeys, float[] trigram)
    {
        _unigram = unigram; _unigramBackoff = unigramBackoff;
        _bigramKeys = bigramKeys; _bigram = bigram;
        _contextKeys = contextKeys; _contextBackoff = contextBackoff;
        _trigramKeys = trigramKeys; _trigram = trigram;
    }

    public int VocabularySize => _unigram.Length;
    public int BigramCount => _bigramKeys.Length;
    public int TrigramCount => _trigramKeys.Length;

    public static ulong Key(int u, int v) => ((ulong)(uint)u << Bits) | (uint)v;
    public static ulong Key(int u, int v, int w) => ((ulong)(uint)u << (2 * Bits)) | ((ulong)(uint)v << Bits) | (uint)w;

    /// <summary>
    /// What every query after (u, v) shares: where that context's trigrams and v's bigrams lie in
    /// the sorted arrays, and the back-off weights. The decoder asks many words after one context.
    /// </summary>
    public readonly record struct Context(int U, int V, int TrigramFrom, int TrigramTo, int BigramFrom, int BigramTo, float TrigramBackoff, float BigramBackoff);

    public Context ContextOf(int u, int v)
    {
        ulong t = Key(u, v, 0), b = Key(v, 0);
        int c = Array.BinarySearch(_contextKeys, Key(u, v));
        return new Context(u, v, LowerBound(_trigramKeys, t), LowerBound(_trigramKeys, t + (1UL << Bits)),
            LowerBound(_bigramKeys, b), LowerBound(_bigramKeys, b + (1UL << Bits)),
            c >= 0 ? _contextBackoff[c] : 0f, _unigramBackoff[v]);
    }

    /// <summary>ln P(w | context): the same as <see cref="LogProb(int, int, int)"/>, searching only the context's n-grams.</summary>
    public float LogProb(in Context context, int w)
    {
        if (context.TrigramTo > context.TrigramFrom)
        {
            int t = Array.BinarySearch(_trigramKeys, context.TrigramFrom, context.TrigramTo - context.TrigramFrom, Key(context.U, context.V, w));
            if (t >= 0) return _trigram[t];
        }
        if (context.BigramTo > context.BigramFrom)
        {
            int b = Array.BinarySearch(_bigramKeys, context.BigramFrom, context.BigramTo - context.BigramFrom, Key(context.V, w));
            if (b >= 0) return context.TrigramBackoff + _bigram[b];
        }
        return context.TrigramBackoff + (context.BigramBackoff + _unigram[w]);
    }

    private static int LowerBound(ulong[] keys, ulong key)
    {
        int i = Array.BinarySearch(keys, key);
        return i >= 0 ? i : ~i;
    }

    /// <summary>ln P(w | u, v).</summary>
    public float LogProb(int u, int v, int w)
    {
        int t = Array.BinarySearch(_trigramKeys, Key(u, v, w));
        if (t >= 0) return _trigram[t];
        int c = Array.BinarySearch(_contextKeys, Key(u, v));
        return (c >= 0 ? _contextBackoff[c] : 0f) + LogProb(v, w);
    }

    /// <summary>ln P(w | v).</summary>
    public float LogProb(int v, int w)
    {
        int b = Array.BinarySearch(_bigramKeys, Key(v, w));
        return b >= 0 ? _bigram[b] : _unigramBackoff[v] + _unigram[w];
    }

    public float LogProb(int w) => _unigram[w];

    public void Write(BinaryWriter w)
    {
        WriteArray(w, _unigram); WriteArray(w, _unigramBackoff);
        WriteArray(w, _bigramKeys); WriteArray(w, _bigram);
        WriteArray(w, _contextKeys); WriteArray(w, _contextBackoff);
        WriteArray(w, _trigramKeys); WriteArray(w, _trigram);
    }

    public static SyllableLanguageModel Read(BinaryReader r) =>
        new(ReadArray<float>(r), ReadArray<float>(r), ReadArray<ulong>(r), ReadArray<float>(r),
            ReadArray<ulong>(r), ReadArray<float>(r), ReadArray<ulong>(r), ReadArray<float>(r));

    internal static void WriteArray<T>(BinaryWriter w, T[] a) where T : unmanaged
    {
        w.Write(a.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        int n = r.ReadInt32();
        var a = new T[n];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan());
        r.BaseStream.ReadExactly(bytes);
        return a;
    }
}
