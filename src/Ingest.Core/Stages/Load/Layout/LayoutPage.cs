namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// One page as positioned lines, from a PDF text layer or from OCR, size in points.
/// <see cref="Rules"/> are the horizontal lines printed on the page where the image was looked at
/// (scans); a table's rows are then the bands between them.
/// </summary>
public sealed record LayoutPage(int Number, double Width, double Height, IReadOnlyList<LayoutLine> Lines, IReadOnlyList<HorizontalRule>? Rules = null);
