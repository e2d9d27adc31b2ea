namespace Ingest.Core.Stages.Repair;

/// <summary>One position of a line for the decoder: a fixed token, or a word with its choices.</summary>
public sealed record Slot(int FixedId, bool EndsSentence, IReadOnlyList<Choice>? Choices)
{
    public static Slot Fixed(int id, bool endsSentence = false) => new(id, endsSentence, null);
    public static Slot Word(IReadOnlyList<Choice> choices) => new(-1, false, choices);
}

/// <summary>A reading of a word: its language-model id, the channel's cost, and the text written for it.</summary>
public readonly record struct Choice(int Id, float ChannelCost, string Text);

/// <summary>The language-model state at the end of a line, carried into the next line.</summary>
public readonly record struct LmContext(int U, int V)
{
    public static LmContext Start { get; } = new(Vocabulary.SentenceStart, Vocabulary.SentenceStart);
}

/// <summary>
/// Picks the most probable reading of a whole line: beam search over trigram states
/// (hypotheses ending in the same two words are merged, Viterbi style), scoring
/// ln P_LM(word | two before) − channel cost.
/// </summary>
public sealed class LineDecoder(SyllableLanguageModel lm, int beam = 12)
{
    private struct Hyp
    {
        public int U, V, Prev, Choice;
        public float Score;
    }

    public (int[] Picks, LmContext End) Decode(IReadOnlyList<Slot> slots, LmContext start)
    {
        var layers = new List<Hyp[]>(slots.Count + 1) { new[] { new Hyp { U = start.U, V = start.V, Prev = -1, Choice = -1 } } };
        var merged = new Dictionary<ulong, int>();
        var next = new List<Hyp>();
        foreach (var slot in slots)
        {
            var prev = layers[^1];
            merged.Clear(); next.Clear();
            for (int h = 0; h < prev.Length; h++)
            {
                var hyp = prev[h];
                var context = lm.ContextOf(hyp.U, hyp.V);
                if (slot.Choices == null)
                    Extend(hyp, h, context, slot.FixedId, -1, 0f, slot.EndsSentence);
                else
                    for (int c = 0; c < slot.Choices.Count; c++)
                        Extend(hyp, h, context, slot.Choices[c].Id, c, slot.Choices[c].ChannelCost, false);
            }
            next.Sort((a, b) => b.Score.CompareTo(a.Score));
            layers.Add(next.Take(beam).ToArray());
        }

        var last = layers[^1];
        var picks = new int[slots.Count];
        int at = 0;
        for (int i = slots.Count; i > 0; i--)
        {
            var hyp = layers[i][at];
            picks[i - 1] = hyp.Choice;
            at = hyp.Prev;
        }
        return (picks, new LmContext(last[0].U, last[0].V));

        void Extend(Hyp hyp, int index, in SyllableLanguageModel.Context context, int id, int choice, float channel, bool endsSentence)
        {
            float score = hyp.Score + lm.LogProb(context, id) - channel;
            int u = hyp.V, v = id;
            if (endsSentence)
            {
                score += lm.LogProb(hyp.V, id, Vocabulary.SentenceEnd);
                u = v = Vocabulary.SentenceStart;
            }
            var key = SyllableLanguageModel.Key(u, v);
            var h = new Hyp { U = u, V = v, Prev = index, Choice = choice, Score = score };
            if (merged.TryGetValue(key, out var existing))
            {
                if (next[existing].Score < score) next[existing] = h;
                return;
            }
            merged[key] = next.Count;
            next.Add(h);
        }
    }
}
