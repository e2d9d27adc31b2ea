namespace Ingest.Core.Model;

/// <summary>The output of the Structure stage, in reading order.</summary>
public sealed record StructuredDocument(
    LoadedDocument Source,
    DocumentHeader Header,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Paragraph> Paragraphs,
    IReadOnlyList<StructuredTable> Tables,
    RepairSummary Repair)
{
    /// <summary>The time cues of the document's title: the outermost scope of every value.</summary>
    public IReadOnlyList<Cue> TitleCues { get; init; } = [];

    /// <summary>
    /// The document's own year, "the present" that baselines describe: its date's year, else (a
    /// scan whose date line was not read) the latest date written in its opening lines.
    /// </summary>
    public int? DocumentYear { get; init; }

    /// <summary>The headline of a document without an administrative header, null for a plan.</summary>
    public string? Headline { get; init; }
}

/// <summary>
/// How much the Repair stage changed: words rewritten out of all words, the legacy font
/// encoding it converted from (null for Unicode), and the damage it found.
/// </summary>
public sealed record RepairSummary(bool Applied, int ChangedTokens, int Words, string? Encoding, DamageMix Damage)
{
    public static readonly RepairSummary None = new(false, 0, 0, null, DamageMix.Clean);
}
