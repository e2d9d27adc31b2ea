using System.Text;
using System.Text.RegularExpressions;
using Ingest.Core.Model;

namespace Ingest.Core.Stages.Structure;

/// <summary>A paragraph before sections are attached: its lines and whether it is a footnote.</summary>
public sealed record RawParagraph(IReadOnlyList<SourceLine> Lines, TextRole Role);

/// <summary>
/// Joins hard-wrapped lines back into paragraphs. A new paragraph starts at a bullet, a heading
/// number, a table-row marker, after a line ending in ':' or a sentence end followed by a capital.
/// Footnotes that a page break dropped into the middle of a paragraph ("1 Chỉ tiêu số 2 …" after
/// a body line ending in "90%1") are taken out as their own paragraphs, and the body resumes.
/// </summary>
public sealed partial class ParagraphBuilder(HeadingParser headings, IReadOnlyList<string>? captionMarks = null)
{
    private readonly string[] _captionMarks = (captionMarks ?? []).Select(Text.VietText.Fold).ToArray();

    // a news page's dateline, a line of its own: "Thứ Năm, 21/08/2025 - 15:42", "12/09/2025 08:15",
    // "Cập nhật lúc 09:12, Thứ Tư, 03/12/2025 (GMT+7)": a date, times, and a few words naming the day
    [GeneratedRegex(@"(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?![\d/])")]
    private static partial Regex DatelineDate();

    [GeneratedRegex(@"\d{1,2}:\d{2}(?::\d{2})?|\(GMT\s*[+-]\s*\d{1,2}\)|[,|:\-–]")]
    private static partial Regex DatelineRest();

    [GeneratedRegex(@"\d{1,2}:\d{2}|\||GMT")]
    private static partial Regex DatelineMark();

    private const int MaxDatelineWords = 8;

    // a page's date with a time, a "|" or a time zone beside it and a few words ("Đăng ngày: 16/09/2025 | Chuyên
    // mục: Xây dựng Đảng"), or a date that ends a line of a day's name ("Thứ Năm, 21/08/2025"); a wrapped line of
    // the body that holds a date ("Tính đến ngày 30/9/2025, tỷ lệ") has words after the date and no time
    private static bool IsDateline(string line)
    {
        var dates = DatelineDate().Matches(line);
        if (dates.Count != 1) return false;
        var words = DatelineRest().Replace(DatelineDate().Replace(line, " "), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxDatelineWords || !words.All(w => w.All(char.IsLetter))) return false;
        if (DatelineMark().IsMatch(line)) return true;
        return line.TrimEnd().EndsWith(dates[0].Value, StringComparison.Ordinal) && words.Length <= 2 && words.All(w => char.IsUpper(w[0]));
    }

    // the photo's credit: a caption mark and a name of a few words, at the end of the caption
    private const int MaxCreditWords = 4;

    private readonly int _creditTailWords = MaxCreditWords + 1 + (captionMarks ?? []).Select(m => m.Split(' ').Length).DefaultIfEmpty(0).Max();

