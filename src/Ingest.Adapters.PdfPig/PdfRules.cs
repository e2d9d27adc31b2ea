using Ingest.Core.Stages.Load.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Colors;

namespace Ingest.Adapters.PdfPig;

/// <summary>
/// The level and upright lines a PDF page draws, in points from the top: a table's row and column
/// borders. A word processor draws a bordered table's borders as vector paths, stroked segments
/// (LibreOffice) or thin filled rectangles (Word); read from them, a row is what lies between two
/// borders, as on a scan whose rules were found in its image, and the table ends where its
/// column borders do.
/// </summary>
internal static class PdfRules
{
    /// <summary>A filled rectangle no taller than this (points) is a line; a taller one is a cell's shading.</summary>
    private const double MaxThickness = 2.5;
    /// <summary>Shorter level strokes (points) are underlines and ticks, not borders.</summary>
    private const double MinLength = 20;
    /// <summary>A column border is drawn row by row, and a row of one line is 14 points tall.</summary>
    private const double MinUprightLength = 5;
    /// <summary>A segment whose ends differ in height by no more than this (points) runs level.</summary>
    private const double Level = 0.5;
    /// <summary>Segments this close in height (points) and with ends this close are one border drawn cell by cell.</summary>
    private const double SameLine = 1.0, Joint = 3.0;
    /// <summary>A line this light (0 black, 1 white) is paper's colour: a white line drawn over others hides nothing.</summary>
    private const double Paper = 0.9;

    /// <summary>The page's borders; none when its drawing cannot be read (the text is read all the same).</summary>
    public static (IReadOnlyList<HorizontalRule> Rows, IReadOnlyList<VerticalRule> Columns) Of(Page page)
    {
        try { return Read(page); }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or InvalidCastException)
        {
            return ([], []);
        }
    }

    private static (IReadOnlyList<HorizontalRule> Rows, IReadOnlyList<VerticalRule> Columns) Read(Page page)
    {
        var segments = new List<(double Y, double X0, double X1)>();
        var upright = new List<(double X, double Y0, double Y1)>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            if (IsPaper(path.IsStroked ? path.StrokeColor : path.FillColor)) continue;
            foreach (var sub in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    if (sub.GetBoundingRectangle() is not { } r) continue;
                    if (r.Height <= MaxThickness && r.Width >= MinLength)
                        segments.Add((page.Height - (r.Bottom + r.Top) / 2, r.Left, r.Right));
                    else if (r.Width <= MaxThickness && r.Height >= MinUprightLength)
                        upright.Add(((r.Left + r.Right) / 2, page.Height - r.Top, page.Height - r.Bottom));
                    continue;
                }
                PdfPoint? start = null, at = null;
                foreach (var command in sub.Commands)
                {
                    switch (command)
                    {
                        case PdfSubpath.Move m: start = at = m.Location; break;
                        case PdfSubpath.Line l: Add(l.From, l.To); at = l.To; break;
                        case PdfSubpath.Close when at is { } a && start is { } s: Add(a, s); at = s; break;
                    }
                }
            }
        }
        var columns = Join(upright.Select(u => (u.X, u.Y0, u.Y1))).Select(r => new VerticalRule(r.Y, r.X0, r.X1)).ToList();
        return (Join(segments), columns);

        void Add(PdfPoint a, PdfPoint b)
        {
            if (Math.Abs(a.Y - b.Y) <= Level && Math.Abs(a.X - b.X) >= MinLength)
                segments.Add((page.Height - (a.Y + b.Y) / 2, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
            else if (Math.Abs(a.X - b.X) <= Level && Math.Abs(a.Y - b.Y) >= MinUprightLength)
                upright.Add(((a.X + b.X) / 2, page.Height - Math.Max(a.Y, b.Y), page.Height - Math.Min(a.Y, b.Y)));
        }
    }

    // a pattern (a hatch, a gradient) has no one colour, and PdfPig throws when asked for it
    private static bool IsPaper(IColor? colour)
    {
        if (colour == null || colour is PatternColor || colour.ColorSpace == ColorSpace.Pattern) return false;
        var (r, g, b) = colour.ToRGBValues();
        return Math.Min(r, Math.Min(g, b)) >= Paper;
    }

    /// <summary>
    /// Level segments that continue one another (a border drawn cell by cell) as one rule each, top
    /// to bottom; upright ones too, given with their axes swapped (x as Y, the span as X0–X1).
    /// </summary>
    internal static IReadOnlyList<HorizontalRule> Join(IEnumerable<(double Y, double X0, double X1)> segments)
    {
        var rules = new List<HorizontalRule>();
        foreach (var s in segments.OrderBy(s => s.Y).ThenBy(s => s.X0))
        {
            int i = rules.FindLastIndex(r => Math.Abs(r.Y - s.Y) <= SameLine && s.X0 <= r.X1 + Joint && s.X1 >= r.X0 - Joint);
            if (i < 0) rules.Add(new HorizontalRule(s.Y, s.X0, s.X1));
            else rules[i] = rules[i] with { X0 = Math.Min(rules[i].X0, s.X0), X1 = Math.Max(rules[i].X1, s.X1) };
        }
        return rules;
    }
}
