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

    /// <summary>Structure and Extract alone (no repair, matching or confidence): the candidates a plan's text gives.</summary>
    public static IReadOnlyList<TargetCandidate> Candidates(string text)
    {
        var loaded = PlainTextReader.FromText("test.txt", "0", text);
        var structured = new Ingest.Core.Stages.Structure.StructureStage(Lexicon).Run(loaded, RepairSummary.None);
        return new Ingest.Core.Stages.Extract.ExtractStage(Lexicon).Run(structured);
    }

    /// <summary>A plan header dated in 2025, so that "the present" is 2025.</summary>
    public const string Header2025 = "ỦY BAN NHÂN DÂN\nXÃ XỐP\nSố: 12/KH-UBND\nXốp, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH\nChuyển đổi số\n";
}
