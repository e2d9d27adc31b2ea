using Ingest.Core.Model;
using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Scope;

/// <summary>
/// The one recogniser of time and status cues. Each cue shape has one rule here: a year or period
/// with the words before it (deadline lead-in, "năm", as-of, reference), a full date (a deadline
/// after "trước", a status after "tính đến", else the document's own date), recurrence words and
/// status words. The phrases come from the lexicon.
/// </summary>
public sealed partial class CueFinder
{
    private enum Lead { None, Deadline, Plain, AsOf, Reference, DeadlineDate }

    private readonly (string Phrase, Lead Lead)[] _yearLeads;
    private readonly (string Phrase, Lead Lead)[] _dateLeads;
    private readonly (string Phrase, CueKind Kind)[] _words;
    private readonly string[] _baselineHeadings;
    private readonly string[] _baselineColumns;
    private readonly string[] _targetHeadings;
    private readonly string[] _tonelessBaselineHeadings;
    private readonly string[] _estimateMarks;
    private readonly string[] _statusAfterValue;
    private readonly Regex _fullDate;
    private readonly Regex _yearSpan;
    private readonly HashSet<string> _rangeOpeners;
    private readonly HashSet<string> _present;
    private readonly string[] _presentReferenceLeads;
    /// <summary>Each compound with where its last syllable starts (a one-syllable entry crosses no cue).</summary>
    private readonly (string Word, int Tail)[] _compounds;
    private readonly string[] _riseWords;
    private readonly (string Phrase, int? Offset)[] _relativeYears;
    private readonly HashSet<string> _periodQuantifiers;
    private readonly string[] _respectiveWords;

    public CueFinder(Lexicon lexicon)
    {
        static IEnumerable<(string, Lead)> Tag(IEnumerable<string> words, Lead lead) => words.Select(w => (VietText.Fold(w), lead));
        _yearLeads = Tag(lexicon.YearLeadIns, Lead.Deadline)
            .Concat(Tag(lexicon.PlainYearLeadIns, Lead.Plain))
            .Concat(Tag(lexicon.AsOfLeadIns, Lead.AsOf))
            .Concat(Tag(lexicon.ReferenceYearLeadIns, Lead.Reference))
            .OrderByDescending(p => p.Item1.Length).ToArray();
        _dateLeads = Tag(lexicon.DeadlineDateLeadIns, Lead.DeadlineDate)
            .Concat(Tag(lexicon.AsOfLeadIns, Lead.AsOf))
            .OrderByDescending(p => p.Item1.Length).ToArray();
        _words = lexicon.AnnualCues.Select(w => (VietText.Fold(w), CueKind.Annual))
            .Concat(lexicon.BaselineCues.Concat(lexicon.PresentCues).Select(w => (VietText.Fold(w), CueKind.Baseline)))
            .Concat(lexicon.TargetCues.Select(w => (VietText.Fold(w), CueKind.Target)))
            .OrderByDescending(p => p.Item1.Length).ToArray();
        _baselineHeadings = lexicon.BaselineHeadings.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray();
        _baselineColumns = lexicon.BaselineColumns.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray();
        _targetHeadings = lexicon.TargetHeadings.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray();
        _tonelessBaselineHeadings = _baselineHeadings.Where(w => w.Split(' ').Length >= 3).Select(VietText.StripTonesSameLength).ToArray();
        _estimateMarks = lexicon.EstimateMarks.Select(VietText.Fold).ToArray();
        _statusAfterValue = lexicon.StatusAfterValue.Select(VietText.Fold).ToArray();
        _rangeOpeners = lexicon.RangeOpeners.Select(VietText.Fold).ToHashSet();
        _present = lexicon.PresentCues.Select(VietText.Fold).ToHashSet();
        _presentReferenceLeads = lexicon.PresentReferenceLeads.Select(VietText.Fold).ToArray();
        _compounds = lexicon.CompoundsAcrossCues.Select(VietText.Fold).Where(c => c.LastIndexOf(' ') > 0).Select(c => (c, c.LastIndexOf(' ') + 1)).ToArray();
        _riseWords = lexicon.RiseWords.Select(VietText.Fold).ToArray();
        _relativeYears = lexicon.RelativeYears.Select(r => (VietText.Fold(r.Phrase), r.Offset)).OrderByDescending(r => r.Item1.Length).ToArray();
        _periodQuantifiers = lexicon.PeriodQuantifiers.Select(VietText.Fold).ToHashSet();
        _respectiveWords = lexicon.RespectiveWords.Select(VietText.Fold).ToArray();
        // "31/12/2027", "30.9.2025", "ngày 22 tháng 12 năm 2024", "tháng 9/2025", "Quý IV/2027" (day, month, quarter and year words from the lexicon)
        string W(IEnumerable<string> words) => string.Join("|", words.Select(VietText.Fold).Select(Regex.Escape));
        var day = W(lexicon.DayWords);
        var month = W(lexicon.MonthWords);
        var yearWord = W(lexicon.PlainYearLeadIns);
        var quarter = W(lexicon.QuarterWords);
        _yearSpan = new Regex($@"(?<![0-9/.])(?<a>(?:19|20)[0-9]{{2}})\s*(?:{W(lexicon.RangeJoiners)})\s*(?<b>(?:19|20)[0-9]{{2}})(?![0-9])", RegexOptions.Compiled);
        // a quarter is numbered in Roman or Arabic figures ("Quý IV/2027", "quý 2 năm 2026")
        _fullDate = new Regex($@"(?<![0-9/.])[0-9]{{1,2}}\s?[/.\-]\s?[0-9]{{1,2}}\s?[/.\-]\s?(?<y>(?:19|20)[0-9]{{2}})(?![0-9])|(?:(?:{day})\s+[0-9]{{1,2}}\s+)?(?:{month})\s+[0-9]{{1,2}}\s*(?:(?:{yearWord})\s+|/\s?)(?<y>(?:19|20)[0-9]{{2}})(?![0-9])|(?<!\w)(?:{quarter})\s+(?:iv|i{{1,3}}|[1-4])\s*(?:(?:{yearWord})\s+|/\s?)(?<y>(?:19|20)[0-9]{{2}})(?![0-9])", RegexOptions.Compiled);
    }

