using Ingest.Adapters.OpenXml;
using Ingest.Adapters.Poppler;
using Ingest.Core.Pipeline;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Load;

namespace Ingest.Cli;

/// <summary>The one place where ports meet their adapters.</summary>
public static class Composition
{
    public static IReadOnlyList<IDocumentReader> Readers() =>
    [
        new PlainTextReader(),
        new PdfTextReader(new PopplerTools(PopplerOptions.Default)),
        new DocxReader(),
    ];

    public static PipelineSettings Settings() => PipelineSettings.Default(Readers());
}
