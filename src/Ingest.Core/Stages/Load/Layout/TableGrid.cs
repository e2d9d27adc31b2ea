using Ingest.Core.Model;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>A printed vertical line (a table's column border), in the units of the page it was found on.</summary>
public sealed record VerticalRule(double X, double Y0, double Y1);

/// <summary>A cell of a ruled table read again on its own, and the lines that reading gave.</summary>
public sealed record CellReading(BBox Cell, IReadOnlyList<LayoutLine> Lines);

/// <summary>
/// The cells of a ruled table, from its printed borders alone, and the page's words with the
/// cells read again put in. OCR of a whole page reads a table badly: its layout analysis takes
/// borders for text and runs cells together, and loses short cells (a row number, "07") next to
/// long ones; a cell read on its own is one small block of text, which it reads well.
/// </summary>
public static class TableGrid
{
    /// <summary>Below this mean confidence a cell's reading is noise, not text.</summary>
    private const double MinCellConfidence = 40;

    /// <summary>
    /// Every rectangle closed on all four sides by rules: its top and bottom rules cross it from
    /// border to border and its side borders run from top to bottom. A cell spanning several
    /// columns (a group heading, a section row) is one cell: columns' borders that do not reach
    /// into it do not cut it. <paramref name="tolerance"/> is how far a rule may stop short of a corner.
    /// </summary>
    public static IReadOnlyList<BBox> Cells(IReadOnlyList<HorizontalRule> rows, IReadOnlyList<VerticalRule> columns, double tolerance)
    {
        var xs = new List<double>();
        foreach (var x in columns.Select(v => v.X).Order())
            if (xs.Count == 0 || x - xs[^1] > tolerance) xs.Add(x);
        bool Side(double x, double top, double bottom) =>
            columns.Any(v => Math.Abs(v.X - x) <= tolerance && v.Y0 <= top + tolerance && v.Y1 >= bottom - tolerance);
        bool Across(double y, double left, double right) =>
            rows.Any(h => Math.Abs(h.Y - y) <= tolerance && h.X0 <= left + tolerance && h.X1 >= right - tolerance);
        var cells = new List<BBox>();
        for (int i = 0; i + 1 < xs.Count; i++)
        {
            var ys = rows.Where(h => h.X0 <= xs[i] + tolerance && h.X1 >= xs[i + 1] - tolerance).Select(h => h.Y).Order().ToList();
            for (int k = 0; k + 1 < ys.Count; k++)
            {
                double top = ys[k], bottom = ys[k + 1];
                if (bottom - top <= 2 * tolerance || !Side(xs[i], top, bottom)) continue;
                int j = i + 1;
                while (j < xs.Count && !Side(xs[j], top, bottom)) j++;
                if (j == xs.Count || !Across(top, xs[i], xs[j]) || !Across(bottom, xs[i], xs[j])) continue;
                cells.Add(new BBox(xs[i], top, xs[j], bottom));
            }
        }
        return cells;
    }

    /// <summary>
    /// The cell as the page's reading gave it, when that reading needs no second one: it has words
    /// in the cell, none a figure or a border read as "|", every one read at <paramref name="sureConfidence"/> or more
    /// and lying within the cell (less <paramref name="slack"/>), not run on into its neighbours.
    /// Null otherwise: the cell is read on its own. Read again, a cell of words the page read
    /// surely comes back the same, at the cost of reading a table's longest cells twice; a figure
    /// is what the table is read for, and the page's reading drops its decimal comma at any
    /// confidence ("1,8" read as "18" at 91).
    /// </summary>
    public static CellReading? ReadSurely(BBox cell, IReadOnlyList<LayoutLine> lines, double sureConfidence, double slack)
    {
        var inside = new List<LayoutLine>();
        foreach (var line in lines)
        {
            var words = line.Words.Where(w => cell.Contains(w.Box.CenterX, w.Box.CenterY)).ToList();
            if (words.Count == 0) continue;
            if (words.Any(w => (w.Confidence ?? 0) < sureConfidence || w.Text.Any(char.IsDigit) || IsColumnBorder(w.Text)
                || w.Box.X0 < cell.X0 - slack || w.Box.X1 > cell.X1 + slack || w.Box.Y0 < cell.Y0 - slack || w.Box.Y1 > cell.Y1 + slack))
                return null;
            inside.Add(words.Count == line.Words.Count ? line : LayoutLine.Of(words));
        }
        return inside.Count == 0 ? null : new CellReading(cell, inside);
    }

    /// <summary>
    /// The page's lines with each re-read cell's words in place of the words the page's reading
    /// put inside it, where the engine is surer of them (a higher mean confidence): a cell alone
    /// is usually read better, but not always, and the page's reading is the second opinion. A
    /// cell read empty, or read as noise (an empty cell's specks give a low confidence), or read
    /// with a column border inside it, keeps what the page read there. The cells' lines go where
    /// the first line that lost words stood, top to bottom and left to right, so the text around
    /// the table keeps its order, and after every line that stands above the table.
    /// </summary>
    public static IReadOnlyList<LayoutLine> Reread(IReadOnlyList<LayoutLine> lines, IReadOnlyList<CellReading> cells)
    {
        var read = cells.Where(c => Replaces(c, lines.SelectMany(l => l.Words).Where(w => c.Cell.Contains(w.Box.CenterX, w.Box.CenterY)).ToList())).ToList();
        if (read.Count == 0) return lines;
        bool Inside(LayoutWord w) => read.Any(c => c.Cell.Contains(w.Box.CenterX, w.Box.CenterY));
        var result = new List<LayoutLine>();
        int at = -1;
        foreach (var line in lines)
        {
            var kept = line.Words.Where(w => !Inside(w)).ToList();
            if (kept.Count < line.Words.Count && at < 0) at = result.Count;
            if (kept.Count == line.Words.Count) result.Add(line);
            else if (kept.Count > 0) result.Add(LayoutLine.Of(kept));
        }
        double top = read.Min(c => c.Cell.Y0);
        if (at < 0)
        {
            at = result.FindIndex(l => l.Box.CenterY > top);
            if (at < 0) at = result.Count;
        }
        // the page's reading can start with a word from inside the table (a section's "I" in its
        // first column, read as a block of its own) and give the caption above the table after it;
        // the caption still goes before the table, or it is read as part of the header
        var above = result.Skip(at).Where(l => l.Box.CenterY < top).ToList();
        if (above.Count > 0)
        {
            result.RemoveAll(above.Contains);
            result.InsertRange(at, above);
            at += above.Count;
        }
        var cellLines = read.OrderBy(c => c.Cell.Y0).ThenBy(c => c.Cell.X0)
            .SelectMany(c => c.Lines.Where(l => l.Words.Count > 0).OrderBy(l => l.Box.CenterY)).ToList();
        result.InsertRange(at, cellLines);
        return result;
    }

    /// <summary>
    /// Whether a cell read on its own replaces the page's words in it: when it is surer than they
    /// are and sure enough to be text. Where the page's words there are under that bar too, both
    /// readings say there is ink, and the surer is kept: "2,1" read at 35 on its own over the
    /// page's "tIỂN" at 0. Specks in an empty cell the page read nothing in stay unread.
    /// </summary>
    private static bool Replaces(CellReading cell, IReadOnlyList<LayoutWord> pageWords)
    {
        var words = cell.Lines.SelectMany(l => l.Words).ToList();
        if (words.Count == 0 || words.Any(w => IsColumnBorder(w.Text))) return false;
        double own = Confidence(words), page = Confidence(pageWords);
        return own >= MinCellConfidence ? own >= page : pageWords.Count > 0 && page < MinCellConfidence && own > page;
    }

    /// <summary>
    /// A column border read as a glyph. Inside a cell's reading it says the cell was no cell: a
    /// row of several cells whose borders between them were not found (a header row's short
    /// borders) was read as one block, "Nội dung | Cơ quan chủ trì | Thời hiện thực", its
    /// two-line cells run together; the page's reading of it is kept.
    /// </summary>
    private static bool IsColumnBorder(string word) => word.Length > 0 && word.All(c => c == '|');

    // the mean confidence of OCR'd words; none read is no rival
    private static double Confidence(IEnumerable<LayoutWord> words) =>
        words.Select(w => w.Confidence ?? 0).DefaultIfEmpty(-1).Average();
}
