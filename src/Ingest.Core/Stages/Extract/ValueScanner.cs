using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Extract;

/// <summary>
/// Finds the quantities a plan commits to: percentages and ranges ("80% - 90%"), ranks ("Top 20",
/// "Thứ bậc &lt; 10"), counts of a known noun ("03 cuộc giám sát"), and the unit-first form that
/// flattened tables leave behind ("% &gt; 80"). Numbers that only define an indicator ("4G",
/// "01 Gb/s", "mức độ 3") match none of these shapes and are left alone.
/// </summary>
public sealed class ValueScanner
{
    private const string Num = NumberParser.Pattern;
    private readonly Regex _percent;
    private readonly Regex _top;
    private readonly Regex _rankWord;
    private readonly Regex _count;
    private readonly Regex _multiple;
    private readonly Regex _openCount;
    private readonly HashSet<string> _uncounted;
    private readonly Dictionary<string, string> _multipleUnits;
    private readonly Regex _unitFirstPercent;
    private readonly Regex _unitFirstCount;
    private readonly (string Phrase, string Cmp)[] _before;
    private readonly (string Phrase, string Cmp)[] _after;
    private readonly string[] _openers;
    private readonly string[] _references;
    private readonly Dictionary<string, string> _nounUnits;
    private readonly Regex _bare;
    private readonly Regex _rankGroup;
    private readonly string[] _definingHeads;
    private readonly HashSet<string> _weakNouns;
    private readonly string[] _valueVerbs;
    private readonly string[] _planRatioAfter, _planRatioClosing, _planRatioVerbs, _differenceUnits, _planWords, _changeVerbs, _riseWords, _costNouns, _servingVerbs, _countedActs, _partLeads, _supportWords;
    private readonly Regex _riseAfter;
    private readonly Regex _startYear;

