namespace Ingest.Core.Model;

/// <summary>The output of the Load stage: one document model whatever the file format.</summary>
public sealed record LoadedDocument(
    string Path,
    SourceFormat Format,
    string Sha256,
    int PageCount,
    bool Ocr,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<Diagnostic> Diagnostics);
