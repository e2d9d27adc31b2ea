using Ingest.Core.Lexicons;
using Ingest.Core.Model;

namespace Ingest.Core.Stages.Extract;

/// <summary>
/// Targets in running text: every value of every clause, each with the words around it up to the
/// neighbouring values, its deadline and kind.
/// </summary>
public sealed class ParagraphExtractor(Lexicon lexicon, ValueScanner scanner, TimeResolver time, IndicatorText indicator)
{
    private static string CountedNoun(string text, ValueMention v)
    {
        int i = v.NumberStart;
        while (i < v.End && (char.IsDigit(text[i]) || text[i] is '.' or ',')) i++;
        return text[i..v.End].Trim();
    }

    public IEnumerable<TargetCandidate> Extract(Paragraph p, int? documentYear)
    {
        var text = p.Text;
        var blockYear = p.Section?.EffectiveYear;
        var timeContext = time.Prepare(text);
        foreach (var (cs, ce) in Clauses.Split(text))
        {
            var clause = text[cs..ce];
            var values = scanner.Scan(clause)
                .Select(v => v with { Start = v.Start + cs, End = v.End + cs, NumberStart = v.NumberStart + cs })
                .ToList();
            for (int i = 0; i < values.Count; i++)
            {
                var v = values[i];
                int left = i == 0 ? cs : Clauses.Divide(text, values[i - 1].End, v.Start, lexicon.Coordinators);
                int right = i == values.Count - 1 ? ce : Clauses.Divide(text, v.End, values[i + 1].Start, lexicon.Coordinators);
                var before = indicator.CleanBefore(text[left..v.Start]);
                var after = v.Evidence == ValueEvidence.UnitFirst ? "" : indicator.CleanAfter(text[v.End..Math.Max(v.End, right)]);
                // a counted noun belongs to the indicator: "01 định danh số" is about "định danh số"
                if (v.UnitClass == UnitClass.Count && v.Evidence == ValueEvidence.Inline)
                    after = $"{CountedNoun(text, v)} {after}".Trim();
                string? qualifier = null;
                if (indicator.IsQualifier(after)) { qualifier = after; after = ""; }
                var facts = time.Resolve(timeContext, v, cs, ce, left, right, blockYear, documentYear);
                var line = p.LineAt(v.NumberStart);
                var name = indicator.Choose(before, after);
                yield return new TargetCandidate(
                    Indicator: name,
                    MatchText: $"{before} {after} {qualifier}".Trim(),
                    Value: v.Value, ValueMax: v.Max, Unit: v.Unit, Comparator: v.Comparator,
                    Year: facts.Year, Annual: facts.Annual, Kind: facts.Kind, Qualifier: qualifier,
                    Section: p.Section?.Path ?? "",
                    Source: Provenance.Of(line),
                    Evidence: v.Evidence, OcrConfidence: p.OcrConfidenceAt(v.NumberStart),
                    IndicatorFollowsValue: name == after && after.Length > 0);
            }
        }
    }
}
