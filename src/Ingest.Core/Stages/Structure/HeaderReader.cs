using System.Globalization;
using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// Reads the administrative header of a plan from its first lines: issuer ("ỦY BAN NHÂN DÂN / XÃ
/// XỐP"), number ("Số: …/KH-UBND"), place and date ("Xốp, ngày … tháng 9 năm 2025") and title
/// ("KẾ HOẠCH" and the lines that follow it).
/// </summary>
public sealed partial class HeaderReader(Lexicon lexicon)
{
    [GeneratedRegex(@"(?<![\w/\-])(?<place>\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,4}),\s*ngày\s*(?<d>\d{1,2})?\s*tháng\s*(?<m>\d{1,2})?\s*năm\s*(?<y>(?:19|20)\d{2})")]
    private static partial Regex PlaceDate();

    [GeneratedRegex(@"^\s*Số\s*:?\s*(?<n>[^\s].*?)?\s*(?=\s{2,}|$|\p{Lu}[\p{Ll}]+,\s*ngày)")]
    private static partial Regex DocNumber();

    public DocumentHeader Read(IReadOnlyList<string> firstLines)
    {
        string? issuer = null, place = null, number = null, date = null, title = null;
        var lines = firstLines.Select(l => VietText.Squash(VietText.Clean(l))).Where(l => l.Length > 0).Take(60).ToList();
        var issuerWords = lexicon.HeaderIssuerWords.Select(VietText.Fold).ToArray();
        var skip = lexicon.HeaderSkipWords.Select(VietText.Fold).ToArray();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var folded = VietText.Fold(line);
            if (issuer == null && IsUpper(line))
            {
                var iw = issuerWords.FirstOrDefault(w => folded.Contains(w, StringComparison.Ordinal));
                if (iw != null && !skip.Any(s => folded.StartsWith(s, StringComparison.Ordinal)))
                {
                    var start = folded.IndexOf(iw, StringComparison.Ordinal);
                    var text = line[start..];
                    if (i + 1 < lines.Count && IsUpper(lines[i + 1]) && lines[i + 1].Length < 40 && !skip.Any(s => VietText.Fold(lines[i + 1]).StartsWith(s, StringComparison.Ordinal)))
                        text += " " + lines[i + 1];
                    issuer = Sentence(CutAtSkip(text, skip), lexicon.AdminUnitWords);
                }
            }
            // "Đak Đoa, ngày" / "tháng 8 năm 2025" may be split over two lines, but the place is
            // on one line: capitals ending the line before ("ĐẢNG CỘNG SẢN VIỆT NAM", "Hạnh Phúc") are not part of it
            var pd = place == null ? PlaceDate().Match(line) : Match.Empty;
            if (place == null && !pd.Success && i + 1 < lines.Count)
            {
                var joined = PlaceDate().Match(line + " " + lines[i + 1]);
                var at = joined.Groups["place"];
                if (joined.Success && at.Index + at.Length <= line.Length) pd = joined;
            }
            if (pd.Success)
            {
                place = pd.Groups["place"].Value.Trim();
                var y = pd.Groups["y"].Value;
                var m = pd.Groups["m"].Success ? int.Parse(pd.Groups["m"].Value).ToString("00", CultureInfo.InvariantCulture) : null;
                var d = pd.Groups["d"].Success ? int.Parse(pd.Groups["d"].Value).ToString("00", CultureInfo.InvariantCulture) : null;
                date = m == null ? y : d == null ? $"{y}-{m}" : $"{y}-{m}-{d}";
            }
            if (number == null && DocNumber().Match(line) is { Success: true } dn)
            {
                var n = dn.Groups["n"].Value.Trim();
                if (n.Length == 0 && i + 1 < lines.Count && lines[i + 1].Contains('/')) n = lines[i + 1].Split("  ")[0].Trim();
                if (n.Contains('/')) number = n;
            }
            if (title == null && IsUpper(line))
            {
                var tw = lexicon.TitleWords.Select(VietText.Fold).FirstOrDefault(w => folded == w || VietText.StartsWithWord(folded, w) && line.Length < 60);
                if (tw != null) title = ReadTitle(lines, i);
            }
        }
        return new DocumentHeader(title, issuer, place, number, date);
    }

    private string ReadTitle(List<string> lines, int at)
    {
        var parts = new List<string> { Sentence(lines[at], lexicon.AdminUnitWords) };
        var bodyStarts = lexicon.BodyStarts.Select(VietText.Fold).ToArray();
        for (int j = at + 1; j < lines.Count && parts.Count < 6; j++)
        {
            var l = lines[j];
            var f = VietText.Fold(l);
            if (l.StartsWith("---", StringComparison.Ordinal) || l.All(c => !char.IsLetter(c))) break;
            if (char.IsUpper(l[0]) && bodyStarts.Any(b => VietText.StartsWithWord(f, b))) break;
            if (f.StartsWith("căn cứ", StringComparison.Ordinal)) break;
            parts.Add(l);
        }
        return string.Join(" ", parts).Trim();
    }

    private static string CutAtSkip(string text, string[] skip)
    {
        var f = VietText.Fold(text);
        foreach (var s in skip)
        {
            int k = f.IndexOf(s, StringComparison.Ordinal);
            if (k > 0) return text[..k].Trim();
        }
        return text;
    }

    private static bool IsUpper(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper);

    /// <summary>"ỦY BAN NHÂN DÂN XÃ XỐP" → "Ủy ban nhân dân xã Xốp": proper names after an administrative word keep capitals.</summary>
    private static string Sentence(string upper, IReadOnlyList<string> admin)
    {
        if (!IsUpper(upper)) return upper;
        var words = upper.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var outWords = new List<string>();
        bool proper = false;
        for (int i = 0; i < words.Length; i++)
        {
            var lower = words[i].ToLower(CultureInfo.InvariantCulture);
            outWords.Add(i == 0 || proper ? char.ToUpper(lower[0]) + lower[1..] : lower);
            if (admin.Contains(lower)) proper = true;
        }
        return string.Join(' ', outWords);
    }
}
