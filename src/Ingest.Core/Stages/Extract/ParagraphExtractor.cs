using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;

namespace Ingest.Core.Stages.Extract;

/// <summary>Where a text sits: the scope nodes around it, innermost first, and the document's year.</summary>
public sealed record OuterScope(IReadOnlyList<ScopeNode> Nodes, int? DocumentYear);

/// <summary>
/// Targets in running text: every value of every clause, each with the words around it up to the
/// neighbouring values; its deadline and kind come from its scope path (<see cref="ScopeResolver"/>).
/// </summary>
public sealed partial class ParagraphExtractor(Lexicon lexicon, ValueScanner scanner, ProseScope scope, IndicatorText indicator)
{
    private readonly string[] _budgetWords = lexicon.BudgetWords.Select(Text.VietText.Fold).ToArray();
    private readonly string[] _voteWords = lexicon.VoteWords.Select(Text.VietText.Fold).ToArray();
    private readonly string[] _compositionWords = lexicon.CompositionWords.Select(Text.VietText.Fold).ToArray();
    private readonly HashSet<string> _moneyUnits = lexicon.MoneyUnits.Select(Text.VietText.Fold).ToHashSet();
    private readonly string[] _riseWords = lexicon.RiseWords.Select(Text.VietText.Fold).ToArray();
    private readonly HashSet<string> _pastMarkers = lexicon.PastMarkers.Select(Text.VietText.Fold).ToHashSet();
    private readonly string[] _exceedWords = lexicon.ExceedWords.Select(Text.VietText.Fold).ToArray();
    private readonly string[] _aims = lexicon.TargetCues.Concat(lexicon.PlanWords).Select(Text.VietText.Fold).ToArray();

    /// <summary>A paragraph read once: its clauses, the values of each, and its cues and sentences.</summary>
    public sealed record Prepared(Paragraph Paragraph, IReadOnlyList<(int Start, int End)> Clauses, IReadOnlyList<List<ValueMention>> Values, ProseFrame Frame)
    {
        /// <summary>The deadline that opens the paragraph (before its first figure), for the paragraphs after it.</summary>
        public IReadOnlyList<Cue> Opening => ProseScope.Opening(Frame);

        /// <summary>True when the paragraph states a time of its own.</summary>
        public bool NamesTime => Frame.Cues.Any(c => c.IsTime && !c.Standalone);
    }

    public Prepared Prepare(Paragraph p)
    {
        var text = p.Text;
        var clauses = Clauses.Split(text);
        var values = clauses
            .Select(c => scanner.Scan(text[c.Start..c.End])
                .Select(v => v with { Start = v.Start + c.Start, End = v.End + c.Start, NumberStart = v.NumberStart + c.Start })
                .ToList())
            .ToList();
        return new Prepared(p, clauses, values, scope.Frame(text, values.SelectMany(vs => vs.Select(v => v.Start))));
    }

