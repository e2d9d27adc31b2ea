using Ingest.Core.Catalogue;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Load;

namespace Ingest.Core.Tests.Support;

/// <summary>Builders for small documents written for the tests.</summary>
public static class Some
{
    public static Lexicon Lexicon => Lexicon.Default;

    public static IngestPipeline Pipeline() => new(PipelineSettings.Default([new PlainTextReader()]));

    /// <summary>Runs the whole pipeline over a plan given as plain text.</summary>
    public static ExtractionResult Extract(string text) =>
        Pipeline().Run(PlainTextReader.FromText("test.txt", "0", text));

    public static IReadOnlyList<Target> Targets(string text) => Extract(text).Targets;
}
