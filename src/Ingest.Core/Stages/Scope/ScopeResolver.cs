using Ingest.Core.Model;

namespace Ingest.Core.Stages.Scope;

/// <summary>The cue that decided a year or a kind, named by its scope level and its words.</summary>
public sealed record CueSource(ScopeLevel Level, string Phrase)
{
    public override string ToString() => $"{Level.ToString().ToLowerInvariant()}: {Phrase}";
}

/// <summary>A value's deadline and kind, with the cue behind each (null: nothing governed it).</summary>
public sealed record ScopeDecision(int? Year, bool Annual, TargetKind Kind, CueSource? YearCue, CueSource? KindCue)
{
    /// <summary>For a recurring target, the deadline that governs it apart from the recurrence (its block's year).</summary>
    public CueSource? SeriesYearCue { get; init; }
    public int? SeriesYear { get; init; }

    /// <summary>
    /// The figure is what a column planned for a year already past when the document was written
    /// ("Kế hoạch năm 2025" in a report of 2026): neither a target nor what was done.
    /// </summary>
    public bool PastPlan { get; init; }
}

/// <summary>
/// The one place that decides a value's deadline and kind from its scope path. Time and status are
/// decided separately, each by the innermost node that has a cue of its sort. Near the value (its
/// own words, its sentence, its paragraph) a deadline before the document's year also says
/// "baseline", and one after it says "target"; a heading's year does not, because a block
/// "Đến hết năm 2025" in a plan dated 2026 still holds targets. A baseline's year is the innermost
/// year that is not in the future, else the document's year; under a word that names the present
/// ("hiện nay"), only a year as near as that word counts.
/// </summary>
public static class ScopeResolver
{
    /// <summary>The candidate with the cues behind its deadline and kind, for reviewers and the series rule.</summary>
    public static TargetCandidate WithCues(this TargetCandidate c, ScopeDecision d) => c with
    {
        YearCue = d.YearCue?.ToString(),
        KindCue = d.KindCue?.ToString(),
        SeriesYear = d.SeriesYear,
        SeriesYearCue = d.SeriesYearCue?.ToString(),
    };

    /// <param name="path">the value's scope nodes, innermost first</param>
    /// <param name="documentYear">the year of the document's date, if known</param>
    public static ScopeDecision Decide(IReadOnlyList<ScopeNode> path, int? documentYear)
    {
        path = WithRelativeYears(path, documentYear);
        bool pastPlan = documentYear is { } doc && path.Any(n => n.Level == ScopeLevel.Column && PlansAPastYear(n.Cues, doc));
        return YearAndKind(path, documentYear) with { PastPlan = pastPlan };
    }

    private static ScopeDecision YearAndKind(IReadOnlyList<ScopeNode> path, int? documentYear)
    {
        (Cue Cue, ScopeLevel Level)? time = null, status = null;
        foreach (var node in path)
        {
            foreach (var cue in node.Cues)
            {
                if (time == null && cue.IsTime && Governs(cue, node.Level)) time = (cue, node.Level);
                if (status == null && (cue.IsStatus || ImpliedStatus(cue, node.Level, documentYear) != null)) status = (cue, node.Level);
            }
            if (time != null && status != null) break;
        }
        var kind = status is { } s && (s.Cue.Kind == CueKind.Baseline || ImpliedStatus(s.Cue, s.Level, documentYear) == CueKind.Baseline)
            ? TargetKind.Baseline : TargetKind.Target;
        var kindCue = status is { } k ? new CueSource(k.Level, k.Cue.Phrase) : null;

        if (kind == TargetKind.Baseline)
        {
            // "Hiện nay, …": a year outside the present word's own node is of another time, whichever
            // cue said baseline ("Năm 2025, … Hiện nay, tỷ lệ này mới đạt 55%"), and so is one farther
            // from the value in that node than the word ("thu nhập … năm 2024 đạt 61,2 triệu đồng; tỷ lệ
            // hộ nghèo hiện còn 1,8%"): each node lists its cues nearest first
            int present = path.ToList().FindIndex(node => node.Cues.Any(c => c.Present));
            int searched = present >= 0 ? present + 1 : path.Count;
            foreach (var (node, at) in path.Take(searched).Select((n, i) => (n, i)))
                foreach (var cue in at == present ? node.Cues.TakeWhile(c => !c.Present) : node.Cues)
                    if (cue.Year is { } y && cue.Kind is CueKind.Baseline or CueKind.Deadline && Governs(cue, node.Level)
                        && (documentYear == null || y <= documentYear))
                        return new ScopeDecision(y, false, kind, new CueSource(node.Level, cue.Phrase), kindCue);
            return new ScopeDecision(documentYear, false, kind, documentYear != null ? new CueSource(ScopeLevel.Document, "document date") : null, kindCue);
        }
        if (time is not { } t) return new ScopeDecision(null, false, kind, null, kindCue);
        var yearCue = new CueSource(t.Level, t.Cue.Phrase);
        if (t.Cue.Kind != CueKind.Annual) return new ScopeDecision(t.Cue.Year, false, kind, yearCue, kindCue);
        var series = path.SelectMany(n => n.Cues.Select(c => (Cue: c, n.Level)))
            .FirstOrDefault(x => x.Cue.Kind == CueKind.Deadline && Governs(x.Cue, x.Level));
        return new ScopeDecision(null, true, kind, yearCue, kindCue)
        {
            SeriesYear = series.Cue?.Year,
            SeriesYearCue = series.Cue != null ? new CueSource(series.Level, series.Cue.Phrase) : null,
        };
    }

