using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;

namespace Ingest.Core.Stages.Scope;

/// <summary>A text's cues and sentences, found once for all the values in it.</summary>
public sealed record ProseFrame(string Text, IReadOnlyList<Cue> Cues, IReadOnlyList<(int Start, int End)> Sentences, IReadOnlyList<int> ValueStarts)
{
    /// <summary>The bracketed spans of the text, found once.</summary>
    public IReadOnlyList<(int Start, int End)> Brackets { get; } = FindBrackets(Text);

    /// <summary>The text's clauses, its sentences cut at ';' (<see cref="Extract.Clauses.Split"/>), found once.</summary>
    public IReadOnlyList<(int Start, int End)> ClauseSpans { get; } = Clauses.Split(Text);

    /// <summary>The ';' clause holding an offset.</summary>
    public (int Start, int End) ClauseAround(int at) =>
        ClauseSpans.LastOrDefault(c => c.Start <= at) is { End: > 0 } clause ? clause : (0, Text.Length);

    /// <summary>Where the sentence holding an offset starts.</summary>
    public int SentenceStart(int at)
    {
        int lo = 0, hi = Sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Sentences[mid].Start <= at) { found = Sentences[mid].Start; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    private static List<(int Start, int End)> FindBrackets(string text)
    {
        var list = new List<(int, int)>();
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') open = i;
            else if (text[i] == ')' && open >= 0) { list.Add((open, i + 1)); open = -1; }
        }
        return list;
    }
}

/// <summary>
/// The inner part of a value's scope path in running text (a paragraph or a table cell):
/// <list type="bullet">
/// <item>value: cues right after it, before the words that lead to the next value ("… 60% vào năm 2027 và …");</item>
/// <item>sentence: cues before it in its sentence, across "," and ";" (a recurrence not across ";"), nearest first;</item>
/// <item>paragraph: the opening words of earlier sentences, before their first figure (all of a
/// sentence that states none): "Với kinh tế số, đến năm 2025, … 2%. Bên cạnh đó, … 50% …".</item>
/// </list>
/// A cue inside brackets governs only what is inside them: "đạt 46,8% (chỉ tiêu năm 2025 là 50%);
/// tỷ lệ … đạt 81,3%" keeps 81,3% out of the bracket's "chỉ tiêu".
/// </summary>
public sealed class ProseScope(CueFinder finder)
{
    public ProseFrame Frame(string text, IEnumerable<int> valueStarts) =>
        new(text, finder.Find(text), Clauses.Sentences(text), valueStarts.Order().ToList());

    /// <param name="frame">the text, prepared once</param>
    /// <param name="valueStart">where the value's words start (its comparator included)</param>
    /// <param name="valueEnd">where they end</param>
    /// <param name="ownEnd">where the words that belong to this value end (before the next value's)</param>
    /// <param name="outer">the scope nodes around the text, innermost first</param>
    /// <param name="risenFrom">
    /// for the level a rise reaches ("tăng từ 18% năm 2024 lên 40%"), the starting level's words, from
    /// its figure to the rise word: a time there dates the start, not the level reached. A level dated
    /// on its own keeps the sentence's cues: a rise told from one past year to this one ("tăng từ 54%
    /// năm 2020 lên 83,6% năm 2025") is history
    /// </param>
    public IReadOnlyList<ScopeNode> Path(ProseFrame frame, int valueStart, int valueEnd, int ownEnd, IEnumerable<ScopeNode> outer, (int Start, int End)? risenFrom = null)
    {
        int ss = frame.SentenceStart(valueStart);
        var bracket = frame.Brackets.FirstOrDefault(b => valueStart >= b.Start && valueStart < b.End);
        // a year alone in a bracket right after the value is the value's, bare ("85% (2027)") or not,
        // and so is a year that labels it ("2026 - 50%; 2027 - 60%")
        var dating = frame.Brackets.Where(b => b != bracket).SelectMany(b => frame.Cues.Where(c => DatesTheValue(frame, b, c, valueEnd)))
            .Concat(frame.Cues.Where(c => LabelsTheValue(frame, c, valueStart))).ToHashSet();
        var usable = frame.Cues
            .Where(c => !c.Standalone || dating.Contains(c))
            .Where(c => dating.Contains(c) || frame.Brackets.All(b => c.Start < b.Start || c.End > b.End || b == bracket))
            .Select(c => c.Standalone ? c with { Form = YearForm.Plain } : c)
            .ToList();
        var clause = frame.ClauseAround(valueStart);
        var own = Respective(frame, valueStart) is { } respective
            ? [respective]
            : usable.Where(c => c.Start >= valueEnd && (c.End <= ownEnd ? finder.BindsBackward(c) : ComparesTheClause(frame, c, ss, clause, valueStart, outer)))
                .OrderBy(c => c.Start).ToList();
        // a recurrence names its own clause's measure ("tăng bình quân hằng năm 10%"): past a ';' it governs no more
        var sentence = usable.Where(c => c.Start >= ss && c.End <= valueStart && !(c.Kind == CueKind.Annual && (c.End < clause.Start || NamesAnEarlierMeasure(frame, c, clause.Start, valueStart)))
                && !TrailsAnEarlierClause(frame, c, ss, clause.Start)
                && !(risenFrom is { } start && !own.Any(o => o.IsTime) && c.Start >= start.Start && c.End <= start.End))
            .OrderByDescending(c => c.Start).ToList();
        // earlier sentences of the paragraph: what each states before its first figure (all of a
        // sentence that states none) governs the sentences after it
        var paragraph = new List<Cue>();
        foreach (var (s, e) in frame.Sentences)
        {
            if (s >= ss) break;
            int firstValue = frame.ValueStarts.Where(v => v >= s && v < e).DefaultIfEmpty(e).First();
            paragraph.AddRange(usable.Where(c => c.Start >= s && c.End <= firstValue));
        }
        paragraph.Reverse();
        var path = new List<ScopeNode> { new(ScopeLevel.Value, own), new(ScopeLevel.Sentence, sentence), new(ScopeLevel.Paragraph, paragraph) };
        path.AddRange(outer);
        return path;
    }