    public ValueScanner(Lexicon lexicon)
    {
        string Alt(IEnumerable<string> words) =>
            string.Join("|", words.Select(VietText.Fold).OrderByDescending(w => w.Length).Select(Regex.Escape));
        var pct = Alt(lexicon.PercentWords);
        var joins = Alt(lexicon.RangeJoiners);
        var nouns = Alt(lexicon.CountNouns.Select(n => n.Noun));
        _nounUnits = lexicon.CountNouns.ToDictionary(n => VietText.Fold(n.Noun), n => n.Unit);
        const string sym = "(?<cmp>>=|<=|=>|≥|≤|>|<)";
        _percent = new Regex($@"(?<![\w.,/])(?<a>{Num})\s*(?<pa>{pct})?\s*(?:(?<j>{joins})\s*(?<b>{Num})\s*)?(?<p>{pct})(?<fn>\d{{1,2}}(?=[\s.,;:)]|$))?", RegexOptions.Compiled);
        _top = new Regex($@"(?<!\w)(?:{Alt(lexicon.RankTopWords)})\s*(?<a>\d+)(?![\d%])", RegexOptions.Compiled);
        // "xếp thứ 20/34" is rank 20 of 34
        _rankWord = new Regex($@"(?<!\w)(?:{Alt(lexicon.RankWords)})\s*(?:thứ\s*)?{sym}?\s*(?<a>\d+)(?:/\d+)?(?![\d%/]|[.,]\d)", RegexOptions.Compiled);
        // "nhóm 10 tỉnh, thành phố dẫn đầu", "nhóm 100 thành phố … năng động nhất thế giới": rank within the first N
        // the superlative must describe the group itself, with no comma between ("nhóm 5 thành viên, … tốt nhất cả nước" is not)
        _rankGroup = new Regex($@"(?<!\w)(?:{Alt(lexicon.RankGroupWords)})\s+(?<a>\d+)\s+(?:[^\d;.%]{{1,80}}?(?:{Alt(lexicon.RankLeaderWords)})|[^\d;.%,]{{1,80}}?(?<!(?<!\w)(?:{Alt(lexicon.RankSuperlativeNotAfter)})\s+)(?:{Alt(lexicon.RankSuperlatives)}))(?!\w)", RegexOptions.Compiled);
        // "03 cuộc", "240.000 tỷ đồng", "từ 10 đến 15 dự án", "15 triệu lượt khách", "100Mbps"
        // "05 (năm) mô hình": a number written out again in brackets stands between the count and its noun
        // "09/12 thôn": a part of a whole counts its part
        _count = new Regex($@"(?<![\w.,/\-])(?<a>{Num})(?:\s*(?<j>{joins})\s*(?<b>{Num})|/(?<of>{Num}))?(?:\s*\([^()\d]{{1,30}}\))?\s*(?<s>(?:{Alt(lexicon.CountScales)})\s+)?(?<n>{nouns})(?!\w)", RegexOptions.Compiled);
        // "tăng gấp 2 lần": a multiple of a level
        _multiple = new Regex($@"(?<!\w)(?<lead>{Alt(lexicon.Multiples.Select(x => x.Lead))})\s+(?<a>{Num})\s*(?<n>{Alt(lexicon.Multiples.Select(x => x.Unit))})(?!\w)", RegexOptions.Compiled);
        _multipleUnits = lexicon.Multiples.ToDictionary(x => VietText.Fold(x.Lead), x => x.Unit);
        _definingHeads = lexicon.DefiningHeads.Select(VietText.Fold).ToArray();
        _weakNouns = lexicon.WeakCountNouns.Select(VietText.Fold).ToHashSet();
        // "… (năm 2025) lên 2.800 hộ": after the starting figure, its clause goes on to a rise and a figure
        _startYear = new Regex($@"\G\s*(?:{Alt(lexicon.PlainYearLeadIns)})\s+(?:19|20)[0-9]{{2}}(?![0-9])", RegexOptions.Compiled);
        _riseAfter = new Regex($@"^[^;.\d]{{0,40}}?(?<!\w)(?:{Alt(lexicon.RiseWords)})\s+(?:(?:{Alt(lexicon.ComparatorsBefore.Select(c => c.Phrase))})\s*)?\d", RegexOptions.Compiled);
        _planRatioAfter = lexicon.PlanRatioAfter.Select(VietText.Fold).OrderByDescending(v => v.Length).ToArray();
        _planRatioClosing = lexicon.PlanRatioClosing.Select(VietText.Fold).ToArray();
        _planRatioVerbs = lexicon.PlanRatioVerbs.Select(VietText.Fold).ToArray();
        _differenceUnits = lexicon.DifferenceUnits.Select(VietText.Fold).ToArray();
        _servingVerbs = lexicon.ServingVerbs.Select(VietText.Fold).OrderByDescending(v => v.Length).ToArray();
        _countedActs = lexicon.CountedActs.Select(VietText.Fold).ToArray();
        _costNouns = lexicon.CostNouns.Select(VietText.Fold).ToArray();
        _supportWords = lexicon.SupportWords.Select(VietText.Fold).ToArray();
        _partLeads = lexicon.PartLeads.Select(VietText.Fold).ToArray();
        _planWords = lexicon.PlanWords.Select(VietText.Fold).ToArray();
        _riseWords = lexicon.RiseWords.Select(VietText.Fold).OrderByDescending(v => v.Length).ToArray();
        _changeVerbs = lexicon.ChangeVerbs.Select(VietText.Fold).OrderByDescending(v => v.Length).ToArray();
        _valueVerbs = lexicon.PlainValueVerbs.Select(VietText.Fold).OrderByDescending(v => v.Length).ToArray();
        _unitFirstPercent = new Regex($@"(?<=^|\s)(?:{pct})(?:\s+\p{{Ll}}+){{0,3}}\s*{sym}?\s*(?<a>{Num})(?![\d%/]|[.,]\d|\s*(?:{pct}))", RegexOptions.Compiled);
        _openCount = new Regex($@"(?<!\w)(?:(?:{Alt(lexicon.OpenCountComparators)})|(?<from>{Alt(lexicon.RangeOpeners)}))\s+(?<a>{Num})(?:\s*(?<j>{joins})\s*(?<b>{Num}))?\s+(?<n>\p{{L}}+(?:\s+\p{{Ll}}+)?)", RegexOptions.Compiled);
        _uncounted = lexicon.UncountedWords.Select(VietText.Fold).ToHashSet();
        _unitFirstCount = new Regex($@"(?<!\w)(?<n>{nouns})(?:\s+\w+){{0,4}}\s*{sym}\s*(?<a>{Num})(?![\d%/]|[.,]\d|\s*(?:{pct}))", RegexOptions.Compiled);
        // a bare cell: "90", "> 80", "65 - 70" (a range in the column's unit)
        _bare = new Regex($@"(?<![\w.,/])(?<a>{Num})(?:\s*(?:{joins})\s*(?<b>{Num}))?(?![\d%/]|[.,]\d)", RegexOptions.Compiled);
        _before = lexicon.ComparatorsBefore.Select(c => (VietText.Fold(c.Phrase), c.Cmp)).OrderByDescending(c => c.Item1.Length).ToArray();
        _after = lexicon.ComparatorsAfter.Select(c => (VietText.Fold(c.Phrase), c.Cmp)).OrderByDescending(c => c.Item1.Length).ToArray();
        _openers = lexicon.RangeOpeners.Select(VietText.Fold).ToArray();
        _references = lexicon.ReferenceWords.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray();
    }

