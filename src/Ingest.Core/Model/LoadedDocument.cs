namespace Ingest.Core.Model;

/// <summary>The output of the Load stage: one document model whatever the file format.</summary>
public sealed record LoadedDocument(
    string Path,
    SourceFormat Format,
    string Sha256,
    int PageCount,
    bool Ocr,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every line in reading order: running text, and table cells row by row.</summary>
    public IEnumerable<SourceLine> Lines() => Blocks.SelectMany(b => b switch
    {
        TextBlock t => t.Lines,
        TableBlock t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Lines),
        _ => [],
    });
}
