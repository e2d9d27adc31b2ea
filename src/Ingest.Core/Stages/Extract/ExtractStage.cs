using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;

namespace Ingest.Core.Stages.Extract;

/// <summary>The Extract stage: target candidates from every paragraph and table, in reading order.</summary>
public sealed class ExtractStage
{
    private readonly ParagraphExtractor _prose;
    private readonly TableExtractor _tables;

    public ExtractStage(Lexicon lexicon)
    {
        var scanner = new ValueScanner(lexicon);
        var cues = new CueFinder(lexicon);
        var scope = new ProseScope(cues);
        var indicator = new IndicatorText(lexicon);
        _prose = new ParagraphExtractor(lexicon, scanner, scope, indicator);
        _tables = new TableExtractor(lexicon, scanner, cues, scope, indicator, _prose);
    }

    public IReadOnlyList<TargetCandidate> Run(StructuredDocument doc)
    {
        var docYear = doc.DocumentYear;
        OuterScope Outer(Section? s) => new(ProseScope.Around(s, doc.TitleCues).ToList(), docYear);
        var list = new List<TargetCandidate>();
        var captions = new List<TargetCandidate>();
        var headline = new List<TargetCandidate>();
        IReadOnlyList<Cue> carried = [];
        bool carriedByItem = false;
        bool reported = false;
        Section? previousSection = null;
        foreach (var p in doc.Paragraphs)
        {
            // a headline sums up the body: it counts only for a figure the body does not state
            if (p.Role == TextRole.Headline)
            {
                headline.AddRange(_prose.Extract(_prose.Prepare(p), Outer(p.Section)));
                continue;
            }
            var prepared = _prose.Prepare(p);
            var opening = prepared.Opening;
            // a paragraph that names no time continues the frame its predecessor in the same section
            // opened; like a lead-in's, a carried year does not make the paragraph's figures baselines
            bool continues = ReferenceEquals(p.Section, previousSection) && !prepared.NamesTime;
            // an item's own opening ("(3) Ngay trong năm 2026, …", "(7) Hằng năm, …") is that item's: the next item is its sibling
            bool item = Text.ListMarks.OpensListItem(p.Text);
            if (item && carriedByItem) carried = [];
            var outer = Outer(p.Section);
            if (continues && carried.Count > 0) outer = outer with { Nodes = [new ScopeNode(ScopeLevel.LeadIn, carried), .. outer.Nodes] };
            // a line that repeats the headline restates a figure of the body
            var found = _prose.Extract(prepared, outer).Where(c => !RepeatsHeadline(c, doc.Headline)).ToList();
            // "Đến nay, … đạt 89,7%." then "Năm 2025, tỷ lệ … đạt 79,5%": a paragraph that goes on from a report
            // in the document's own year, with nothing to call its figures targets, reports as well
            if (reported && ReferenceEquals(p.Section, previousSection))
                found = found.Select(c => c.KindCue == null && c.Kind == TargetKind.Target && c.Year != null && c.Year == docYear
                    ? c with { Kind = TargetKind.Baseline, KindCue = "paragraph before: a report" } : c).ToList();
            if (p.Role == TextRole.Caption) captions.AddRange(found);
            else list.AddRange(found);
            // a paragraph that reports ("Năm 2025, con số này ước đạt 6,7%") frames nothing after it
            bool reports = found.Count > 0 && found.All(c => c.Kind == TargetKind.Baseline);
            reported = reports;
            carriedByItem = opening.Count > 0 ? item : continues && carriedByItem;
            carried = reports ? [] : opening.Count > 0 ? opening : continues ? carried : [];
            previousSection = p.Section;
        }
        foreach (var t in doc.Tables) list.AddRange(_tables.Extract(t, Outer(t.Section)));
        // a photo's caption restates the body's figures; one it alone states is kept
        list.AddRange(captions.Where(c => !list.Any(b => b.Value == c.Value && b.Unit == c.Unit)));
        // so does the headline, whose figure the body may give in another form ("78/96 xã" beside its 81,3%)
        var body = string.Join("\n", doc.Paragraphs.Where(p => p.Role != TextRole.Headline).Select(p => Text.VietText.Squash(p.Text)));
        if (doc.Headline is { Length: > 0 } repeated) body = body.Replace(repeated, " ");
        list.AddRange(headline.Where(c => !list.Any(b => b.Value == c.Value && b.Unit == c.Unit) && !(c.Value is { } v && StatesTheNumber(body, v))));
        return Series(list);
    }

    /// <summary>Whether a text writes the number, as Vietnamese text does ("78", "31.500", "1,5"), as a figure of its own.</summary>
    private static bool StatesTheNumber(string text, double value)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var plain = value.ToString("0.###", culture);
        var forms = new HashSet<string> { plain, plain.Replace('.', ',') };
        if (value == Math.Floor(value) && value >= 1000) forms.Add(value.ToString("#,0", culture).Replace(',', '.'));
        return forms.Any(f => System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\d.,]){System.Text.RegularExpressions.Regex.Escape(f)}(?![\d]|[.,]\d)"));
    }

    private static bool RepeatsHeadline(TargetCandidate c, string? headline) =>
        headline != null && (Text.VietText.Squash(c.Source.Text) == headline || c.Source.Repaired is { } r && Text.VietText.Squash(r) == headline);

    /// <summary>
    /// A recurring rate that the plan raises block by block ("1,5% chi ngân sách hằng năm" by 2035,
    /// 2% by 2040, 3% by 2045) is a series of deadline targets: where one indicator recurs under two
    /// or more deadline years, each takes its block's year instead of "annual".
    /// </summary>
    private static List<TargetCandidate> Series(List<TargetCandidate> list)
    {
        var series = list.Where(c => c.Annual && c.SeriesYear != null)
            .GroupBy(c => Text.VietText.Fold(c.Indicator))
            .Where(g => g.Select(c => c.SeriesYear).Distinct().Count() >= 2)
            .SelectMany(g => g)
            .ToHashSet(ReferenceEqualityComparer.Instance);
        return list.Select(c => series.Contains(c) ? c with { Year = c.SeriesYear, Annual = false, YearCue = c.SeriesYearCue } : c).ToList();
    }
}