    /// <summary>The text between two offsets without its dated phrases ("năm 2026", "đến năm 2030"): they are scope, not indicator.</summary>
    private static string WithoutDates(ProseFrame frame, int from, int to)
    {
        var chars = frame.Text[from..to].ToCharArray();
        foreach (var c in frame.Cues)
            if (c.Year != null || c.YearsFromDocument != null || c.InFramedYear)
                for (int i = Math.Max(c.Start, from); i < Math.Min(c.End, to); i++) chars[i - from] = ' ';
        // a bracket that held only the date ("sản phẩm (năm 2025)") goes with it
        return Text.VietText.Squash(EmptyBracket().Replace(new string(chars), " "));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(\s*\)")]
    private static partial System.Text.RegularExpressions.Regex EmptyBracket();

    // "Kinh phí dự kiến 350 triệu đồng": money in a sentence about funding is a task's budget, not a target
    private bool IsBudget(ProseFrame frame, ValueMention v)
    {
        if (!_moneyUnits.Contains(Text.VietText.Fold(v.Unit))) return false;
        int ss = frame.SentenceStart(v.Start);
        var before = Text.VietText.Fold(frame.Text[ss..v.Start]);
        return _budgetWords.Any(w => Text.VietText.ContainsWord(before, w));
    }

    // "được bầu làm Bí thư với 100% số phiếu", "185/185 đại biểu biểu quyết tán thành, đạt 100%": a
    // share of a vote, named before it in its ';' clause or right after it, up to the next break
    private bool IsVote(ProseFrame frame, ValueMention v)
    {
        if (v.Unit != "%") return false;
        int ss = frame.ClauseAround(v.Start).Start;
        int stop = frame.Text.IndexOfAny([',', ';', '.'], v.End);
        var words = Text.VietText.Fold(frame.Text[ss..(stop < 0 ? frame.Text.Length : stop)]);
        return _voteWords.Any(w => Text.VietText.ContainsWord(words, w));
    }

    // "Tổ công tác gồm 07 thành viên", "mỗi tổ gồm từ 5 đến 7 thành viên": how a body is made up
    private bool IsComposition(string text, ValueMention v) =>
        v.UnitClass == UnitClass.Count && Text.VietText.Fold(text[Math.Max(0, v.Start - MaxCompositionWordLength)..v.Start]).TrimEnd() is var before
        && _compositionWords.Any(w => Text.VietText.EndsWithWord(before, w));

    private const int MaxCompositionWordLength = 16;

    private Cue? PastVerb(string text, int clauseStart, int valueStart)
    {
        var before = Text.VietText.FoldSameLength(text[clauseStart..valueStart]);
        var words = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = words.Length - 2; k >= Math.Max(0, words.Length - 1 - MaxWordsOfAPastVerb); k--)
        {
            if (words[k + 1].Any(c => !char.IsLetter(c))) return null;
            if (_pastMarkers.Contains(words[k]))
            {
                // "Tỷ lệ hồ sơ đã số hóa đạt 100%": after a rate's name the past word is part of the name
                var head = string.Join(' ', words.Take(k));
                if (indicator.NamesARate(head)) return null;
                int at = clauseStart + before.LastIndexOf(words[k], StringComparison.Ordinal);
                return new Cue(at, valueStart, CueKind.Baseline, null, text[at..valueStart].Trim());
            }
        }
        return null;
    }

    private const int MaxWordsOfAPastVerb = 3;

    /// <summary>A past word among the figure's own words after it ("100% ấp đã được phủ sóng 4G"), as a baseline cue.</summary>
    private Cue? PastVerbAfter(string text, int from, int to)
    {
        if (to <= from) return null;
        var after = Text.VietText.FoldSameLength(text[from..to]);
        foreach (var marker in _pastMarkers)
            if (Text.VietText.IndexOfWord(after, marker) is var at and >= 0)
                return new Cue(from + at, from + at + marker.Length, CueKind.Baseline, null, text[(from + at)..(from + at + marker.Length)]);
        return null;
    }

    /// <summary>
    /// "đạt 78,5%, vượt chỉ tiêu 75%", "đạt 92,4%, vượt 7,4 điểm phần trăm": the clause right after the
    /// figure says it went past a target or by a margin, so the figure is what was reached; a baseline
    /// cue. A target is worded with the same verb before its figure ("vượt mốc 75%"), never after it.
    /// </summary>
    private Cue? ExceedsAfter(string text, int valueEnd)
    {
        int at = valueEnd;
        while (at < text.Length && (text[at] == ' ' || text[at] == ',')) at++;
        if (at == valueEnd || text.IndexOf(',', valueEnd, at - valueEnd) < 0) return null;
        var rest = Text.VietText.FoldSameLength(text[at..Math.Min(text.Length, at + MaxExceedPhrase)]);
        foreach (var word in _exceedWords)
        {
            if (!Text.VietText.StartsWithWord(rest, word)) continue;
            var what = rest[word.Length..].TrimStart();
            if (what.Length > 0 && char.IsDigit(what[0]) || _aims.Any(a => Text.VietText.StartsWithWord(what, a)))
                return new Cue(at, at + word.Length, CueKind.Baseline, null, text[at..(at + word.Length)]);
        }
        return null;
    }

