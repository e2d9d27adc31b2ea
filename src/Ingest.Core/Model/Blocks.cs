namespace Ingest.Core.Model;

/// <summary>What a block of the loaded document is.</summary>
public abstract record Block(int Page);

/// <summary>
/// Running text. <see cref="IsWholeParagraph"/> is true when the source knew paragraph bounds
/// (Word); hard-wrapped sources (plain text, PDF) give one line per block and leave joining to Structure.
/// </summary>
public sealed record TextBlock(IReadOnlyList<SourceLine> Lines, bool IsWholeParagraph, TextRole Role = TextRole.Body)
    : Block(Lines.Count > 0 ? Lines[0].Page : 1)
{
    /// <summary>True when the source left a blank line before this one: a paragraph starts here.</summary>
    public bool AfterBlankLine { get; init; }

    public string Text => string.Join(" ", Lines.Select(l => l.Text));
}

/// <summary>
/// What a paragraph is to the document: body text, a footnote, the headline of a document that has
/// no administrative header (a news report: its figures restate the body's, its deadline frames it),
/// or a photo's caption (which restates the body's figures, and credits the photo at its end).
/// </summary>
public enum TextRole { Body, Footnote, Headline, Caption }

/// <summary>A table cell; merged cells appear once, with how many grid columns they span.</summary>
public sealed record TableCell(IReadOnlyList<SourceLine> Lines, int ColumnSpan = 1)
{
    public string Text => string.Join(" ", Lines.Select(l => l.Text.Trim()).Where(t => t.Length > 0));

    /// <summary>A cell the source merges with the one above it (Word's vertical merge): its text is that cell's.</summary>
    public bool MergedFromAbove { get; init; }
}

public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool IsHeader = false);

/// <summary>A table whose rows and cells the source made explicit (Word) or the loader rebuilt from geometry (PDF).</summary>
public sealed record TableBlock(IReadOnlyList<TableRow> Rows, int FirstPage) : Block(FirstPage);
