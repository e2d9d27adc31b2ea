using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>A year expression in a text: where it is, the year it means, and whether it was a deadline phrase.</summary>
public sealed record YearMention(int Start, int End, int Year, bool IsPeriod, bool HasLeadIn);

/// <summary>
/// Finds deadline years: "đến hết năm 2025", "giai đoạn 2025-2027" (the end year), "2025 - 2026",
/// "năm 2024". Dates ("ngày 22/12/2024", "tháng 9 năm 2025") are not deadlines and are skipped.
/// </summary>
public sealed partial class YearPhrases
{
    private readonly string[] _leadIns;
    private readonly string[] _dateLeadIns;

    public YearPhrases(Lexicon lexicon)
    {
        _leadIns = lexicon.YearLeadIns.Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();
        _dateLeadIns = lexicon.DateLeadIns.Select(VietText.Fold).ToArray();
    }

    [GeneratedRegex(@"(?<![\d/.\-])(?<a>(?:19|20)\d{2})(?:\s*[-–—]\s*(?<b>(?:19|20)\d{2}))?(?![\d/%]|\.\d)")]
    private static partial Regex YearOrPeriod();

    /// <summary>All year mentions in a (not folded) text, in order.</summary>
    public IReadOnlyList<YearMention> Find(string text)
    {
        var folded = VietText.Fold(text);
        var list = new List<YearMention>();
        foreach (Match m in YearOrPeriod().Matches(folded))
        {
            int a = int.Parse(m.Groups["a"].Value);
            bool period = m.Groups["b"].Success;
            int year = period ? int.Parse(m.Groups["b"].Value) : a;
            if (period && year < a) continue;
            var before = folded[..m.Index].TrimEnd();
            // "tháng 9 năm 2025", "ngày 22 tháng 12 năm 2024": a date, not a deadline
            if (Regex.IsMatch(before, @"(tháng\s+\d{1,2}\s+năm|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm)$")) continue;
            if (_dateLeadIns.Any(d => before.EndsWith(d, StringComparison.Ordinal))) continue;
            if (Regex.IsMatch(before, @"\d{1,2}[/\-.]\d{1,2}[/\-.]?$")) continue;
            int start = m.Index;
            bool lead = false;
            foreach (var l in _leadIns)
                if (before.EndsWith(l, StringComparison.Ordinal) && (before.Length == l.Length || !char.IsLetter(before[^(l.Length + 1)])))
                {
                    start = before.Length - l.Length;
                    lead = true;
                    break;
                }
            list.Add(new YearMention(start, m.Index + m.Length, year, period, lead));
        }
        return list;
    }

    /// <summary>
    /// The year a heading title or table title names as its deadline, if it is time-like:
    /// it starts with a deadline phrase, or carries "đến năm YYYY" / a period anywhere.
    /// </summary>
    public int? BlockYear(string title)
    {
        var folded = VietText.Fold(title).Trim();
        var mentions = Find(title);
        if (mentions.Count == 0) return null;
        var first = mentions[0];
        bool startsWithTime = first.Start <= 2 || _leadIns.Any(l => folded.StartsWith(l, StringComparison.Ordinal) && l != "năm");
        if (startsWithTime || mentions.Any(x => x.HasLeadIn && !folded[x.Start..].StartsWith("năm", StringComparison.Ordinal)) || mentions.Any(x => x.IsPeriod))
            return (mentions.FirstOrDefault(x => x.HasLeadIn || x.IsPeriod) ?? first).Year;
        return null;
    }
}
