namespace Ingest.Core.Model;

/// <summary>The output of the Structure stage, in reading order.</summary>
public sealed record StructuredDocument(
    LoadedDocument Source,
    DocumentHeader Header,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<StructuredTable> Tables,
    RepairSummary Repair);

/// <summary>How much the Repair stage changed.</summary>
public sealed record RepairSummary(bool Applied, int ChangedTokens)
{
    public static readonly RepairSummary None = new(false, 0);
}
