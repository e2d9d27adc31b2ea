using System.Globalization;
using System.Text;
using Ingest.Core.Lexicons;

namespace Ingest.Core.Text;

/// <summary>
/// Whether a token is shaped like a written Vietnamese syllable (onset, one to three vowels, coda),
/// ignoring tones and vowel marks. A shape test, not a dictionary: it tells Vietnamese from
/// mojibake, glyph codes and most foreign words, which is what the text-layer check needs.
/// </summary>
public sealed class SyllableShape(Lexicon lexicon)
{
    private const string Vowels = "aeiouy";
    private readonly string[] _onsets = [.. lexicon.SyllableOnsets.OrderByDescending(o => o.Length)];
    private readonly HashSet<string> _codas = [.. lexicon.SyllableCodas];

    public bool IsSyllable(string token)
    {
        var bare = Bare(token);
        if (bare.Length == 0 || bare.Length > 7) return false;
        int i = 0;
        foreach (var o in _onsets)
            if (bare.StartsWith(o, StringComparison.Ordinal) && bare.Length > o.Length) { i = o.Length; break; }
        int v = i;
        while (v < bare.Length && Vowels.Contains(bare[v])) v++;
        int vowels = v - i;
        // "gi" and "qu" onsets may leave the vowel run to the coda check ("gìn", "quy")
        if (vowels == 0 && i > 0 && (bare.StartsWith("gi", StringComparison.Ordinal) || bare.StartsWith("qu", StringComparison.Ordinal))) vowels = 1;
        if (vowels is < 1 or > 3) return false;
        var coda = bare[v..];
        return coda.Length == 0 || _codas.Contains(coda);
    }

    /// <summary>Lower case, tones and vowel marks removed, đ as d.</summary>
    public static string Bare(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var c in token.ToLower(CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c == 'đ' ? 'd' : c);
        }
        return sb.ToString();
    }
}