    [GeneratedRegex(@"(?<![0-9/.\-])(?<a>(?:19|20)[0-9]{2})(?:\s*[-–—]\s*(?<b>(?:19|20)[0-9]{2}))?(?![0-9/%]|[.,][0-9])")]
    private static partial Regex YearOrPeriod();

    /// <summary>Whether only a list mark or nothing stands between the sentence's end or the line's start and <paramref name="at"/>.</summary>
    private static bool OpensASentence(string folded, int at)
    {
        int i = at - 1;
        while (i >= 0 && folded[i] is ' ' or '\t' or '-' or '+' or '•' or '*') i--;
        return i < 0 || folded[i] is '\n' or '.' or ':' or ';' or '!' or '?';
    }

    // "thực hiện đạt": the cue's first syllable ends a word that started before it
    private bool InsideACompound(string folded, int at) =>
        _compounds.Any(c => at - c.Tail is var start and >= 0
            && string.CompareOrdinal(folded, start, c.Word, 0, c.Word.Length) == 0
            && (start == 0 || !VietText.IsWordChar(folded[start - 1])));

    /// <summary>Every cue in a text, in order of position.</summary>
    public IReadOnlyList<Cue> Find(string text)
    {
        var folded = VietText.FoldSameLength(text);
        var cues = new List<Cue>();
        var taken = new List<(int Start, int End)>();
        bool Free(int s, int e) => !taken.Any(t => s < t.End && e > t.Start);

        foreach (Match m in _fullDate.Matches(folded))
        {
            taken.Add((m.Index, m.Index + m.Length));
            int year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var (lead, leadStart) = LeadBefore(folded, m.Index, _dateLeads);
            if (lead == Lead.AsOf) cues.Add(Make(text, leadStart, m.Index + m.Length, CueKind.Baseline, year, YearForm.Lead));
            else if (lead == Lead.DeadlineDate) cues.Add(Make(text, leadStart, m.Index + m.Length, CueKind.Deadline, year, YearForm.Lead));
            // a date alone says something only where a header gives it a role ("Thực hiện đến 30/9/2025")
            else cues.Add(Make(text, m.Index, m.Index + m.Length, CueKind.Deadline, year, YearForm.Date));
            if (lead is Lead.AsOf or Lead.DeadlineDate) taken.Add((leadStart, m.Index));
        }
        foreach (Match m in YearOrPeriod().Matches(folded))
        {
            if (!Free(m.Index, m.Index + m.Length)) continue;
            int a = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
            bool period = m.Groups["b"].Success;
            int year = period ? int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture) : a;
            if (period && year < a) continue;
            var (lead, leadStart) = LeadBefore(folded, m.Index, _yearLeads);
            int end = m.Index + m.Length;
            switch (lead)
            {
                // "giai đoạn từ 2026 - 2030": a period that "từ" opens is still the plan's span ("nhiệm kỳ 2021 - 2026" is not)
                case Lead.Reference when period && _rangeOpeners.Contains(folded[leadStart..m.Index].Trim()):
                    cues.Add(Make(text, m.Index, end, CueKind.Deadline, year, YearForm.Period)); break;
                // "Nhiệm kỳ 2020 - 2025, …": a term that opens a sentence, set off by a comma, is its period, as
                // "Giai đoạn 2020 - 2025, …" is; inside a sentence it names a congress or a committee
                case Lead.Reference when period && OpensASentence(folded, leadStart) && folded.AsSpan(end).TrimStart(' ').StartsWith(","):
                    cues.Add(Make(text, leadStart, end, CueKind.Deadline, year, YearForm.Lead) with { NamesATerm = true }); break;
                case Lead.Reference: break;
                case Lead.AsOf: cues.Add(Make(text, leadStart, end, CueKind.Baseline, year, YearForm.Lead)); break;
                case Lead.Deadline: cues.Add(Make(text, leadStart, end, CueKind.Deadline, year, YearForm.Lead)); break;
                case Lead.Plain: cues.Add(Make(text, leadStart, end, CueKind.Deadline, year, period ? YearForm.Period : YearForm.Plain)); break;
                default: cues.Add(Make(text, m.Index, end, CueKind.Deadline, year, period ? YearForm.Period : YearForm.Bare)); break;
            }
            // a reference year ("so với cùng kỳ năm 2024") leaves its words to the status rules
            taken.Add((lead == Lead.Reference ? m.Index : Math.Min(leadStart, m.Index), end));
        }
        // "năm nay", "năm tới", "đến cuối năm,": where no year follows, the words name one from the document's
        foreach (var (phrase, offset) in _relativeYears)
        {
            int at = 0;
            while ((at = VietText.IndexOfWord(folded, phrase, at)) >= 0)
            {
                int end = at + phrase.Length;
                if (Free(at, end) && !YearFollows(folded, end) && !(offset > 0 && CountsYears(folded, at)))
                {
                    // plain, as "năm 2026" is: it frames the text after it only where it opens it ("Năm tới, …")
                    cues.Add(Make(text, at, end, CueKind.Deadline, null, YearForm.Plain) with { YearsFromDocument = offset, InFramedYear = offset == null });
                    taken.Add((at, end));
                }
                at = end;
            }
        }
        foreach (var (phrase, kind) in _words)
        {
            int at = 0;
            while ((at = VietText.IndexOfWord(folded, phrase, at)) >= 0)
            {
                int end = at + phrase.Length;
                if (Free(at, end) && !InsideACompound(folded, at))
                {
                    bool present = kind == CueKind.Baseline && _present.Contains(phrase);
                    // "gấp gần 3 lần hiện nay": the present is what the figure is compared with, as a reference year is;
                    // "tăng từ 120 doanh nghiệp hiện nay lên 300": it dates where a rise starts, which is a baseline already
                    if (!(present && (IsReference(folded, at) || RiseFollows(folded, end))))
                        cues.Add(Make(text, at, end, kind, null, YearForm.Lead) with { Present = present });
                    taken.Add((at, end));
                }
                at = end;
            }
        }
        cues.Sort((x, y) => x.Start.CompareTo(y.Start));
        return cues;
    }

    /// <summary>
    /// The cues of a heading, a lead-in title or a table title: its deadline when the title is
    /// time-like (it starts with a year phrase, or names one with a deadline lead-in, "năm" or a period),
    /// and its status when it starts with a status heading ("Kết quả đạt được", "Mục tiêu").
    /// </summary>
    public IReadOnlyList<Cue> HeadingCues(string title)
    {
        var list = new List<Cue>();
        var years = Find(title).Where(c => c.Year != null).ToList();
        // "Chỉ tiêu năm 2026", "Kết quả thực hiện năm 2025": a heading's "năm" year is its contents' year wherever
        // it stands, when it is the heading's only year ("Kết quả năm 2025 và nhiệm vụ năm 2026" heads both) and
        // the heading states no figure (a numbered item "1. … dưới 1%; năm 2027 … 3%" dates its own figures)
        bool statesFigures = StatesAFigure(title, years);
        var strong = years.FirstOrDefault(c => c.Form is YearForm.Lead or YearForm.Period)
            ?? (years.Select(c => c.Year).Distinct().Count() == 1 && !statesFigures ? years.FirstOrDefault(c => c.Form == YearForm.Plain) : null);
        var first = years.FirstOrDefault();
        var time = strong ?? (first is { OpensText: true } ? first : null);
        // "Chỉ tiêu thực hiện hằng năm": a heading with no year that names a recurrence makes its contents recur
        // (an item that states its own figures, "4. … bình quân hằng năm đạt 7%; … 55%", names its own clause's)
        // ("Chỉ tiêu cụ thể (đánh giá hằng năm)" says how targets are assessed, in a bracket)
        time ??= years.Count == 0 && !statesFigures ? Find(title).FirstOrDefault(c => c.Kind == CueKind.Annual && title[..c.Start].Count(ch => ch == '(') <= title[..c.Start].Count(ch => ch == ')')) : null;
        if (time != null) list.Add(time);
        if (StatusOfHeading(title) is { } status) list.Add(status);
        return list;
    }

    /// <summary>
    /// The cues of a table column header: any year it names, bare ones included ("2026",
    /// "Năm 2025 (ước)"), and its status ("Thực hiện năm 2024", "Kế hoạch 2025", "Mục tiêu").
    /// </summary>
    public IReadOnlyList<Cue> ColumnCues(string header)
    {
        var list = new List<Cue>();
        var year = Find(header).LastOrDefault(c => c.Year != null);
        if (year != null) list.Add(year.Kind == CueKind.Baseline ? year : year with { Kind = CueKind.Deadline });
        if (StatusOfColumn(header) is { } status) list.Insert(0, status);
        return list;
    }

    /// <summary>The status a section heading states by how it starts ("Kết quả đạt được", "Thực trạng", "Mục tiêu").</summary>
    public Cue? StatusOfHeading(string title) => StatusOf(title, _baselineHeadings) ?? LongStatusReadThroughTones(title);

    /// <summary>
    /// A status heading of three or more syllables whatever its tone marks: OCR of a fax or a
    /// low-resolution scan misreads a capital's tone ("KẾT QUÁ ĐẠT ĐƯỢC" for "KẾT QUẢ"), and no
    /// other heading of three such syllables differs from one only in its tones. Shorter phrases
    /// must match as written ("chi tiêu" is spending, "chỉ tiêu" a target).
    /// </summary>
    private Cue? LongStatusReadThroughTones(string title)
    {
        var clean = VietText.Clean(title).Trim();
        var toneless = VietText.StripTonesSameLength(VietText.FoldSameLength(clean));
        foreach (var w in _tonelessBaselineHeadings)
            if (VietText.StartsWithWord(toneless, w)) return new Cue(0, w.Length, CueKind.Baseline, null, clean[..w.Length]);
        return null;
    }

    /// <summary>
    /// The status a column header states: a column of what was done ("Thực hiện", "Ước thực hiện",
    /// "Năm 2025 (ước)") against one of what is planned ("Kế hoạch", "Mục tiêu"). Its words are
    /// broader than a heading's: "Thực hiện hiệu quả …" heads a section of tasks, not of results.
    /// </summary>
    public Cue? StatusOfColumn(string header) => StatusOf(header, _baselineColumns);

    private Cue? StatusOf(string title, string[] baselineWords)
    {
        // offsets on the cleaned text, so that the phrase is cut where the words are
        var clean = VietText.Clean(title).Trim();
        var folded = VietText.FoldSameLength(clean);
        // OCR of small print loses spaces ("Thựchiện đến 30/9/2025"): the words still state it
        foreach (var w in baselineWords)
            if (VietText.LengthSpacesAside(folded, w) is var n and >= 0) return new Cue(0, n, CueKind.Baseline, null, clean[..n]);
        foreach (var m in _estimateMarks)
            if (folded.IndexOf(m, StringComparison.Ordinal) is var at and >= 0) return new Cue(at, at + m.Length, CueKind.Baseline, null, clean.Substring(at, m.Length));
        foreach (var w in _targetHeadings)
            if (VietText.LengthSpacesAside(folded, w) is var n and >= 0) return new Cue(0, n, CueKind.Target, null, clean[..n]);
        return null;
    }

    /// <summary>
    /// Whether a cue that follows a value speaks of that value: any time cue ("… 95% vào năm 2030",
    /// "… 3% hằng năm"), but of status words only those that qualify a figure after it ("… tăng
    /// 12% so với cùng kỳ"); "100% thôn đã có điện lưới" describes the villages, not the figure.
    /// </summary>
    public bool BindsBackward(Cue cue) =>
        cue.IsTime || _statusAfterValue.Any(w => VietText.Fold(cue.Phrase).StartsWith(w, StringComparison.Ordinal));

    private bool RiseFollows(string folded, int end)
    {
        var after = folded[end..].TrimStart();
        return _riseWords.Any(w => VietText.StartsWithWord(after, w));
    }

    private bool IsReference(string folded, int at)
    {
        var before = folded[..at].TrimEnd();
        return _presentReferenceLeads.Any(l => VietText.EndsWithWord(before, l));
    }

    /// <summary>Whether a text holds a figure besides the years of its cues (<paramref name="cues"/>, as <see cref="Find"/> gave them).</summary>
    public static bool StatesAFigure(string text, IReadOnlyList<Cue> cues) =>
        Enumerable.Range(0, text.Length).Any(i => char.IsDigit(text[i]) && !cues.Any(c => c.Year != null && i >= c.Start && i < c.End));

    /// <summary>The year a heading or table title names as its deadline, if it is time-like.</summary>
    public int? BlockYear(string title) => HeadingCues(title).FirstOrDefault(c => c.Kind == CueKind.Deadline)?.Year;

    /// <summary>Whether the text between two offsets pairs its figures with years in turn ("lần lượt", "tương ứng").</summary>
    public bool NamesRespectively(string text, int from, int to)
    {
        var folded = VietText.FoldSameLength(text[from..to]);
        return _respectiveWords.Any(w => VietText.ContainsWord(folded, w));
    }

    /// <summary>The first span of years between two offsets ("2026 - 2030", "từ 2026 đến 2030"): its years and where it stands.</summary>
    public (int First, int Last, int Start, int End)? YearSpan(string text, int from, int to)
    {
        var m = _yearSpan.Match(VietText.FoldSameLength(text), from, to - from);
        if (!m.Success) return null;
        int a = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int b = int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return b > a ? (a, b, m.Index, m.Index + m.Length) : null;
    }

    // "5 năm tới", "những năm tới": a span of years ahead, not the next one
    private bool CountsYears(string folded, int at)
    {
        var before = folded[..at].TrimEnd();
        int k = before.LastIndexOf(' ') + 1;
        var word = before[k..];
        return word.Length > 0 && (word.All(char.IsDigit) || _periodQuantifiers.Contains(word));
    }

    // "cuối năm 2025", "quý IV/2026", "quý IV, trước 31/12/2027": a year a few words on names it
    private static bool YearFollows(string folded, int end)
    {
        var rest = folded.AsSpan(end).TrimStart();
        if (rest.Length > 0 && char.IsDigit(rest[0])) return true;
        var near = rest[..Math.Min(rest.Length, NearYearChars)];
        int stop = near.IndexOfAny(".;:");
        return YearOrPeriod().IsMatch(stop >= 0 ? near[..stop] : near);
    }

    private const int NearYearChars = 24;

    private static (Lead Lead, int Start) LeadBefore(string folded, int at, (string Phrase, Lead Lead)[] leads)
    {
        int end = at;
        while (end > 0 && folded[end - 1] == ' ') end--;
        foreach (var (phrase, lead) in leads)
        {
            int s = end - phrase.Length;
            if (s < 0 || string.CompareOrdinal(folded, s, phrase, 0, phrase.Length) != 0) continue;
            if (s > 0 && char.IsLetterOrDigit(folded[s - 1])) continue;
            return (lead, s);
        }
        return (Lead.None, at);
    }

    private static Cue Make(string text, int start, int end, CueKind kind, int? year, YearForm form) =>
        new(start, end, kind, year, text[start..end], form);
}
