namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// One page as positioned lines, from a PDF text layer or from OCR, size in points.
/// <see cref="Rules"/> are the horizontal lines printed on the page (found in a scan's image, or
/// drawn by a PDF): a table's rows are then the bands between them. <see cref="ColumnRules"/> are
/// the vertical ones a PDF draws: where a table's column borders end, the table ends.
/// </summary>
public sealed record LayoutPage(int Number, double Width, double Height, IReadOnlyList<LayoutLine> Lines,
    IReadOnlyList<HorizontalRule>? Rules = null, IReadOnlyList<VerticalRule>? ColumnRules = null);