    /// <summary>
    /// Values in <paramref name="text"/>, in order, none overlapping. <paramref name="stated"/>: the
    /// text states a value by where it stands (a table's result cell), so a count in a plain noun
    /// ("500 người") needs no word of commitment.
    /// </summary>
    public IReadOnlyList<ValueMention> Scan(string text, bool stated = false)
    {
        var folded = VietText.FoldSameLength(text);
        var found = new List<ValueMention>();

        bool Free(int s, int e) => !found.Any(f => s < f.End && e > f.NumberStart);

        foreach (Match m in _percent.Matches(folded))
        {
            var a = m.Groups["a"];
            bool range = m.Groups["b"].Success;
            // "2026 - 50%; 2027 - 60%": a year labels the figure after its dash, it opens no range
            if (range && YearLabels(a.Value, m.Groups["b"].Value)) (a, range) = (m.Groups["b"], false);
            if (!Free(a.Index, m.Index + m.Length) || RatioToPlan(folded, m.Index, m.Index + m.Length) || ShareOfACost(folded, m.Index, m.Index + m.Length)) continue;
            var value = ParseOrNull(a.Value);
            double? max = range ? ParseOrNull(m.Groups["b"].Value) : null;
            int end = m.Groups["fn"].Success ? m.Groups["fn"].Index : m.Index + m.Length;
            var (cmp, start, endAfter) = Comparator(folded, a.Index, end, null);
            if (range) cmp = "range";
            bool rise = !range && StartsARise(folded, start, a.Index, Math.Max(end, endAfter));
            if (rise) cmp = "=";
            bool unreadable = NumberParser.IsLostDigits(a.Value) || range && NumberParser.IsLostDigits(m.Groups["b"].Value);
            found.Add(new ValueMention(start, Math.Max(end, endAfter), a.Index, unreadable ? null : value, unreadable ? null : max,
                UnitClass.Percent, "%", cmp, unreadable ? ValueEvidence.Unreadable : ValueEvidence.Inline) { StartsARise = rise });
        }
        foreach (Match m in _rankGroup.Matches(folded))
        {
            var a = m.Groups["a"];
            if (!Free(a.Index, a.Index + a.Length)) continue;
            found.Add(new ValueMention(m.Index, a.Index + a.Length, a.Index, ParseOrNull(a.Value), null, UnitClass.Rank, "rank", "<=", ValueEvidence.Inline));
        }
        foreach (Match m in _top.Matches(folded))
        {
            var a = m.Groups["a"];
            if (!Free(m.Index, m.Index + m.Length)) continue;
            found.Add(new ValueMention(m.Index, m.Index + m.Length, a.Index, ParseOrNull(a.Value), null, UnitClass.Rank, "rank", "<=", ValueEvidence.Inline));
        }
        foreach (Match m in _rankWord.Matches(folded))
        {
            var a = m.Groups["a"];
            if (!Free(m.Index, m.Index + m.Length) || LooksLikeYear(a.Value)) continue;
            var cmp = m.Groups["cmp"].Success ? Symbol(m.Groups["cmp"].Value) : "=";
            found.Add(new ValueMention(m.Index, m.Index + m.Length, a.Index, ParseOrNull(a.Value), null, UnitClass.Rank, "rank", cmp, ValueEvidence.Inline));
        }
        foreach (Match m in _unitFirstPercent.Matches(text))
            AddUnitFirst(m, UnitClass.Percent, "%");
        foreach (Match m in _multiple.Matches(folded))
        {
            var a = m.Groups["a"];
            if (!Free(a.Index, m.Index + m.Length) || !NumberParser.TryParse(a.Value, out _) || !AfterAChange(folded, m.Index)) continue;
            var (cmp, start, _) = Comparator(folded, m.Index, m.Index, null);
            found.Add(new ValueMention(start, m.Index + m.Length, a.Index, ParseOrNull(a.Value), null,
                UnitClass.Count, _multipleUnits[m.Groups["lead"].Value], cmp, ValueEvidence.Inline) { IsMultiple = true });
        }
        foreach (Match m in _count.Matches(folded))
        {
            var a = m.Groups["a"];
            bool range = m.Groups["b"].Success;
            bool part = m.Groups["of"].Success;
            if (part && (!PartStandsAlone(Aside(folded, m.Index, m.Index + m.Length), a.Value, m.Groups["of"].Value, m.Index + m.Length)
                || StatesAShare(folded, a.Value, m.Groups["of"].Value))) continue;
            // "2026 - 120 doanh nghiệp": a year labels the count after its dash, as with a percentage
            if (range && YearLabels(a.Value, m.Groups["b"].Value)) (a, range) = (m.Groups["b"], false);
            // a capital after the number and a space starts the next table cell ("80 Trung tâm phục vụ…"),
            // not a counted noun, unless a sentence runs into the number ("hình thành 01 Trung tâm dữ liệu");
            // a unit glued to its number ("100Mbps") is one
            var n = m.Groups["n"];
            var unit = _nounUnits.GetValueOrDefault(n.Value, n.Value);
            bool capitalAfterSpace = char.IsUpper(text[n.Index]) && char.IsWhiteSpace(text[n.Index - 1])
                && !text.AsSpan(n.Index).StartsWith(unit, StringComparison.Ordinal)   // "350 Tbps" is written so
                && !AfterAWordOfProse(text, a.Index);
            if (!Free(a.Index, m.Index + m.Length) || IsReference(folded, a.Index) || LooksLikeYear(a.Value) || capitalAfterSpace) continue;
            if (!NumberParser.TryParse(a.Value, out _)) continue;
            var (cmp, start, _) = Comparator(folded, a.Index, a.Index + a.Length, null);
            if (Defines(folded, start)) continue;
            // "03 xã cũ", "18 người": a plain noun counts only as a commitment ("ít nhất 500 người", "đạt 40 hộ",
            // "từ 50 hộ trở lên"); a "từ" that opens no range and closes with nothing is none ("ý kiến từ 25 người")
            bool rise = !range && StartsARise(folded, start, a.Index, m.Index + m.Length);
            if (_weakNouns.Contains(n.Value) && !stated && !rise && !part && !Committed(folded, a, range, m.Index + m.Length, start)) continue;
            if (range) cmp = "range";
            if (rise) cmp = "=";
            if (m.Groups["s"].Success) unit = m.Groups["s"].Value.Trim() + " " + unit;
            bool unreadable = NumberParser.IsLostDigits(a.Value);
            found.Add(new ValueMention(start, m.Index + m.Length, a.Index, unreadable ? null : ParseOrNull(a.Value),
                range && !unreadable ? ParseOrNull(m.Groups["b"].Value) : null,
                UnitClass.Count, unit, cmp, unreadable ? ValueEvidence.Unreadable : ValueEvidence.Inline)
            { StartsARise = rise, IsChange = _differenceUnits.Any(d => VietText.StartsWithWord(folded[n.Index..], d)) });
        }
        // "tối thiểu 3 tập đoàn công nghệ", "khoảng 5.000 kỹ sư", "từ 25 đến 30 nhãn hiệu": a committed count of a noun no list names;
        // the noun is its first two words (a Vietnamese noun is mostly two syllables)
        var open = new List<ValueMention>();
        foreach (Match m in _openCount.Matches(folded))
        {
            var a = m.Groups["a"];
            var n = m.Groups["n"];
            if (!Free(a.Index, n.Index + n.Length) || LooksLikeYear(a.Value) || !NumberParser.TryParse(a.Value, out _) || IsReference(folded, a.Index)) continue;
            var words = n.Value.Split(' ');
            if (char.IsUpper(text[n.Index]) || _uncounted.Contains(words[0])) continue;
            var unit = words.Length > 1 && !_uncounted.Contains(words[1]) ? $"{words[0]} {words[1]}" : words[0];
            bool range = m.Groups["b"].Success;
            var (cmp, start, _) = Comparator(folded, a.Index, a.Index + a.Length, null);
            if (m.Groups["from"].Success && !range)
            {
                // "từ 200 bộ dữ liệu mở trở lên": a "từ" commits only with its closing words
                if (Comparator(folded, a.Index, n.Index + n.Length, null).End <= n.Index + n.Length && !ClosesWithin(folded, n.Index + n.Length)) continue;
                cmp = ">=";
            }
            if (range) cmp = "range";
            open.Add(new ValueMention(start, n.Index + unit.Length, a.Index, ParseOrNull(a.Value), range ? ParseOrNull(m.Groups["b"].Value) : null,
                UnitClass.Count, text.Substring(n.Index, unit.Length), cmp, ValueEvidence.Inline));
        }
        foreach (Match m in _unitFirstCount.Matches(folded))
            AddUnitFirst(m, UnitClass.Count, _nounUnits.GetValueOrDefault(m.Groups["n"].Value, m.Groups["n"].Value));

        void AddUnitFirst(Match m, UnitClass cls, string unit)
        {
            var a = m.Groups["a"];
            if (!Free(m.Index, m.Index + m.Length)) return;
            if (LooksLikeYear(a.Value) && !m.Groups["cmp"].Success) return;
            var cmp = m.Groups["cmp"].Success ? Symbol(m.Groups["cmp"].Value) : "=";
            bool unreadable = NumberParser.IsLostDigits(a.Value);
            found.Add(new ValueMention(m.Index, m.Index + m.Length, a.Index, unreadable ? null : ParseOrNull(a.Value), null,
                cls, unit, cmp, unreadable ? ValueEvidence.Unreadable : ValueEvidence.UnitFirst));
        }
        // "số hộ có ít nhất 01 thành viên sử dụng … đạt 3.500 hộ", "100% hộ gia đình có ít nhất 01 thành viên biết …":
        // a count of a noun no list names that runs into a figure on either side with no break qualifies that figure's indicator
        foreach (var o in open)
            if (!found.Any(f => f.NumberStart > o.End && Unbroken(folded.AsSpan(o.End, f.Start - o.End))
                             || f.End <= o.Start && Unbroken(folded.AsSpan(f.End, o.Start - f.End)))
                // "100% cán bộ, công chức có ít nhất 01 chứng chỉ": one of something beside another figure says what is counted
                && !(o.Value <= 1 && o.Comparator == ">=" && found.Count > 0))
                found.Add(o);
        found.Sort((x, y) => x.NumberStart.CompareTo(y.NumberStart));
        return WithoutTheBaseOfAShare(folded, found);
    }