    private const int MaxExceedPhrase = 40;

    // "tăng từ 6,8% năm 2022 lên 9,1%": up to the rise word, the words are the starting level's
    private int RiseWordAt(string text, int from, int to)
    {
        var between = Text.VietText.FoldSameLength(text[from..to]);
        int best = -1;
        foreach (var w in _riseWords)
            for (int at = 0; (at = Text.VietText.IndexOfWord(between, w, at)) >= 0; at += w.Length) best = Math.Max(best, at);
        return best < 0 ? -1 : from + best;
    }

    /// <summary>
    /// Where the words between a figure and the next divide: left of it are the first's. Past the
    /// whole a share is of, the next figure's words open at the first joining word, not the last
    /// ("chiếm 17,2% GRDP và chi cho nghiên cứu và phát triển đạt 0,6%"); a comma still divides first.
    /// </summary>
    private int Boundary(string text, ValueMention first, int nextStart) =>
        ShareEnd(text, first, nextStart) is { } end && text.IndexOf(',', first.End, nextStart - first.End) < 0
        && Clauses.FirstJoiner(text, end, nextStart, lexicon.Coordinators) is var joiner and >= 0
            ? joiner
            : Clauses.Divide(text, first.End, nextStart, lexicon.Coordinators);

    /// <summary>
    /// The end of the whole a percentage is a share of, named right after it ("30% GRDP"), if it is:
    /// the figure's own words end there, though its clause (and a date in it) may go on.
    /// </summary>
    private int? ShareEnd(string text, ValueMention v, int to) =>
        v.Unit == "%" && indicator.ShareBaseEnd(text, v.End, to) is var end and >= 0 ? end : null;

    private static string CountedNoun(string text, ValueMention v)
    {
        int i = v.NumberStart;
        // past the figure, and the whole it is a part of ("09/12 thôn")
        while (i < v.End && (char.IsDigit(text[i]) || text[i] is '.' or ',' or '/')) i++;
        return text[i..v.End].Trim();
    }

    public IEnumerable<TargetCandidate> Extract(Paragraph p, OuterScope outer) => Extract(Prepare(p), outer);

