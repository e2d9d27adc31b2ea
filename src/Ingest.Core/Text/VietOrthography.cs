using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Ingest.Core.Text;

/// <summary>
/// Vietnamese letters as a base letter, a vowel mark (circumflex, breve, horn; the bar of đ) and a
/// tone. Repair compares and counts syllables through these parts, so that "hoá" and "hóa", or a
/// letter and its stripped form, relate without spelling any Vietnamese word in code.
/// </summary>
public static class VietOrthography
{
    /// <summary>Tones in the order 1 huyền (grave), 2 sắc (acute), 3 hỏi (hook), 4 ngã (tilde), 5 nặng (dot); 0 is none.</summary>
    private static readonly char[] ToneMarks = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

    private static readonly FrozenDictionary<char, (char Toneless, int Tone)> Split = BuildSplit();
    private static readonly FrozenDictionary<char, char> Ascii = BuildAscii();

    private static FrozenDictionary<char, (char, int)> BuildSplit()
    {
        var map = new Dictionary<char, (char, int)>();
        for (int cp = 0xC0; cp <= 0x1EFF; cp++)
        {
            var c = (char)cp;
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length < 2) continue;
            int tone = 0;
            var rest = new StringBuilder();
            foreach (var ch in d)
            {
                int t = Array.IndexOf(ToneMarks, ch);
                if (t >= 0) tone = t + 1; else rest.Append(ch);
            }
            if (tone == 0) continue;
            var toneless = rest.ToString().Normalize(NormalizationForm.FormC);
            if (toneless.Length == 1) map[c] = (toneless[0], tone);
        }
        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<char, char> BuildAscii()
    {
        var map = new Dictionary<char, char> { ['đ'] = 'd', ['Đ'] = 'D' };
        for (int cp = 0xC0; cp <= 0x1EFF; cp++)
        {
            var c = (char)cp;
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            if (d.Length >= 2 && d[0] < 0x80 && char.IsLetter(d[0])
                && d.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
                map[c] = d[0];
        }
        return map.ToFrozenDictionary();
    }

    /// <summary>The letter without its tone, and the tone (0–5).</summary>
    public static (char Toneless, int Tone) SplitTone(char c) => Split.TryGetValue(c, out var s) ? s : (c, 0);

    /// <summary>The ASCII letter under every mark ("ệ" → "e", "đ" → "d"); other characters as they are.</summary>
    public static char ToAscii(char c) => Ascii.TryGetValue(c, out var a) ? a : c;

    public static bool HasMark(char c) => Ascii.ContainsKey(c);

    /// <summary>A lower-case vowel letter, marked or not ("ệ", "y").</summary>
    public static bool IsVowel(char c) => ToAscii(c) is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static readonly FrozenSet<char> Letters = BuildLetters();

    private static FrozenSet<char> BuildLetters()
    {
        var set = new HashSet<char> { 'đ', 'Đ' };
        for (int cp = 'A'; cp <= 0x1EFF; cp++)
        {
            var d = ((char)cp).ToString().Normalize(NormalizationForm.FormD);
            if (d[0] >= 0x80 || !char.IsLetter(d[0])) continue;
            char b = char.ToLowerInvariant(d[0]);
            bool ok = d.Length == 1 || "aeiouy".Contains(b);
            int vowelMarks = 0, tones = 0;
            foreach (var m in d.AsSpan(1))
            {
                if (m == '\u0302' && "aeo".Contains(b) || m == '\u0306' && b == 'a' || m == '\u031B' && "ou".Contains(b)) vowelMarks++;
                else if (Array.IndexOf(ToneMarks, m) >= 0) tones++;
                else ok = false;
            }
            if (ok && vowelMarks <= 1 && tones <= 1) set.Add((char)cp);
        }
        return set.ToFrozenSet();
    }

    /// <summary>A letter of the Vietnamese alphabet, with or without marks (not "ä", "ø", "ñ").</summary>
    public static bool IsVietnameseLetter(char c) => Letters.Contains(c);

    /// <summary>Every mark removed: what an old OCR tool or a careless typist leaves.</summary>
    public static string StripMarks(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(ToAscii(c));
        return sb.ToString();
    }

    /// <summary>
    /// A key under which both tone placements of one syllable meet: the syllable without its tone,
    /// then the tone digit ("hoá", "hóa" → "hoa2"). Expects lower-case NFC.
    /// </summary>
    public static string ToneKey(string syllable)
    {
        Span<char> buf = stackalloc char[syllable.Length + 1];
        int tone = 0;
        for (int i = 0; i < syllable.Length; i++)
        {
            var (t, tn) = SplitTone(syllable[i]);
            buf[i] = t;
            if (tn != 0) tone = tn;
        }
        buf[syllable.Length] = (char)('0' + tone);
        return new string(buf);
    }

    /// <summary>How a word is cased, so a repaired word can be written back the same way.</summary>
    public static WordCase CaseOf(string word)
    {
        int upper = 0, lower = 0;
        bool firstUpper = false, seenLetter = false;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (char.IsUpper(c)) { upper++; if (!seenLetter) firstUpper = true; }
            else lower++;
            seenLetter = true;
        }
        if (upper > 0 && lower == 0 && upper + lower > 1) return WordCase.Upper;
        if (firstUpper && upper == 1) return WordCase.Title;
        if (upper == 0) return WordCase.Lower;
        return WordCase.Mixed;
    }

    public static string ApplyCase(string lower, WordCase wordCase) => wordCase switch
    {
        WordCase.Upper => lower.ToUpperInvariant(),
        WordCase.Title when lower.Length > 0 => char.ToUpperInvariant(lower[0]) + lower[1..],
        _ => lower,
    };
}

public enum WordCase { Lower, Title, Upper, Mixed }
