namespace Ingest.Core.Stages.Repair;

/// <summary>A word the observed token may have been, with the channel's cost (−ln P(observed | word)).</summary>
public readonly record struct Candidate(int Id, float ChannelCost);

/// <summary>
/// Finds the vocabulary words an observed token can come from: a walk over a trie of the words
/// that carries one edit-distance column per node, weighted by the channel, and leaves a branch
/// as soon as every alignment in it costs more than the best word found so far plus a margin.
/// </summary>
public sealed class CandidateSearch
{
    private const int MaxWordLength = 14;
    // the trie, flat: node n's letter (as an index into _letters), its word, and its children
    // _children[_firstChild[n] .. _firstChild[n + 1])
    private readonly char[] _letters;
    private readonly int[] _letter, _wordId, _firstChild, _children;

    public CandidateSearch(Vocabulary vocabulary)
    {
        var chars = new List<char> { '\0' };
        var kids = new List<List<int>> { new() };
        var words = new List<int> { -1 };
        for (int id = Vocabulary.FirstWord; id < vocabulary.Count; id++)
        {
            var s = vocabulary.Surface(id).ToLowerInvariant();
            if (s.Length > MaxWordLength || !s.Any(char.IsLetter)) continue;
            int n = 0;
            foreach (var c in s)
            {
                int next = -1;
                foreach (var ch in kids[n]) if (chars[ch] == c) { next = ch; break; }
                if (next < 0) { next = chars.Count; chars.Add(c); kids.Add([]); words.Add(-1); kids[n].Add(next); }
                n = next;
            }
            if (words[n] < 0) words[n] = id;
        }
        _letters = chars.Distinct().ToArray();
        var letterIndex = _letters.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        _letter = chars.Select(c => letterIndex[c]).ToArray();
        _wordId = words.ToArray();
        _firstChild = new int[chars.Count + 1];
        for (int n = 0; n < chars.Count; n++) _firstChild[n + 1] = _firstChild[n] + kids[n].Count;
        _children = kids.SelectMany(k => k).ToArray();
    }

    /// <summary>
    /// Candidates for a lower-case observed token, best first by channel cost less
    /// <paramref name="prior"/> (a word's log-probability on its own): those within
    /// <paramref name="priorMargin"/> of the best by that score, at most <paramref name="max"/>.
    /// </summary>
    public List<Candidate> Find(string observed, ChannelCosts costs, Func<int, float> prior, int max = 64, float margin = 6f, float priorMargin = 6f)
    {
        int m = observed.Length;
        float cap = 8f + 2.5f * m;
        var found = new List<Candidate>();
        if (m == 0 || m > MaxWordLength + 4) return found;
        var tables = new CharCosts?[_letters.Length];
        var columns = new float[MaxWordLength + 2][];
        for (int d = 0; d < columns.Length; d++) columns[d] = new float[m + 1];
        for (int j = 0; j <= m; j++) columns[0][j] = j * costs.InsertCost;
        float best = float.PositiveInfinity, limit = cap;

        void Visit(int node, int depth)
        {
            var parent = columns[depth];
            for (int k = _firstChild[node]; k < _firstChild[node + 1]; k++)
            {
                int childIndex = _children[k];
                int letter = _letter[childIndex];
                var t = tables[letter] ??= new CharCosts(_letters[letter], observed, costs);
                var col = columns[depth + 1];
                float min = col[0] = parent[0] + t.Delete;
                for (int j = 1; j <= m; j++)
                {
                    float v = Math.Min(parent[j] + t.Delete, parent[j - 1] + t.One[j - 1]);
                    if (j >= 2) v = Math.Min(v, parent[j - 2] + t.Two[j - 2]);
                    v = Math.Min(v, col[j - 1] + costs.InsertCost);
                    col[j] = v;
                    if (v < min) min = v;
                }
                if (min > best + margin || min > limit) continue;
                if (_wordId[childIndex] >= 0 && col[m] <= best + margin && col[m] <= limit)
                {
                    found.Add(new Candidate(_wordId[childIndex], col[m]));
                    if (col[m] < best) best = col[m];
                }
                if (depth + 1 < MaxWordLength) Visit(childIndex, depth + 1);
            }
        }

        // The walk keeps words within `margin` of the cheapest by the channel alone: past 6 nats
        // (1 in 400) the decoder hardly ever picks one, and the walk slows fast with the margin.
        // A first walk under a low ceiling is quick and finds the cheapest word when it costs less
        // than the margin; the full walk then prunes from that word instead of from the ceiling.
        limit = Math.Min(cap, margin);
        Visit(0, 0);
        found.Clear();
        limit = cap;
        Visit(0, 0);
        found.RemoveAll(c => c.ChannelCost > best + margin);
        // the words OCR most likely garbled into this token, by channel and how common the word is
        found.Sort((a, b) => (a.ChannelCost - prior(a.Id)).CompareTo(b.ChannelCost - prior(b.Id)));
        if (found.Count > max) found.RemoveRange(max, found.Count - max);
        // a word far less likely on its own than the best one seldom wins in context, and each one
        // kept costs the decoder. A short token has dozens of close words ("di": "đi", "dì", "dị", …),
        // so a small count would cut a common word that needs context ("đổi" in "chuyển đổi số")
        if (found.Count > 0)
        {
            float bestScore = found[0].ChannelCost - prior(found[0].Id);
            found.RemoveAll(c => c.ChannelCost - prior(c.Id) > bestScore + priorMargin);
        }
        return found;
    }

    /// <summary>One intended letter's costs against every one- and two-character piece of the observed token.</summary>
    private sealed class CharCosts
    {
        public readonly float Delete;
        public readonly float[] One, Two;

        public CharCosts(char c, string o, ChannelCosts costs)
        {
            Delete = costs.Cost(c, ReadOnlySpan<char>.Empty);
            One = new float[o.Length];
            Two = new float[Math.Max(0, o.Length - 1)];
            for (int j = 0; j < o.Length; j++) One[j] = costs.Cost(c, o.AsSpan(j, 1));
            for (int j = 0; j + 1 < o.Length; j++) Two[j] = costs.Cost(c, o.AsSpan(j, 2));
        }
    }
}