    /// <summary>A bare number in a table result cell ("&gt; 80", "90", "&gt;=30"), read with the unit of its column.</summary>
    public ValueMention? ScanBare(string cell, UnitClass cls, string unit)
    {
        var folded = VietText.Fold(cell);
        var m = _bare.Match(folded);
        if (!m.Success || LooksLikeYear(m.Groups["a"].Value)) return null;
        var a = m.Groups["a"];
        bool range = m.Groups["b"].Success;
        var (cmp, start, end) = Comparator(folded, a.Index, m.Index + m.Length, null);
        if (range) cmp = "range";
        bool unreadable = NumberParser.IsLostDigits(a.Value);
        return new ValueMention(start, Math.Max(end, m.Index + m.Length), a.Index, unreadable ? null : ParseOrNull(a.Value),
            range && !unreadable ? ParseOrNull(m.Groups["b"].Value) : null, cls, unit, cmp,
            unreadable ? ValueEvidence.Unreadable : ValueEvidence.TableCell);
    }

    private (string Cmp, int Start, int End) Comparator(string folded, int numberStart, int valueEnd, string? fallback)
    {
        int i = numberStart;
        while (i > 0 && (folded[i - 1] == ' ' || folded[i - 1] == ':')) i--;
        // "tối thiểu là 60%", "ít nhất đạt 3.000 người": a value verb may stand between a comparator of
        // more than one word and the figure; a one-word one there is a noun's ("gửi cấp trên đạt 100%")
        foreach (var v in _valueVerbs)
            if (VietText.EndsWithWord(folded[..i], v) && _before.Any(b => b.Phrase.Contains(' ') && VietText.EndsWithWord(folded[..(i - v.Length)].TrimEnd(), b.Phrase)))
            {
                i = folded[..(i - v.Length)].TrimEnd().Length;
                break;
            }
        var before = folded[..i];
        string cmp = fallback ?? "=";
        int start = numberStart;
        foreach (var (p, c) in _before)
            if (VietText.EndsWithWord(before, p))
            {
                cmp = c;
                start = i - p.Length;
                break;
            }
        bool opened = false;
        foreach (var o in _openers)
            if (start == numberStart && VietText.EndsWithWord(before, o)) { opened = true; start = i - o.Length; }
        int j = valueEnd;
        while (j < folded.Length && folded[j] == ' ') j++;
        int end = valueEnd;
        foreach (var (p, c) in _after)
            if (string.CompareOrdinal(folded, j, p, 0, p.Length) == 0)
            {
                cmp = c;
                end = j + p.Length;
                opened = false;
                break;
            }
        if (opened) cmp = ">=";
        return (cmp, start, end);
    }

