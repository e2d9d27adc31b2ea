using System.Globalization;
using System.Text;

namespace Ingest.Core.Text;

/// <summary>Small pure helpers for Vietnamese text that several stages share.</summary>
public static class VietText
{
    /// <summary>NFC, with non-breaking and odd spaces turned into plain spaces.</summary>
    public static string Clean(string s)
    {
        var n = s.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
            sb.Append(c is '\u00A0' or '\u2007' or '\u202F' or '\t' or '\u2009' or '\u200B' ? ' ' : c);
        return sb.ToString();
    }

    /// <summary>Lower-case NFC with tone marks moved to one placement ("hoá" and "hóa" become one).</summary>
    public static string Fold(string s)
    {
        var lower = Clean(s).ToLower(CultureInfo.InvariantCulture);
        return UnifyTonePlacement(lower);
    }

    /// <summary>
    /// <see cref="Fold"/> when it keeps the text's length, so that offsets found in the folded text
    /// hold in the original; else (a text not yet in NFC) plain lower case, which always does.
    /// </summary>
    public static string FoldSameLength(string s)
    {
        var folded = Fold(s);
        return folded.Length == s.Length ? folded : s.ToLowerInvariant();
    }

    private static readonly (string Old, string New)[] ToneShifts = BuildToneShifts();

    // Old-style placement puts the tone on the second vowel of open "oa", "oe", "uy" ("hoá", "thuỷ");
    // the new style puts it on the first. Both occur in real plans; we keep the new style.
    private static (string, string)[] BuildToneShifts()
    {
        var marks = new[] { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var list = new List<(string, string)>();
        foreach (var (a, b) in new[] { ("o", "a"), ("o", "e"), ("u", "y") })
            foreach (var m in marks)
            {
                var old = (a + (b + m).Normalize(NormalizationForm.FormC));
                var neu = ((a + m).Normalize(NormalizationForm.FormC) + b);
                list.Add((old, neu));
            }
        return list.ToArray();
    }

    private static string UnifyTonePlacement(string s)
    {
        foreach (var (o, n) in ToneShifts)
        {
            int i = 0;
            while ((i = s.IndexOf(o, i, StringComparison.Ordinal)) >= 0)
            {
                int end = i + o.Length;
                // only open syllables: "hoá" → "hóa", but "hoàn"/"toán" keep the mark on the second vowel
                bool open = end >= s.Length || !char.IsLetter(s[end]);
                if (open) s = string.Concat(s.AsSpan(0, i), n, s.AsSpan(end));
                i = end;
            }
        }
        return s;
    }

    /// <summary>
    /// Every letter without its marks, case kept, one character for one ("Chiêng, ngày" → "Chieng,
    /// ngay"): old OCR drops or garbles marks, so a word read that way is found by its bare letters,
    /// and offsets found in the result hold in the original.
    /// </summary>
    public static string StripMarksSameLength(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is 'đ' or 'Đ') { sb.Append(c == 'đ' ? 'd' : 'D'); continue; }
            var d = c < 128 ? null : c.ToString().Normalize(NormalizationForm.FormD);
            sb.Append(d is { Length: > 0 } && char.IsLetter(d[0]) ? d[0] : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Every letter without its tone mark, its other marks kept, one character for one ("kết quả"
    /// → "kêt qua"): a scan at low resolution misreads a capital's tone ("KẾT QUÁ" for "KẾT QUẢ")
    /// far more often than its letters, and offsets found in the result hold in the original.
    /// </summary>
    public static string StripTonesSameLength(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c < 128) { sb.Append(c); continue; }
            var d = c.ToString().Normalize(NormalizationForm.FormD);
            var bare = string.Concat(d.Where(m => m is not ('\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323'))).Normalize(NormalizationForm.FormC);
            sb.Append(bare.Length == 1 ? bare[0] : c);
        }
        return sb.ToString();
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Index of <paramref name="phrase"/> in <paramref name="text"/> as whole words (both already folded), or -1.</summary>
    public static int IndexOfWord(string text, string phrase, int start = 0)
    {
        int i = start;
        while ((i = text.IndexOf(phrase, i, StringComparison.Ordinal)) >= 0)
        {
            bool leftOk = i == 0 || !IsWordChar(text[i - 1]) || !IsWordChar(phrase[0]);
            int end = i + phrase.Length;
            bool rightOk = end >= text.Length || !IsWordChar(text[end]) || !IsWordChar(phrase[^1]);
            if (leftOk && rightOk) return i;
            i++;
        }
        return -1;
    }

    public static bool ContainsWord(string text, string phrase) => IndexOfWord(text, phrase) >= 0;

    /// <summary>True when the folded text starts with the phrase as whole words.</summary>
    public static bool StartsWithWord(string text, string phrase) =>
        text.StartsWith(phrase, StringComparison.Ordinal) &&
        (text.Length == phrase.Length || !IsWordChar(text[phrase.Length]) || !IsWordChar(phrase[^1]));

    /// <summary>True when the folded text ends with the phrase as whole words.</summary>
    public static bool EndsWithWord(string text, string phrase) =>
        text.EndsWith(phrase, StringComparison.Ordinal) &&
        (text.Length == phrase.Length || !IsWordChar(text[^(phrase.Length + 1)]) || !IsWordChar(phrase[0]));

    /// <summary>
    /// <see cref="StartsWithWord"/> where the text may have lost the spaces between the phrase's
    /// words or gained some inside them, as OCR of a small or faint print does ("đơnvị tính" for
    /// "đơn vị tính"); the phrase must still end where a word of the text ends.
    /// </summary>
    public static bool StartsWithWordSpacesAside(string text, string phrase) => LengthSpacesAside(text, phrase) >= 0;

    /// <summary>How much of <paramref name="text"/> <see cref="StartsWithWordSpacesAside"/> matched, or -1.</summary>
    public static int LengthSpacesAside(string text, string phrase)
    {
        int i = 0;
        foreach (var c in phrase)
        {
            if (c == ' ') continue;
            while (i < text.Length && text[i] == ' ') i++;
            if (i == text.Length || text[i] != c) return -1;
            i++;
        }
        return i == text.Length || !IsWordChar(text[i]) || !IsWordChar(phrase[^1]) ? i : -1;
    }

    /// <summary>Collapses runs of white space to one space and trims.</summary>
    public static string Squash(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