    public IEnumerable<TargetCandidate> Extract(Prepared prepared, OuterScope outer)
    {
        var (p, clauses, perClause, frame) = (prepared.Paragraph, prepared.Clauses, prepared.Values, prepared.Frame);
        var text = p.Text;
        (string Name, string Match, int Sentence)? previous = null;
        (string Name, string Match)? named = null;
        (int Sentence, string Before, int End)? listOpening = null;
        for (int k = 0; k < clauses.Count; k++)
        {
            var (cs, ce) = clauses[k];
            var values = perClause[k];
            for (int i = 0; i < values.Count; i++)
            {
                var v = values[i];
                if (IsBudget(frame, v) || IsVote(frame, v) || IsComposition(text, v) || v.IsChange) continue;
                int left = i == 0 ? cs : Boundary(text, values[i - 1], v.Start);
                int right = i == values.Count - 1 ? ce
                    : v.StartsARise && RiseWordAt(text, v.End, values[i + 1].Start) is var rise and >= 0 ? rise
                    : Boundary(text, v, values[i + 1].Start);
                var before = indicator.CleanBefore(WithoutDates(frame, left, v.Start));
                // a multiple is of what its words before name; after it comes what it is measured against ("gấp 2 lần so với năm 2025")
                int wordsEnd = ShareEnd(text, v, Math.Max(v.End, right)) ?? Math.Max(v.End, right);
                var after = v.Evidence == ValueEvidence.UnitFirst || v.IsMultiple ? "" : indicator.CleanAfter(WithoutDates(frame, v.End, wordsEnd));
                // a counted noun belongs to the indicator: "01 định danh số" is about "định danh số"
                if (v.UnitClass == UnitClass.Count && v.Evidence == ValueEvidence.Inline && !v.IsMultiple)
                    after = $"{CountedNoun(text, v)} {after}".Trim();
                string? qualifier = null;
                if (indicator.IsQualifier(after)) { qualifier = after; after = ""; }
                (int, int)? risenFrom = i > 0 && values[i - 1].StartsARise && RiseWordAt(text, values[i - 1].End, v.Start) is var riseAt and >= 0
                    ? (values[i - 1].Start, riseAt) : null;
                var path = scope.Path(frame, v.Start, v.End, Math.Max(v.End, right), outer.Nodes, risenFrom);
                // where a rise starts is the present level: a baseline, dated by its own bracket or the document
                if (v.StartsARise) path = [new ScopeNode(ScopeLevel.Value, [new Cue(v.Start, v.NumberStart, CueKind.Baseline, null, text[v.Start..v.NumberStart].Trim())]), .. path];
                // "đã tổ chức 2.315 lớp": a figure whose own verb is in the past was done ("dữ liệu đã được số hóa … đạt 80%" is a name)
                else if (PastVerb(text, cs, v.Start) is { } past) path = [new ScopeNode(ScopeLevel.Value, [past]), .. path];
                var decision = ScopeResolver.Decide(path, outer.DocumentYear);
                // "100% tổ dân phố đã thành lập Tổ công nghệ số": the figure's own subject did it; only
                // where nothing in its scope calls it a target ("Giai đoạn 2029–2030: 100% dữ liệu đã số hóa được khai thác")
                if (decision.KindCue == null && !v.StartsARise && (PastVerbAfter(text, v.End, wordsEnd) ?? ExceedsAfter(text, v.End)) is { } done)
                    decision = ScopeResolver.Decide([new ScopeNode(ScopeLevel.Value, [done]), .. path], outer.DocumentYear);
                // "dân số hơn 31.500 người", "đại diện cho 1.420 đảng viên": a count that nothing dates, makes
                // recur or calls an aim or a result is a fact about the place; every target has its time
                if (v.UnitClass == UnitClass.Count && decision is { Year: null, Annual: false, KindCue: null }) continue;
                var name = indicator.Choose(before, after);
                var match = $"{before} {after} {qualifier}".Trim();
                // "… năm 2026 đạt 12%, năm 2028 đạt 16%": a value whose own words name no indicator, or
                // only call it the aim ("đạt 78,5%, vượt chỉ tiêu 75%"), shares the one its sentence named before it
                int sentence = frame.SentenceStart(v.Start);
                if ((indicator.NamingWords(before) + indicator.NamingWords(after) < 2 || indicator.NamesOnlyTheAim(before, after))
                    && previous is { } prev && prev.Sentence == sentence)
                    (name, match) = (prev.Name, prev.Match);
                // "… 90% hộ gia đình sử dụng Internet cáp quang. Năm nay, tỷ lệ này mới đạt 72%": any sentence of the paragraph
                else if (indicator.RefersBack(before, after) && named is { } back)
                    (name, match) = back;
                else if (IndicatorText.Words(name) >= 2) named = (name, match);
                previous = (name, match, sentence);
                // a list shares the words before its first figure; a semicolon opens an item of its own
                bool sameList = listOpening is { } o && o.Sentence == sentence && v.Start >= o.End && text.IndexOf(';', o.End, v.Start - o.End) < 0;
                string? head = sameList && IndicatorText.Words(listOpening!.Value.Before) >= 2 ? listOpening.Value.Before : null;
                if (!sameList) listOpening = (sentence, before, v.End);
                yield return new TargetCandidate(
                    Indicator: name,
                    MatchText: match,
                    Value: v.Value, ValueMax: v.Max, Unit: v.Unit, Comparator: v.Comparator,
                    Year: decision.Year, Annual: decision.Annual, Kind: decision.Kind, Qualifier: qualifier,
                    Section: p.Section?.Path ?? "",
                    Source: p.SourceAt(v.NumberStart),
                    Evidence: v.Evidence, OcrConfidence: p.OcrConfidenceAt(v.NumberStart),
                    IndicatorFollowsValue: name == after && after.Length > 0).WithCues(decision) with { ListHead = head };
            }
        }
    }
}