    // "tăng từ 04 sản phẩm (năm 2025) lên 08 sản phẩm": the figure "từ" opens is where a rise starts
    private bool StartsARise(string folded, int start, int numberStart, int end)
    {
        if (start >= numberStart || !_openers.Contains(folded[start..numberStart].Trim())) return false;
        int after = end;
        // a bracket that dates the start ("(năm 2025)") stands between
        if (after < folded.Length && folded.AsSpan(after).TrimStart() is var rest && rest.Length > 0 && rest[0] == '(' && folded.IndexOf(')', after) is var close and > 0)
            after = close + 1;
        // … or the year itself ("tăng từ 6,8% năm 2022 lên 9,1%")
        else if (_startYear.Match(folded, after) is { Success: true } y)
            after = y.Index + y.Length;
        return _riseAfter.IsMatch(folded.AsSpan(after));
    }

    // "đã tổ chức 06/10 lớp, đạt 60% kế hoạch": how much of the plan is done, neither a target nor a baseline;
    // brought by a ratio's verb, the plan word may end a phrase only ("đạt 92% kế hoạch, tương ứng 186,4 tỷ đồng")
    private bool RatioToPlan(string folded, int start, int end)
    {
        int j = end;
        while (j < folded.Length && folded[j] == ' ') j++;
        bool At(string p) => string.CompareOrdinal(folded, j, p, 0, p.Length) == 0 && (j + p.Length == folded.Length || !char.IsLetterOrDigit(folded[j + p.Length]));
        // asked only at a comma after the plan word: every percentage passes here
        bool Brought() => folded[..start].TrimEnd() is var before && _planRatioVerbs.Any(v => VietText.EndsWithWord(before, v));
        bool EndsAfter(string p) => folded.AsSpan(j + p.Length).TrimStart() is var rest && (rest.IsEmpty || rest[0] is '.' or ';' or ')' || rest[0] == ',' && Brought());
        return _planRatioAfter.Any(At) || _planRatioClosing.Any(p => At(p) && EndsAfter(p));
    }