    // "… bố trí hằng năm ít nhất 3% tổng chi ngân sách, đóng góp của TFP đạt trên 55%": a recurrence inside
    // a measure's words is that measure's, the first figure after it; one that opens its clause
    // ("Hằng năm, 100% … được công khai, 95% … hài lòng") frames the clause
    private static bool NamesAnEarlierMeasure(ProseFrame frame, Cue cue, int clauseStart, int valueStart)
    {
        if (cue.Start < clauseStart || WordsBetween(frame.Text, clauseStart, cue.Start) <= MaxWordsBeforeAnOpening) return false;
        return frame.ValueStarts.Any(v => v >= cue.End && v < valueStart);
    }

    private const int MaxWordsBeforeAnOpening = 1;

    // "… đạt 61,3%, tăng 9,8% so với cùng kỳ năm trước": a comparison with the same period states a result
    // for the whole ';' clause, unless the sentence aims at its figures ("Phấn đấu … 80%, tăng 5% so với cùng kỳ")
    private bool ComparesTheClause(ProseFrame frame, Cue cue, int sentenceStart, (int Start, int End) clause, int valueStart, IEnumerable<ScopeNode> outer)
    {
        if (!cue.IsStatus || !finder.BindsBackward(cue) || cue.End > clause.End) return false;
        // a sentence that aims ("Phấn đấu …", "Đến năm 2026, …") or a section of targets keeps its figures targets
        bool aims = frame.Cues.Any(c => c.Start >= sentenceStart && c.End <= valueStart && (c.Kind == CueKind.Target || c.Kind == CueKind.Deadline && c.Form == YearForm.Lead && c.YearsFromDocument == null && !c.InFramedYear))
            || outer.Any(n => n.Cues.Any(c => c.Kind == CueKind.Target));
        return !aims;
    }

    // "… đạt 60% vào năm 2027; 100% hộ …": a time after a figure of an earlier ';' clause dates that figure, not the next clause's
    private static bool TrailsAnEarlierClause(ProseFrame frame, Cue cue, int sentenceStart, int clauseStart) =>
        cue.End < clauseStart && frame.ValueStarts.Any(v => v >= sentenceStart && v < cue.Start && frame.Text.IndexOf(';', v, cue.Start - v) < 0);

    /// <summary>
    /// A bracket right after the value that holds nothing but a year ("8% (năm 2026)", "85% (2027)")
    /// or a recurrence ("100% (duy trì hằng năm)") dates that value, as "… 85% vào năm 2027" would.
    /// </summary>
    private static bool DatesTheValue(ProseFrame frame, (int Start, int End) bracket, Cue cue, int valueEnd) =>
        cue.IsTime && cue.Form != YearForm.Date && bracket.Start >= valueEnd && cue.Start > bracket.Start && cue.End < bracket.End && frame.Text.AsSpan(valueEnd, bracket.Start - valueEnd).IsWhiteSpace()
        && (WordsBetween(frame.Text, bracket.Start + 1, cue.Start) == 0
            // "100% (duy trì hằng năm)": a recurrence may keep a verb with it
            || cue.Kind == CueKind.Annual && WordsBetween(frame.Text, bracket.Start + 1, cue.Start) <= MaxWordsBeforeARecurrence)
        && frame.Text.AsSpan(cue.End, bracket.End - 1 - cue.End).IsWhiteSpace();

