using System.Globalization;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// The words the repair model knows: every Vietnamese syllable of its inventory (keyed without
/// regard to tone placement, written in the placement the corpus uses most) and the frequent
/// non-syllable words and marks of the corpus ("ubnd", "%"). Ids below <see cref="FirstWord"/>
/// stand for classes.
/// </summary>
public sealed class Vocabulary
{
    public const int SentenceStart = 0, SentenceEnd = 1, Unknown = 2, Number = 3, Code = 4, Mark = 5, FirstWord = 6;
    private static readonly string[] ClassNames = ["<s>", "</s>", "<unk>", "<num>", "<code>", "<p>"];

    private readonly string[] _surfaces;
    private readonly bool[] _syllable;
    private readonly Dictionary<string, int> _byKey;

    public Vocabulary(IReadOnlyList<(string Surface, bool Syllable)> words)
    {
        _surfaces = [.. ClassNames, .. words.Select(w => w.Surface)];
        _syllable = [.. ClassNames.Select(_ => false), .. words.Select(w => w.Syllable)];
        _byKey = new Dictionary<string, int>(_surfaces.Length, StringComparer.Ordinal);
        for (int i = FirstWord; i < _surfaces.Length; i++)
            _byKey.TryAdd(KeyOf(_surfaces[i].ToLower(CultureInfo.InvariantCulture), _syllable[i]), i);
    }

    public int Count => _surfaces.Length;
    /// <summary>How the word is written: lower case for syllables, the corpus's own casing for others ("UBND").</summary>
    public string Surface(int id) => _surfaces[id];
    public bool IsSyllable(int id) => _syllable[id];

    public static string KeyOf(string lowerSurface, bool syllable) => syllable ? VietOrthography.ToneKey(lowerSurface) : lowerSurface;

    /// <summary>
    /// The id of a lower-case word, found by its tone key when it is a syllable. Syllables and
    /// other words share one key space ("a2" is the key of "á"), so the kind must match too.
    /// </summary>
    public int Find(string lower, bool syllable) =>
        _byKey.TryGetValue(KeyOf(lower, syllable), out var id) && _syllable[id] == syllable ? id : Unknown;

    /// <summary>The id of a punctuation mark: its own when the corpus used it often, else the class.</summary>
    public int MarkId(char c) => Find(c.ToString(), syllable: false) is var id && id != Unknown ? id : Mark;

    /// <summary>The language-model id of one token of clean text.</summary>
    public int IdOf(string line, RepairToken t, SyllableShape shape)
    {
        switch (t.Kind)
        {
            case RepairTokenKind.Number: return Number;
            case RepairTokenKind.Code: return Code;
            case RepairTokenKind.Punct: return MarkId(line[t.Start]);
            case RepairTokenKind.Word:
                var word = line.Substring(t.Start, t.Length);
                if (word.Any(char.IsDigit)) return Code;
                var lower = word.ToLower(CultureInfo.InvariantCulture);
                return Find(lower, shape.IsSyllable(lower));
            default: return Unknown;
        }
    }

    public static bool EndsSentence(char c) => c is '.' or ';' or ':' or '!' or '?';
}