    // "từ 200 bộ dữ liệu mở trở lên": the closing comparator a few words after the noun
    private bool ClosesWithin(string folded, int end)
    {
        var rest = folded[end..];
        int stop = rest.AsSpan().IndexOfAny(PhraseBreaks);
        if (stop >= 0) rest = rest[..stop];
        return _after.Any(c => VietText.ContainsWord(rest, c.Phrase)) && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxWordsBeforeAClosing;
    }

    private const int MaxWordsBeforeAClosing = 5;

    // where a phrase breaks off: its words run on no further
    private const string PhraseBreaks = ",;.(";

    private static bool Unbroken(ReadOnlySpan<char> between) => between.IndexOfAny(PhraseBreaks) < 0;

    // "tăng gấp 2 lần", "tăng lên gấp 3 lần": a level that grows by a multiple; a comparison of two things
    // ("nhanh gấp 10 lần 4G") is a fact, not a commitment
    private bool AfterAChange(string folded, int at)
    {
        var before = folded[..at].TrimEnd();
        foreach (var r in _riseWords)
            if (VietText.EndsWithWord(before, r)) { before = before[..^r.Length].TrimEnd(); break; }
        return _changeVerbs.Any(v => VietText.EndsWithWord(before, v));
    }

    // "tiếp nhận 6.842 hồ sơ, trong đó 5.317 hồ sơ trực tuyến toàn trình, đạt 77,7%": the whole and its part
    // are the share's base, which the percentage states, as "x/y …, đạt z%" gives z alone
    private List<ValueMention> WithoutTheBaseOfAShare(string folded, List<ValueMention> found)
    {
        foreach (var share in found.Where(f => f.UnitClass == UnitClass.Percent).ToList())
            foreach (var lead in _partLeads)
            {
                int at = VietText.IndexOfWord(folded, lead);
                if (at < 0 || at > share.Start) continue;
                var counts = found.Where(f => f.UnitClass == UnitClass.Count && f.End <= share.Start).ToList();
                if (counts.Any(c => c.End <= at) && counts.Any(c => c.Start > at))
                    found = found.Except(counts).ToList();
            }
        return found;
    }

