using Ingest.Core.Catalogue;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Review;
using Ingest.Core.Stages.Confidence;
using Ingest.Core.Stages.Extract;
using Ingest.Core.Stages.Load;
using Ingest.Core.Stages.Matching;
using Ingest.Core.Stages.Repair;
using Ingest.Core.Text;
using Ingest.Core.Stages.Structure;

namespace Ingest.Core.Pipeline;

/// <summary>
/// load → repair → structure → extract → match → confidence, for one document at a time.
/// Built once per batch (the catalogue index and regexes are made here), safe to share across threads.
/// </summary>
public sealed class IngestPipeline
{
    private readonly DocumentLoader _loader;
    private readonly LanguageCheck _language;
    private readonly RepairStage _repair;
    private readonly StructureStage _structure;
    private readonly ExtractStage _extract;
    private readonly MatchStage _match;
    private readonly ConfidenceStage _confidence;

    public IngestPipeline(PipelineSettings settings)
    {
        _loader = new DocumentLoader(settings.Readers, settings.Load);
        _language = new LanguageCheck(new SyllableShape(settings.Lexicon));
        _repair = new RepairStage(settings.Encodings, settings.Repairer);
        _structure = new StructureStage(settings.Lexicon);
        _extract = new ExtractStage(settings.Lexicon);
        _match = new MatchStage(settings.Catalogue, settings.Lexicon, settings.Match);
        _confidence = new ConfidenceStage(settings.Confidence);
    }

    public ExtractionResult Run(string path, CancellationToken ct = default) => Run(path, PagesRead.Ignored, ct);

    /// <summary>Runs the file through, telling <paramref name="pages"/> how many of its pages are read as loading goes on.</summary>
    public ExtractionResult Run(string path, IProgress<PagesRead> pages, CancellationToken ct)
    {
        var loaded = _loader.Load(path, pages, ct);
        return Run(loaded, ct);
    }

    /// <summary>Runs several files through as one document (page images), <paramref name="path"/> naming it.</summary>
    public ExtractionResult Run(string path, IReadOnlyList<string> files, IProgress<PagesRead> pages, CancellationToken ct) =>
        Run(_loader.Load(path, files, pages, ct), ct);

    public ExtractionResult Run(LoadedDocument loaded, CancellationToken ct = default)
    {
        var (repaired, summary) = _repair.Run(loaded);
        // text in a legacy Vietnamese font encoding reads as gibberish until converted; once it was, it is Vietnamese
        if (summary.Encoding == null) _language.Check(loaded);
        ct.ThrowIfCancellationRequested();
        var structured = _structure.Run(repaired, summary);
        var candidates = _extract.Run(structured);
        var matched = _match.Run(candidates);
        var targets = _confidence.Run(matched, structured);
        var ordered = TargetKeys.Assign(targets.OrderBy(t => t.Candidate.Source.Page).ThenBy(t => t.Candidate.Source.Line).ToList());
        return new ExtractionResult(structured, ordered, loaded.Diagnostics);
    }
}

/// <summary>Everything a pipeline is built from; the CLI fills it, tests make their own.</summary>
public sealed record PipelineSettings(
    IReadOnlyList<IDocumentReader> Readers,
    IndicatorCatalogue Catalogue,
    Lexicon Lexicon,
    LoadOptions Load,
    MatchOptions Match,
    ConfidenceOptions Confidence,
    LegacyEncodings? Encodings,
    ITextRepairer? Repairer)
{
    /// <summary>Default settings; repair beyond NFC and legacy encodings needs a trained model, so it is passed in.</summary>
    public static PipelineSettings Default(IReadOnlyList<IDocumentReader> readers, ITextRepairer? repairer = null) =>
        new(readers, IndicatorCatalogue.Default, Lexicon.Default, new LoadOptions(), new MatchOptions(), new ConfidenceOptions(),
            LegacyEncodings.Load(repairer != null ? repairer.Knows : new SyllableShape(Lexicon.Default).IsSyllable), repairer);
}
