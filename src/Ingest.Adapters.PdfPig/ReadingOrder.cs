using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Adapters.PdfPig;

/// <summary>
/// The order in which a page's lines are read, by recursive cuts along empty bands (an X–Y cut):
/// first across the page where no line spans the gap (paragraphs, the bands of a header, table
/// rows), then, within a band, down the page where no line does (the header's two columns, a
/// table's cells, the signature block), and so on; lines that no cut separates are read top to
/// bottom. So the issuer's block of a header is read before the motto beside it, as pdftotext did,
/// and each row of a table before the next.
/// </summary>
internal static class ReadingOrder
{
    public static IReadOnlyList<LayoutLine> Of(IReadOnlyList<LayoutLine> lines)
    {
        var ordered = new List<LayoutLine>(lines.Count);
        Cut(lines.ToList(), ordered);
        return ordered;
    }

    private static void Cut(List<LayoutLine> lines, List<LayoutLine> into)
    {
        if (lines.Count <= 1)
        {
            into.AddRange(lines);
            return;
        }
        var parts = Split(lines, l => l.Box.Y0, l => l.Box.Y1);
        if (parts.Count == 1) parts = Split(lines, l => l.Box.X0, l => l.Box.X1);
        if (parts.Count == 1)
        {
            into.AddRange(lines.OrderBy(l => l.Box.Y1).ThenBy(l => l.Box.X0));
            return;
        }
        foreach (var part in parts) Cut(part, into);
    }

    /// <summary>The lines in groups separated by empty bands along one axis, in order along it.</summary>
    private static List<List<LayoutLine>> Split(List<LayoutLine> lines, Func<LayoutLine, double> from, Func<LayoutLine, double> to)
    {
        var groups = new List<List<LayoutLine>>();
        double end = double.NegativeInfinity;
        foreach (var l in lines.OrderBy(from).ThenBy(to))
        {
            if (groups.Count == 0 || from(l) > end) groups.Add([]);
            groups[^1].Add(l);
            end = Math.Max(end, to(l));
        }
        return groups;
    }
}