    // "100% tổ dân phố có điểm phát Wi-Fi (hiện có 14/22 tổ dân phố)": a figure in brackets is an aside
    // of its own, and what stands beside it is what the brackets hold; the text outside is blanked, so
    // positions stay those of the whole
    private static string Aside(string folded, int start, int end)
    {
        int open = folded.LastIndexOf('(', start), shut = folded.IndexOf(')', end);
        if (open < 0 || shut < 0 || folded.LastIndexOf(')', start) > open || folded.IndexOf('(', end, shut - end) >= 0) return folded;
        return string.Concat(new string(' ', open), folded.AsSpan(open, shut + 1 - open), new string(' ', folded.Length - shut - 1));
    }

    // "đạt 81% (3.910/4.826 hồ sơ)", "100% cán bộ (31/31 người)": a part whose share is a percentage of
    // its clause is that percentage's base, wherever it stands
    private bool StatesAShare(string folded, string part, string whole) =>
        NumberParser.TryParse(part, out var p) && NumberParser.TryParse(whole, out var w) && w > 0
        && _percent.Matches(folded).Any(m => NumberParser.TryParse(m.Groups["a"].Value, out var share) && Math.Abs(share - 100 * p / w) <= 1);

    // "09/12 thôn có điểm phát wifi" counts its part; beside a percentage the percentage is the value
    // ("38/41 cán bộ …, đạt 92,7%"), and a part of what a plan set is how much of it is done ("45/52 nhiệm vụ được giao")
    private bool PartStandsAlone(string folded, string part, string whole, int end) =>
        NumberParser.TryParse(part, out var p) && NumberParser.TryParse(whole, out var w) && p <= w
        && !_percent.IsMatch(folded)
        && !_planWords.Any(x => VietText.ContainsWord(folded[end..], x));

