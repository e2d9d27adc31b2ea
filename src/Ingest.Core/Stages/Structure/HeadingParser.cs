using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>A recognised heading: its number as written, the title after it, and its rank (lower = outer).</summary>
public sealed record HeadingMatch(string Number, string Title, int Rank);

/// <summary>
/// Recognises heading numbers: "I.", "II-", "1.", "2.1.", "2.3 .", "2.1.1.", "a)", and keyword
/// headings from the lexicon ("Điều 1.", "PHỤ LỤC SỐ 01"). Rank comes from the form, not from the
/// digits, so a misnumbered "2.1.3." inside block 2.2 still nests under 2.2. What OCR does to a
/// heading number is read through: specks before it ("_ 2.1.", "* 1.", ". II."), commas for its
/// dots ("2,2,"), "l" or "|" for the Roman I ("l-", "Il.", "|I -"), and "H" for a bold II ("H.", "HI.").
/// </summary>
public sealed partial class HeadingParser(Lexicon lexicon)
{
    public const int YearBlockRank = 8;
    public const int LetterRank = 9;

    [GeneratedRegex(@"^\s*(?<n>[IVXLC]{1,6})\s*[.\-–)]\s*(?<t>\S.*)$")]
    private static partial Regex Roman();

    // the space after the number's last dot may be lost in a scan ("2.1.Đến"), not before a small letter
    [GeneratedRegex(@"^\s*(?<n>\d{1,2}(?:\s?\.\s?\d{1,2}){1,4})(?:\s?\.?\s+|\.(?=\p{Lu}))(?<t>\S.*)$")]
    private static partial Regex MultiLevel();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})(?:\s?[.)]\s+|\.(?=\p{Lu}))(?<t>\S.*)$")]
    private static partial Regex SingleLevel();

    [GeneratedRegex(@"^\s*(?<n>[a-zđ])\s?\)\s+(?<t>\S.*)$")]
    private static partial Regex Letter();

    // "2,2, Đến năm 2030", "3, Phối hợp": a dot read as a comma; the trailing comma and the capital keep "2,5 tỷ đồng" a value
    [GeneratedRegex(@"^\s*(?<n>\d{1,2}(?:\s?[.,]\s?\d{1,2}){0,4})\s?(?<m>[.,])\s*(?<t>\p{Lu}.*)$")]
    private static partial Regex CommaMultiLevel();

    // a Roman number with "l", "|" or "1" for I, as OCR reads a serif I: "l-", "Il.", "I|I -", "11. MỤC TIÊU";
    // and "H" for II, two bold serif I's whose serifs ran together at a fax's resolution: "H.", "HI.", "1H."
    [GeneratedRegex(@"^\s*(?<n>[IVXl|1H]{1,4})\s*[.\-–)]\s*(?<t>\S.*)$")]
    private static partial Regex OcrRoman();

    // specks a scan or fax puts before a heading: marks that are neither letters, digits nor a bullet dash
    [GeneratedRegex(@"^\s*[_*.,·'‘’`""“”~^°:;=+\-–—]{1,4}\s*(?=[\dIVXl|H])")]
    private static partial Regex Specks();

    public HeadingMatch? Parse(string line)
    {
        if (ParseAsWritten(line) is { } h) return h;
        // a heading number after specks: only a number, so "* Tăng cường …" stays a bullet and "_ a)" nothing
        var specks = Specks().Match(line);
        return specks.Success && ParseAsWritten(line[specks.Length..]) is { Rank: < LetterRank } n ? n : null;
    }

    private HeadingMatch? ParseAsWritten(string line)
    {
        var text = line.Trim();
        if (text.Length == 0) return null;
        var folded = VietText.Fold(text);
        foreach (var k in lexicon.HeadingKeywords)
        {
            if (!VietText.StartsWithWord(folded, k.Word)) continue;
            var rest = text[k.Word.Length..].TrimStart();
            var m = Regex.Match(rest, @"^(?:số\s*)?(?<n>[\dIVXLC]{1,4})\s*[.:\-–]?\s*(?<t>.*)$", RegexOptions.IgnoreCase);
            if (m.Success) return new HeadingMatch($"{text[..k.Word.Length]} {m.Groups["n"].Value}", m.Groups["t"].Value.Trim(), k.Rank);
        }
        Match r;
        if ((r = Roman().Match(text)).Success && IsRoman(r.Groups["n"].Value) && StartsLikeTitle(r.Groups["t"].Value))
            return new HeadingMatch(r.Groups["n"].Value, r.Groups["t"].Value.Trim(), 1);
        if ((r = OcrRoman().Match(text)).Success && ReadAsRoman(r.Groups["n"].Value) is { } roman
            && StartsLikeTitle(r.Groups["t"].Value) && IsCapitals(r.Groups["t"].Value))
            return new HeadingMatch(roman, r.Groups["t"].Value.Trim(), 1);
        if ((r = MultiLevel().Match(text)).Success && StartsLikeTitle(r.Groups["t"].Value))
        {
            var n = r.Groups["n"].Value.Replace(" ", "");
            return new HeadingMatch(n, r.Groups["t"].Value.Trim(), 1 + n.Split('.').Length);
        }
        if ((r = CommaMultiLevel().Match(text)).Success && (r.Groups["n"].Value.Contains(',') || r.Groups["m"].Value == ","))
        {
            var n = r.Groups["n"].Value.Replace(" ", "").Replace(',', '.');
            return new HeadingMatch(n, r.Groups["t"].Value.Trim(), 1 + n.Split('.').Length);
        }
        if ((r = SingleLevel().Match(text)).Success && StartsLikeTitle(r.Groups["t"].Value))
            return new HeadingMatch(r.Groups["n"].Value, r.Groups["t"].Value.Trim(), 2);
        if ((r = Letter().Match(text)).Success)
            return new HeadingMatch(r.Groups["n"].Value, r.Groups["t"].Value.Trim(), LetterRank);
        return null;
    }

    // "2. 100% hồ sơ" would be a list item with a number, still a heading; but "1 Chỉ tiêu"
    // without a dot is not (footnotes, table row numbers), which the patterns already exclude.
    private static bool StartsLikeTitle(string t) => t.Length > 0 && (char.IsLetter(t[0]) || t[0] is '"' or '“' or '(');

    // "l", "|" stand for I and "H" for II anywhere; "1" only beside another (a lone "1." is the number one)
    private static string? ReadAsRoman(string n)
    {
        if (IsRoman(n) || !n.Any(c => c is 'l' or '|' or 'H') && n.Count(c => c == '1') + n.Count(c => c is 'I' or 'V' or 'X') < 2) return null;
        var roman = n.Replace("H", "II").Replace('l', 'I').Replace('|', 'I').Replace('1', 'I');
        return IsRoman(roman) ? roman : null;
    }

    // a Roman heading's title is in capitals ("MỤC TIÊU"), which keeps "l. e" and "|- a" out
    private static bool IsCapitals(string t)
    {
        var letters = t.Where(char.IsLetter).Take(12).ToList();
        return letters.Count >= 3 && letters.Count(char.IsUpper) >= 0.8 * letters.Count;
    }

    private static bool IsRoman(string s) =>
        Regex.IsMatch(s, "^(X{0,3})(IX|IV|V?I{0,3})$") && s.Length > 0;
}