    /// <summary>Whether the text ends as a caption does, with a photo's credit ("… toàn tỉnh. Ảnh: Đức Thụy").</summary>
    private bool EndsWithCredit(string text)
    {
        var folded = Text.VietText.FoldSameLength(text);
        foreach (var mark in _captionMarks)
        {
            int at = folded.LastIndexOf(mark, StringComparison.Ordinal);
            // the mark is a word of its own ("hình ảnh:" is not "ảnh:"), and the credit a name
            if (at < 0 || at > 0 && char.IsLetter(folded[at - 1])) continue;
            var credit = text[(at + mark.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (credit.Length <= MaxCreditWords && credit.All(w => char.IsUpper(w[0]))) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^\s*([-+•*–—]|\u2212)(\s|$)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*\d{1,3}(\s+\p{Lu}|\s*$)")]
    private static partial Regex RowMarker();

    [GeneratedRegex(@"^\s*(?:(?<n>[0-9]{1,2})|(?<s>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}))\s+\p{Lu}")]
    private static partial Regex FootnoteStart();

    // a footnote reference glued after a percent sign, a closing bracket or quote: "90%1", "(VNeID)4";
    // or set in superscript digits after any word, as a PDF's text layer gives it: "95¹", "(VNeID)⁴"
    [GeneratedRegex(@"(?<=[%)”""])(?<n>[0-9]{1,2})(?=[.,;:]?(\s|$))|(?<=\S)(?<s>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?=[.,;:]?(\s|$))")]
    private static partial Regex GluedMarker();

    private const string SuperscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    // the number a marker stands for, whichever way it is written
    private static int MarkerNumber(Match m) => m.Groups["n"].Success
        ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)
        : m.Groups["s"].Value.Aggregate(0, (n, c) => n * 10 + SuperscriptDigits.IndexOf(c));

    // a footnote's marker as OCR reads a superscript digit: the digit, or a stray mark ("!", "?", "*")
    [GeneratedRegex(@"^\s*(?:\d{1,2}|[!?*'°¹²³⁴⁵⁶⁷⁸⁹])\s+\p{Lu}")]
    private static partial Regex MarkedLine();

    /// <param name="blocks">a run of text blocks</param>
    /// <param name="footnoteZone">the document's footnote lines by size (<see cref="FootnoteZone"/>), found over whole pages; null: from these blocks</param>
    public IReadOnlyList<RawParagraph> Build(IEnumerable<TextBlock> blocks, IReadOnlySet<SourceLine>? footnoteZone = null)
    {
        var all = blocks.ToList();
        footnoteZone ??= FootnoteZone(all.Where(b => !b.IsWholeParagraph).SelectMany(b => b.Lines));
        var result = new List<RawParagraph>();
        var current = new List<SourceLine>();
        List<SourceLine>? parked = null;       // body paragraph interrupted by a footnote
        List<SourceLine>? footnote = null;
        var pendingMarkers = new HashSet<int>();

        void Flush(List<SourceLine> lines, TextRole role)
        {
            if (lines.Count > 0) result.Add(new RawParagraph(lines.ToArray(), role == TextRole.Body && EndsWithCredit(Tail(lines)) ? TextRole.Caption : role));
            lines.Clear();
        }

        foreach (var block in all)
        {
            if (block.IsWholeParagraph)
            {
                if (footnote != null) { Flush(footnote, TextRole.Footnote); footnote = null; }
                if (parked != null) { Flush(parked, TextRole.Body); parked = null; }
                Flush(current, TextRole.Body);
                result.Add(new RawParagraph(block.Lines, block.Role));
                continue;
            }
            if (block.AfterBlankLine && footnote == null && parked == null) Flush(current, TextRole.Body);
            foreach (var line in block.Lines)
            {
                var text = line.Text.Trim();
                if (!text.Any(char.IsLetterOrDigit) && !Bullet().IsMatch(text)) continue;

                var fm = FootnoteStart().Match(text);
                bool marked = fm.Success && pendingMarkers.Remove(MarkerNumber(fm));
                if (marked || footnoteZone.Contains(line) && MarkedLine().IsMatch(text))
                {
                    if (footnote != null) Flush(footnote, TextRole.Footnote);
                    else if (current.Count > 0) { parked = [.. current]; current.Clear(); }
                    footnote = [line];
                    if (EndsSentence(text)) { Flush(footnote, TextRole.Footnote); footnote = null; }
                    continue;
                }
                if (footnote != null)
                {
                    if (StartsNew(text, footnote[^1].Text)) { Flush(footnote, TextRole.Footnote); footnote = null; }
                    else
                    {
                        footnote.Add(line);
                        if (EndsSentence(text)) { Flush(footnote, TextRole.Footnote); footnote = null; }
                        continue;
                    }
                }
                if (parked != null)
                {
                    if (StartsNew(text, parked[^1].Text)) Flush(parked, TextRole.Body);
                    else current.AddRange(parked);
                    parked = null;
                }
                // a dateline is a paragraph of its own, and so the headline above it
                if (IsDateline(text))
                {
                    Flush(current, TextRole.Body);
                    result.Add(new RawParagraph([line], TextRole.Body));
                    continue;
                }
                // a caption ends with its photo's credit: what follows is the body again
                bool afterCredit = current.Count > 0 && _captionMarks.Length > 0 && Tail(current) is var tail && EndsWithCredit(tail) && !EndsWithCredit($"{tail} {text}");
                if (current.Count > 0 && (afterCredit || StartsNew(text, current[^1].Text))) Flush(current, TextRole.Body);
                current.Add(line);
                foreach (Match m in GluedMarker().Matches(text)) pendingMarkers.Add(MarkerNumber(m));
            }
        }
        if (footnote != null) Flush(footnote, TextRole.Footnote);
        if (parked != null) Flush(parked, TextRole.Body);
        Flush(current, TextRole.Body);
        return result;
    }

    /// <summary>
    /// Lines set smaller than the body at the foot of a page, from the first that starts with a
    /// marker: footnotes, found by their size where the markers were lost (a scan reads a
    /// superscript "1" as "!" or not at all).
    /// </summary>
    public static HashSet<SourceLine> FootnoteZone(IEnumerable<SourceLine> lines)
    {
        var zone = new HashSet<SourceLine>(ReferenceEqualityComparer.Instance);
        foreach (var page in lines.Where(l => l.Box != null).GroupBy(l => l.Page))
        {
            var list = page.ToList();
            if (list.Count < 8) continue;
            var heights = list.Select(l => l.Box!.Height).Order().ToList();
            double median = heights[heights.Count / 2];
            int k = list.Count;
            while (k > 0 && list[k - 1].Box!.Height < 0.85 * median) k--;
            // the small run must open with a marked line, else it is a signature block or a page number
            int start = k;
            while (start < list.Count && !MarkedLine().IsMatch(list[start].Text)) start++;
            for (int i = start; i < list.Count; i++) zone.Add(list[i]);
        }
        return zone;
    }

    // the last lines of a paragraph, enough words to hold a photo's mark and credit: a mark further back
    // has more words after it than a credit, so EndsWithCredit reads no further, and each line does not
    // join the whole paragraph again
    private string Tail(IReadOnlyList<SourceLine> lines)
    {
        int words = 0, from = lines.Count;
        while (from > 0 && words < _creditTailWords) words += lines[--from].Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return string.Join(" ", lines.Skip(from).Select(l => l.Text.Trim()));
    }

    private bool StartsNew(string line, string previous)
    {
        var prev = previous.TrimEnd();
        if (Bullet().IsMatch(line) || RowMarker().IsMatch(line) || headings.Parse(line) != null) return true;
        if (prev.EndsWith(':')) return true;
        if (Bullet().IsMatch(prev) && prev.Trim().Length <= 1) return false;
        bool capital = line.Length > 0 && char.IsUpper(line[0]);
        if (capital && EndsSentence(prev)) return true;
        // "(4) 100% thủ tục …", "b) …" after a sentence's end or a heading: an item of a counted list
        if ((EndsSentence(prev) || headings.Parse(prev) != null) && Text.ListMarks.OpensListItem(line)) return true;
        // a heading line that does not run on: "1. Mục tiêu chung" then "Nâng cao hiệu quả …"
        if (capital && headings.Parse(prev) != null && !prev.EndsWith(',')) return true;
        return false;
    }

    private static bool EndsSentence(string s)
    {
        var t = s.TrimEnd();
        return t.EndsWith('.') || t.EndsWith(';') || t.EndsWith('…') || t.EndsWith("./.", StringComparison.Ordinal) || t.EndsWith('!') || t.EndsWith('?');
    }

    /// <summary>Joins lines into one text and records where each line sits.</summary>
    public static (string Text, IReadOnlyList<LineSpan> Spans) Join(IReadOnlyList<SourceLine> lines)
    {
        var sb = new StringBuilder();
        var spans = new List<LineSpan>(lines.Count);
        foreach (var l in lines)
        {
            var t = Text.VietText.Squash(Text.VietText.Clean(l.Text));
            if (t.Length == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            spans.Add(new LineSpan(sb.Length, t.Length + 1, l));
            sb.Append(t);
        }
        if (spans.Count == 0) spans.Add(new LineSpan(0, 1, lines[0]));
        return (sb.ToString(), spans);
    }
}