    // "1.500 người cao tuổi được hướng dẫn", "1.250 hộ gia đình đăng ký sử dụng": what the counted do or
    // undergo, a few words on and in the same phrase; "toàn xã có 8.640 người, 2.115 hộ" only describes
    private bool ActFollows(string folded, int end)
    {
        var words = folded[end..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = 0; k < words.Length && k <= MaxWordsBeforeAnAct; k++)
        {
            var rest = string.Join(' ', words.Skip(k));
            if (_countedActs.Any(a => VietText.StartsWithWord(rest, a))) return true;
            if (words[k].Any(c => c is ',' or ';' or '.' or ':' or '(' or ')') || words[k].Any(char.IsDigit)) return false;
        }
        return false;
    }

    private const int MaxWordsBeforeAnAct = 3;

    // "hỗ trợ 50% chi phí thuê dịch vụ", "mức hỗ trợ tối đa 30% chi phí": how much of a cost is paid, a rate of support
    // ("cắt giảm 30% chi phí tuân thủ", "giải ngân 100% kinh phí" are targets: no word of support before them)
    private bool ShareOfACost(string folded, int start, int end) =>
        folded.AsSpan(end).TrimStart().ToString() is var rest && _costNouns.Any(c => VietText.StartsWithWord(rest, c))
        && _supportWords.Any(w => VietText.ContainsWord(folded[..start], w));

    /// <param name="figure">the count's figure (after a year that labels it, "2026 - 500 người")</param>
    /// <param name="end">where the counted noun ends</param>
    private bool Committed(string folded, Group figure, bool range, int end, int start)
    {
        bool opened = start < figure.Index && !range && _openers.Contains(folded[start..figure.Index].Trim());
        if (start < figure.Index && !opened) return true;
        var before = folded[..start].TrimEnd();
        if (_valueVerbs.Any(v => VietText.EndsWithWord(before, v))) return true;
        // a comparator that closes after the noun ("trở lên"), found as Comparator finds one after a figure
        if (Comparator(folded, figure.Index, end, null).End > end) return true;
        // a "từ" that opens nothing says where the counted come from ("ý kiến từ 25 người dân có …"); beside a
        // percentage the count is its base ("có 9.215 người dân … có tài khoản, đạt 87,5%"), as a part's whole is
        if (opened || _percent.IsMatch(folded)) return false;
        return _changeVerbs.Any(v => VietText.EndsWithWord(before, v)) || _servingVerbs.Any(v => VietText.EndsWithWord(before, v)) || ActFollows(folded, end);
    }

    // "tốc độ trên 1 Gb/s", "từ độ tuổi 15": a number right after the measure it qualifies defines the indicator
    private bool Defines(string folded, int valueStart)
    {
        var before = folded[..valueStart].TrimEnd();
        return _definingHeads.Any(h => VietText.EndsWithWord(before, h));
    }

    private bool IsReference(string folded, int numberStart)
    {
        var before = folded[..numberStart].TrimEnd();
        return _references.Any(r => VietText.EndsWithWord(before, r)) || before.EndsWith('/');
    }

    // "2026 - 50%", "2026 - 120 doanh nghiệp": a year before a dash labels the figure after it; it opens no range
    private static bool YearLabels(string first, string second) => LooksLikeYear(first) && !LooksLikeYear(second);

    /// <summary>
    /// Whether a lower-case word stands one space before a position: a sentence runs into it. A run
    /// of spaces is the gap between two cells of a table laid out as text.
    /// </summary>
    private static bool AfterAWordOfProse(string text, int at) =>
        at >= 2 && text[at - 1] == ' ' && char.IsLower(text[at - 2]);

    private static bool LooksLikeYear(string s) => s.Length == 4 && (s.StartsWith("19") || s.StartsWith("20"));

    private static string Symbol(string s) => s switch
    {
        ">=" or "≥" or "=>" => ">=",
        "<=" or "≤" => "<=",
        ">" => ">",
        "<" => "<",
        _ => "=",
    };

    private static double? ParseOrNull(string s) => NumberParser.TryParse(s, out var v) ? v : null;
}
