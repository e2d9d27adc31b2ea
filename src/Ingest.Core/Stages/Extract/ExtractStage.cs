using Ingest.Core.Lexicons;
using Ingest.Core.Model;

namespace Ingest.Core.Stages.Extract;

/// <summary>The Extract stage: target candidates from every paragraph and table, in reading order.</summary>
public sealed class ExtractStage
{
    private readonly ParagraphExtractor _prose;
    private readonly TableExtractor _tables;

    public ExtractStage(Lexicon lexicon)
    {
        var scanner = new ValueScanner(lexicon);
        var time = new TimeResolver(lexicon);
        var indicator = new IndicatorText(lexicon);
        _prose = new ParagraphExtractor(lexicon, scanner, time, indicator);
        _tables = new TableExtractor(lexicon, scanner, time, indicator, _prose);
    }

    public IReadOnlyList<TargetCandidate> Run(StructuredDocument doc)
    {
        var docYear = doc.Header.Year;
        var list = new List<TargetCandidate>();
        foreach (var p in doc.Paragraphs) list.AddRange(_prose.Extract(p, docYear));
        foreach (var t in doc.Tables) list.AddRange(_tables.Extract(t, docYear));
        return list;
    }
}