    // a column header whose plan word is followed by a year before the document's ("Kế hoạch năm 2025")
    private static bool PlansAPastYear(IReadOnlyList<Cue> cues, int documentYear) =>
        cues.Any(plan => plan.Kind == CueKind.Target && cues.Any(y => y.Kind == CueKind.Deadline && y.Year < documentYear && y.Start >= plan.End && y.Start - plan.End <= 1));

    // "năm nay", "năm tới": the year counted from the document's; "đến cuối năm", "quý IV": the year that
    // frames them (below), else the document's; with neither, no year at all
    private static IReadOnlyList<ScopeNode> WithRelativeYears(IReadOnlyList<ScopeNode> path, int? documentYear)
    {
        if (!path.Any(n => n.Cues.Any(c => c.YearsFromDocument != null || c.InFramedYear))) return path;
        // the frame is a heading's, a lead-in's or the title's single year ("Phương hướng năm 2026"); a span of
        // years ("2026 - 2030") has no one end of year, and a sentence's year is of its own figures
        int? Framing(int node) => path.Skip(node + 1).Where(n => n.Level is ScopeLevel.Section or ScopeLevel.LeadIn or ScopeLevel.Document)
            .SelectMany(n => n.Cues)
            .FirstOrDefault(c => c.Kind == CueKind.Deadline && c.Year != null && !c.Standalone && c.Form != YearForm.Period && !c.Phrase.Contains('-'))?.Year ?? documentYear;
        return path.Select((n, k) => n with
        {
            Cues = n.Cues
                .Select(c => c.YearsFromDocument is { } off ? (documentYear is { } d ? c with { Year = d + off } : null)
                    : c.InFramedYear ? (Framing(k) is { } y ? c with { Year = y } : null) : c)
                .Where(c => c != null).Select(c => c!).ToList(),
        }).ToList();
    }

    // a bare year or date governs only where a header gives it a role: a column or a row's time cell
    private static bool Governs(Cue cue, ScopeLevel level) => !cue.Standalone || level is ScopeLevel.Column or ScopeLevel.Row;

    private static CueKind? ImpliedStatus(Cue cue, ScopeLevel level, int? documentYear)
    {
        if (cue.Kind != CueKind.Deadline || cue.Year is not { } y || documentYear is not { } d) return null;
        if (level is not (ScopeLevel.Value or ScopeLevel.Sentence or ScopeLevel.Paragraph or ScopeLevel.Row)) return null;
        if (cue.Standalone) return null;
        if (cue.NamesATerm && y == d) return CueKind.Baseline;
        return y < d ? CueKind.Baseline : y > d ? CueKind.Target : null;
    }
}
