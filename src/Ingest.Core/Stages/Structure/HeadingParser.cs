using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>A recognised heading: its number as written, the title after it, and its rank (lower = outer).</summary>
public sealed record HeadingMatch(string Number, string Title, int Rank);

/// <summary>
/// Recognises heading numbers: "I.", "II-", "1.", "2.1.", "2.3 .", "2.1.1.", "a)", and keyword
/// headings from the lexicon ("Điều 1.", "PHỤ LỤC SỐ 01"). Rank comes from the form, not from the
/// digits, so a misnumbered "2.1.3." inside block 2.2 still nests under 2.2.
/// </summary>
public sealed partial class HeadingParser(Lexicon lexicon)
{
    public const int YearBlockRank = 8;
    public const int LetterRank = 9;

    [GeneratedRegex(@"^\s*(?<n>[IVXLC]{1,6})\s*[.\-–)]\s*(?<t>\S.*)$")]
    private static partial Regex Roman();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2}(?:\s?\.\s?\d{1,2}){1,4})\s?\.?\s+(?<t>\S.*)$")]
    private static partial Regex MultiLevel();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})\s?[.)]\s+(?<t>\S.*)$")]
    private static partial Regex SingleLevel();

    [GeneratedRegex(@"^\s*(?<n>[a-zđ])\s?\)\s+(?<t>\S.*)$")]
    private static partial Regex Letter();

    public HeadingMatch? Parse(string line)
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
        if ((r = MultiLevel().Match(text)).Success && StartsLikeTitle(r.Groups["t"].Value))
        {
            var n = r.Groups["n"].Value.Replace(" ", "");
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

    private static bool IsRoman(string s) =>
        Regex.IsMatch(s, "^(X{0,3})(IX|IV|V?I{0,3})$") && s.Length > 0;
}
