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
        var docYear = doc.Header.Year;
        OuterScope Outer(Section? s) => new(ProseScope.Around(s, doc.TitleCues).ToList(), docYear);
        var list = new List<TargetCandidate>();
        foreach (var p in doc.Paragraphs) list.AddRange(_prose.Extract(p, Outer(p.Section)));
        foreach (var t in doc.Tables) list.AddRange(_tables.Extract(t, Outer(t.Section)));
        return list;
    }
}
