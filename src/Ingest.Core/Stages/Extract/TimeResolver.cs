using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Extract;

/// <summary>When a value is due and whether it describes the present: year, recurrence and kind.</summary>
public sealed record TimeFacts(int? Year, bool Annual, TargetKind Kind);

/// <summary>A text folded and searched for year mentions once, for all the values in it.</summary>
public sealed record TimeContext(string Folded, IReadOnlyList<YearMention> Mentions);

/// <summary>
/// Decides a value's deadline from, in order: a deadline phrase in its own clause ("đến năm 2027
/// đạt 70%"), a recurrence cue next to it ("… hằng năm"), the enclosing year block. A baseline
/// ("hiện nay … đạt 88,69%", "Năm 2024 mới đạt 62,5%") gets the year it names, else the
/// document's own year.
/// </summary>
public sealed class TimeResolver
{
    private readonly YearPhrases _years;
    private readonly string[] _annual;
    private readonly string[] _baseline;

    public TimeResolver(Lexicon lexicon)
    {
        _years = new YearPhrases(lexicon);
        _annual = lexicon.AnnualCues.Select(VietText.Fold).ToArray();
        _baseline = lexicon.BaselineCues.Select(VietText.Fold).ToArray();
    }

    public TimeContext Prepare(string text)
    {
        var folded = VietText.Fold(text);
        if (folded.Length != text.Length) folded = text.ToLowerInvariant();
        return new TimeContext(folded, _years.Find(text));
    }

    /// <param name="context">the paragraph or cell text, prepared once</param>
    /// <param name="clauseStart">start of the value's clause in <paramref name="text"/></param>
    /// <param name="clauseEnd">end of the clause</param>
    /// <param name="leftBound">where this value's own context starts (after the previous value)</param>
    /// <param name="rightBound">where it ends (before the next value)</param>
    public TimeFacts Resolve(TimeContext context, ValueMention v, int clauseStart, int clauseEnd, int leftBound, int rightBound,
        int? blockYear, int? documentYear)
    {
        var (folded, mentions) = (context.Folded, context.Mentions);
        // own deadline: the nearest deadline phrase before the value in its clause, else after it
        YearMention? before = mentions.LastOrDefault(m => m.End <= v.NumberStart && m.Start >= clauseStart);
        YearMention? after = mentions.FirstOrDefault(m => m.Start >= v.End && m.End <= clauseEnd && (IsStrong(folded, m)));
        if (before != null && !IsStrong(folded, before) && !LeadsClause(folded, before, clauseStart)) before = null;
        var own = before ?? after;

        var contextBefore = folded[Math.Max(clauseStart, 0)..v.NumberStart];
        bool baselineCue = _baseline.Any(c => VietText.ContainsWord(contextBefore, c));
        bool pastYear = own != null && documentYear != null && own.Year < documentYear && before != null;
        var kind = baselineCue || pastYear ? TargetKind.Baseline : TargetKind.Target;
        if (kind == TargetKind.Baseline)
            return new TimeFacts(own?.Year ?? documentYear ?? blockYear, false, kind);

        if (own != null) return new TimeFacts(own.Year, false, kind);
        // recurrence: a cue after the value in its own context, or just before it
        var tail = folded[v.End..Math.Max(v.End, Math.Min(rightBound, clauseEnd))];
        var head = folded[Math.Max(leftBound, v.Start - 20)..v.Start];
        bool annual = _annual.Any(c => VietText.ContainsWord(tail, c) || VietText.ContainsWord(head, c));
        if (annual && blockYear == null) return new TimeFacts(null, true, kind);
        return new TimeFacts(blockYear, false, kind);
    }

    /// <summary>A year from a table's time cell ("2025 - 2026", "Hằng năm", "Cuối 2025").</summary>
    public (int? Year, bool Annual) FromTimeCell(string cell)
    {
        var folded = VietText.Fold(cell);
        var m = _years.Find(cell);
        if (m.Count > 0) return (m[^1].Year, false);
        return (null, _annual.Any(c => VietText.ContainsWord(folded, c)));
    }

    private static bool IsStrong(string folded, YearMention m) =>
        m.IsPeriod || m.HasLeadIn && !folded[m.Start..].StartsWith("năm", StringComparison.Ordinal);

    // "Năm 2024 mới đạt 62,5%": a plain "năm YYYY" opening the clause still dates it
    private static bool LeadsClause(string folded, YearMention m, int clauseStart)
    {
        var lead = folded[clauseStart..m.Start].Trim(' ', '-', '+', '•', ',', ':');
        return lead.Length == 0;
    }
}