    private const int MaxWordsBeforeARecurrence = 2;

    private static int WordsBetween(string text, int from, int to) =>
        text[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// "… lần lượt đạt 75%, 85% và 95% vào các năm 2026, 2027 và 2028": as many years, one after the
    /// other, after a clause's last figure as the clause has figures give each figure its own, in order;
    /// so does a span of as many years ("… 40%, 50%, 60%, 70% và 80% trong các năm từ 2026 đến 2030").
    /// </summary>
    private Cue? Respective(ProseFrame frame, int valueStart)
    {
        // the figures and years of one ';' clause: the next clause states its own
        var (from, to) = frame.ClauseAround(valueStart);
        var values = frame.ValueStarts.Where(v => v >= from && v < to).ToList();
        if (values.Count < 2) return null;
        int k = values.IndexOf(valueStart);
        if (k < 0) return null;
        var years = frame.Cues.Where(c => c.Kind == CueKind.Deadline && c.Year != null && c.Form != YearForm.Date && c.Start > values[^1] && c.End <= to).ToList();
        if (years.Count == values.Count && !years.Zip(years.Skip(1)).Any(p => p.Second.Year <= p.First.Year || !IsListGap(frame.Text, p.First.End, p.Second.Start)))
            return years[k] with { Form = YearForm.Plain };
        if (finder.NamesRespectively(frame.Text, from, to) && finder.YearSpan(frame.Text, values[^1], to) is { } span && span.Last - span.First + 1 == values.Count)
            return new Cue(span.Start, span.End, CueKind.Deadline, span.First + k, frame.Text[span.Start..span.End], YearForm.Plain);
        return null;
    }

    // between two years of a list: a comma or a coordinator's short word ("2026, 2027 và 2028")
    private static bool IsListGap(string text, int from, int to) =>
        to - from <= 5 && text.AsSpan(from, to - from).Trim().Length <= 3;

    /// <summary>A year set before the value with only a dash or a colon between ("2026 - 50%", "2027: 60%").</summary>
    private static bool LabelsTheValue(ProseFrame frame, Cue cue, int valueStart) =>
        cue.IsTime && cue.Form != YearForm.Date && cue.End <= valueStart
        && frame.Text.AsSpan(cue.End, valueStart - cue.End).Trim() is var between && between.Length == 1 && between[0] is '-' or '–' or ':';

    /// <summary>
    /// The deadline that opens a text, before its first figure. A paragraph that names no time
    /// continues the deadline its predecessor opened ("Theo Chiến lược, đến 2025 … 100% …" then
    /// "Cùng với đó, ít nhất 2 tuyến …"). Only a deadline phrase carries over: a recurrence or a
    /// status word ("hiện nay") speaks of its own sentence.
    /// </summary>
    public static IReadOnlyList<Cue> Opening(ProseFrame frame)
    {
        int firstValue = frame.ValueStarts.Count > 0 ? frame.ValueStarts[0] : frame.Text.Length;
        // a plain "Năm 2030:" opening the paragraph frames it as much as "Đến năm 2030", after a
        // speaker's or a topic's label too ("PV: Năm 2026, xã đặt ra những chỉ tiêu gì?")
        return frame.Cues.Where(c => c.Kind == CueKind.Deadline && c.End <= firstValue
                && (c.Form is YearForm.Lead or YearForm.Period || c.Form == YearForm.Plain && (c.OpensText || AfterLabel(frame.Text, c.Start))))
            .Reverse().Take(1).ToList();
    }

    /// <summary>Words a label of a paragraph may have before its colon ("PV:", "Bà H’Luyện Niê:", "Về kinh tế số:").</summary>
    private const int MaxLabelWords = 8;

    /// <summary>Whether only a short label ending in a colon comes before a position of a text.</summary>
    private static bool AfterLabel(string text, int at)
    {
        var before = text[..at].TrimEnd();
        return before.EndsWith(':') && before.Length > 1 && before[..^1].IndexOfAny([':', '.', ';']) < 0
            && before.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxLabelWords;
    }

    /// <summary>The scope nodes of a section path and the document title, innermost first.</summary>
    public static IEnumerable<ScopeNode> Around(Section? section, IReadOnlyList<Cue> titleCues)
    {
        if (section != null)
            foreach (var s in section.Chain())
                yield return new ScopeNode(s.IsLeadIn ? ScopeLevel.LeadIn : ScopeLevel.Section, s.Cues.Reverse().ToList());
        yield return new ScopeNode(ScopeLevel.Document, titleCues);
    }
}
