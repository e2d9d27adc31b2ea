using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// Rebuilds tables from word geometry. A header row is found by its words ("TT", "Chỉ tiêu",
/// "Đơn vị", "Kết quả"…) and taken in whole, wrapped cells and a lower row under group headings
/// included (see <see cref="HeaderLines"/> and <see cref="HeaderGrid"/>); column boundaries are
/// the borders a PDF page draws between the header's columns, or else the emptiest vertical strips
/// between them;
/// rows are anchored on the number column, and because cells are vertically centred, every other
/// column's lines are split into cells whose centres best match those anchors (a small dynamic
/// programme), which keeps a five-line cell beside a one-line cell in the right row.
/// </summary>
public sealed class TableRebuilder(Lexicon lexicon)
{
    private const double BandTolerance = 4.0;
    private const double CellGap = 8.0;
    private const double MinRuleShare = 0.5;
    private const double MinBandShare = 0.3;
    /// <summary>How much of the header's width a border may fall short of at each end and still run across it.</summary>
    private const double BorderSpanSlack = 0.05;
    /// <summary>How far (points) OCR's box of a line beside a border may reach over it: the box takes in the border's blur.</summary>
    private const double BorderTouch = 2;
    private const double InflatedHeight = 1.5;
    private const double FlatLine = 0.5;
    private const int MaxRowNumber = 5;
    /// <summary>How many lines' height a table's column borders may break for (a group row spanning the table) and go on.</summary>
    private const double GroupRowLines = 2;
    /// <summary>A group row's title is short; a line of running text between two bordered blocks is longer.</summary>
    private const int MaxGroupRowChars = 60;
    /// <summary>Lines below this share of the page's height are its bottom margin: a running footer.</summary>
    private const double FooterShare = 0.9;
    /// <summary>Column borders that make a band a row of cells: two cells at least.</summary>
    private const int MinBorderedColumns = 3;
    /// <summary>How far (points) short of the next cell a header cell's line may end and still have wrapped for want of room.</summary>
    private const double WrapSlack = 24;
    private readonly string[][] _roleWords = lexicon.TableHeaders.Values.Select(v => v.Select(VietText.Fold).ToArray()).ToArray();
    private readonly string[] _numberWords = lexicon.TableHeaders.TryGetValue("number", out var n) ? n.Select(VietText.Fold).ToArray() : [];
    // whether a band of cells is a header is the shared recogniser's call
    private readonly Structure.TableHeaderRecogniser _header = new(lexicon, new Scope.CueFinder(lexicon));

    public sealed record PageResult(IReadOnlyList<Block> Blocks, ColumnLayout? Carry);

    private sealed record Fragment(int Column, IReadOnlyList<LayoutWord> Words, int LineNumber, bool Spanning)
    {
        public string Text { get; } = string.Join(" ", Words.Select(w => w.Text));
        public BBox Box { get; } = LayoutLine.BoxOf(Words);
        public SourceLine ToLine(int page) => LayoutLine.ToSourceLine(page, LineNumber, Words, Box);
    }

    public PageResult Rebuild(LayoutPage page, IReadOnlyList<(LayoutLine Line, int Number)> lines, ColumnLayout? carry, Func<string, bool> isTopHeading)
    {
        var blocks = new List<Block>();
        if (lines.Count == 0) return new PageResult(blocks, carry);
        // a drawn grid without a header's words opens a table only where none runs on from the page before
        var header = FindHeader(page, lines, drawnGrid: carry == null);
        ColumnLayout layout;
        List<(LayoutLine Line, int Number)> region;
        HeaderGrid? grid = null;
        PageResult? rest = null;
        if (header != null)
        {
            var (band, centre) = header.Value;
            var headerLines = HeaderLines(lines, band, centre, page.Rules ?? [], out bool topAligned);
            double top = headerLines.Min(l => l.Line.Box.Y0);
            foreach (var l in lines.Where(l => l.Line.Box.CenterY < top))
                blocks.Add(Text(page, l));
            region = lines.Where(l => l.Line.Box.Y0 > top && !headerLines.Contains(l)).ToList();
            var headerBand = headerLines.Select(l => l.Line.Box).ToList();
            (region, rest) = EndAtBorders(page, headerBand, region, isTopHeading);
            grid = HeaderGrid.Of(headerLines.Where(l => !IsBorderRead(l.Line, headerLines)).SelectMany(l => Split(l.Line.Words.OrderBy(w => w.Box.X0).ToList()).Select(g => new HeaderSegment(g, l.Number))).ToList(), centre);
            var borders = Crossing(page.ColumnRules ?? [], headerBand.Min(b => b.Y0), headerBand.Max(b => b.Y1)).Select(c => c.X).ToList();
            layout = Separate(grid.Columns.Select(c => (c.Box.X0, c.Box.X1)).ToList(), region, topAligned, borders);
        }
        else if (carry != null && !isTopHeading(lines.OrderBy(l => l.Line.Box.Y0).First().Line.Text))
        {
            layout = carry;
            region = lines.ToList();
            // a table run on from the page before ends where its borders do, as one under its header
            (region, rest) = EndAtBorders(page, [region.MinBy(l => l.Line.Box.Y0).Line.Box], region, isTopHeading);
        }
        else
        {
            blocks.AddRange(lines.Select(l => Text(page, l)));
            return new PageResult(blocks, null);
        }
        var rows = new List<TableRow>();
        if (grid != null) rows.AddRange(HeaderRows(page, grid));
        rows.AddRange(BuildRows(page, region, layout));
        if (rows.Count > 0) blocks.Add(new TableBlock(rows, page.Number));
        if (rest != null) blocks.AddRange(rest.Blocks);
        // a running footer under a table that goes on to the next page does not end it
        bool footerOnly = rest != null && rest.Blocks.All(b => IsFooter(b, page.Height));
        return new PageResult(blocks, rest == null || footerOnly ? layout : rest.Carry);
    }

    /// <summary>
    /// The table's lines up to where its borders end (see <see cref="TableBottom"/>), and what follows
    /// it on its page read as the page's own: text, or another table. All of them, and nothing
    /// after, when the page draws no borders there.
    /// </summary>
    private (List<(LayoutLine Line, int Number)> Table, PageResult? After) EndAtBorders(LayoutPage page, IReadOnlyList<BBox> top,
        List<(LayoutLine Line, int Number)> region, Func<string, bool> isTopHeading)
    {
        if (TableBottom(page, top, region) is not { } bottom || region.Where(l => l.Line.Box.CenterY > bottom).ToList() is not { Count: > 0 } after)
            return (region, null);
        return (region.Except(after).ToList(), Rebuild(page, after, null, isTopHeading));
    }

    /// <summary>The column borders that run through the band from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    private static IEnumerable<VerticalRule> Crossing(IEnumerable<VerticalRule> columns, double top, double bottom) =>
        columns.Where(c => c.Y0 <= bottom && c.Y1 >= top);

    /// <summary>Text in the bottom margin of a page this tall (<see cref="FooterShare"/>): a running footer, not the end of a table.</summary>
    internal static bool IsFooter(Block block, double pageHeight) =>
        block is TextBlock t && t.Lines.All(l => l.Box is { } box && box.Y0 > pageHeight * FooterShare);

    /// <summary>
    /// Where a table whose header lies in <paramref name="header"/> ends, when the page draws its
    /// column borders (a PDF's, <see cref="LayoutPage.ColumnRules"/>): the lowest point the borders
    /// that cross the header reach, following each border that starts where another ends (a border
    /// broken by a group row that spans the table). Null when the page draws none there.
    /// </summary>
    private static double? TableBottom(LayoutPage page, IReadOnlyList<BBox> header, IReadOnlyList<(LayoutLine Line, int Number)> body)
    {
        if (page.ColumnRules is not { Count: > 0 } columns || body.Count == 0) return null;
        double left = header.Min(b => b.X0), right = header.Max(b => b.X1), slack = BorderSpanSlack * (right - left);
        double top = header.Min(b => b.Y0), bottom = header.Max(b => b.Y1);
        // a group row that spans the table stops its inner borders for a line, and a table with no side frame has only those
        double bridge = GroupRowLines * header.Max(b => b.Height);
        var within = columns.Where(c => c.X >= left - slack && c.X <= right + slack).ToList();
        var crossing = Crossing(within, top, bottom).ToList();
        if (crossing.Count == 0) return null;
        double end = crossing.Max(c => c.Y1);
        // what a break holds: nothing, or one short line (a group row's title), never running text
        bool Bridges(double from, double to) => to - from <= BorderTouch
            || to - from <= bridge && body.Where(l => l.Line.Box.CenterY > from && l.Line.Box.CenterY < to).ToList() is { Count: <= 1 } gap
               && gap.All(l => l.Line.Text.Length <= MaxGroupRowChars);
        for (bool grew = true; grew;)
        {
            grew = false;
            foreach (var c in within)
                if (c.Y1 > end && c.Y0 <= end + bridge && Bridges(end, c.Y0)) { end = c.Y1; grew = true; }
        }
        // borders drawn round the header alone say nothing of where the body ends
        return body.Min(l => l.Line.Box.CenterY) < end ? end : null;
    }


    private static TextBlock Text(LayoutPage page, (LayoutLine Line, int Number) l) =>
        new([LayoutLine.ToSourceLine(page.Number, l.Number, l.Line.Words, l.Line.Box)], IsWholeParagraph: false);

    /// <summary>
    /// The band of lines around a header row, and the header's vertical centre: that of its number
    /// cell ("STT" is one short line, centred like every header cell), else the middle one of its cells.
    /// </summary>
    private ((LayoutLine Line, int Number)[] Band, double Centre)? FindHeader(LayoutPage page, IReadOnlyList<(LayoutLine Line, int Number)> lines, bool drawnGrid)
    {
        var sorted = lines.OrderBy(l => l.Line.Box.CenterY).ToList();
        for (int i = 0; i < sorted.Count; i++)
        {
            var reference = sorted[i].Line.Box;
            // header cells are centred too: a two-line cell ("Thời gian thực / hiện") overlaps the row
            var band = sorted.Where(l => l.Line.Box.VerticalOverlap(reference) >= MinBandShare * Math.Min(l.Line.Box.Height, reference.Height)).ToArray();
            var words = band.SelectMany(l => l.Line.Words).Where(w => !IsBorderMark(w.Text)).OrderBy(w => w.Box.X0).ToList();
            if (words.Count < 3) continue;
            var cells = Split(words);
            if (cells.Count < 3) continue;
            var recognised = cells.Select(c => _header.Recognise(CellText(c))).ToList();
            bool numbered = recognised[0].Role == ColumnRole.Number || IsNumberWord(VietText.Fold(CellText(cells[0])).Trim('.', ':'));
            // a year or a status word alone does not make a band a header: "2026 và | lộ trình đến năm
            // 2030" is prose set in columns
            int roles = recognised.Skip(numbered ? 1 : 0).Count(h => h.Named);
            // OCR may lose a narrow "TT" column: a band made of nothing but three or more header
            // phrases is a header still
            // a band the page draws cells around is a table's row: numbered, one named column makes it the header
            bool bordered = Crossing(page.ColumnRules ?? [], reference.CenterY, reference.CenterY).Count() >= MinBorderedColumns;
            if (numbered ? roles >= (bordered ? 1 : 2) : roles >= 3 && roles == cells.Count)
            {
                var centres = cells.Select(c => LayoutLine.BoxOf(c).CenterY).ToList();
                return (band, numbered && !Inflated(cells[0], words) ? centres[0] : centres.Order().ElementAt(centres.Count / 2));
            }
        }
        return drawnGrid ? DrawnHeader(page, sorted) : null;
    }

    /// <summary>
    /// A table the page draws as a grid, whatever its header says ("Năm | Tỷ lệ hồ sơ … (%) | …",
    /// a table of a year per row names no column role): its first row, the lines between the first
    /// two row borders under which the page draws three column borders or more, with three cells
    /// or more. Null when the page draws no such grid.
    /// </summary>
    private ((LayoutLine Line, int Number)[] Band, double Centre)? DrawnHeader(LayoutPage page, List<(LayoutLine Line, int Number)> sorted)
    {
        if (page.ColumnRules is not { Count: >= MinBorderedColumns } columns || page.Rules is not { Count: >= 2 } rules) return null;
        foreach (var (line, _) in sorted)
        {
            double y = line.Box.CenterY;
            var crossing = Crossing(columns, y, y).ToList();
            if (crossing.Count < MinBorderedColumns) continue;
            double left = crossing.Min(c => c.X), right = crossing.Max(c => c.X);
            var across = rules.Where(r => r.X0 <= left + BorderTouch && r.X1 >= right - BorderTouch).Select(r => r.Y).ToList();
            var above = across.Where(r => r < y).ToList();
            var under = across.Where(r => r > y).ToList();
            // a band that is no such row (a bordered block of two cells, the national header) is passed over
            if (above.Count == 0 || under.Count == 0) continue;
            double top = above.Max(), bottom = under.Min();
            var band = sorted.Where(l => l.Line.Box.CenterY > top && l.Line.Box.CenterY < bottom).ToArray();
            var words = band.SelectMany(l => l.Line.Words).Where(w => !IsBorderMark(w.Text)).OrderBy(w => w.Box.X0).ToList();
            if (Split(words).Count >= MinBorderedColumns) return (band, (top + bottom) / 2);
        }
        return null;
    }

    /// <summary>
    /// A line of the header too flat to be text: a ruling line OCR read as a row of marks
    /// ("— .. - ..a"), as a fax's broken border comes. It names no cell, and its marks would stand
    /// before the heading words of the cells under it.
    /// </summary>
    private static bool IsBorderRead(LayoutLine line, List<(LayoutLine Line, int Number)> header)
    {
        double text = header.Select(l => l.Line.Box.Height).Order().ElementAt(header.Count / 2);
        return line.Box.Height < FlatLine * text;
    }

    /// <summary>
    /// A cell whose word stands much taller than the header's text: OCR's box took in specks or a
    /// border beside it (a fax's "STT" boxed from the text's top to a speck below), so its centre is
    /// not the header's.
    /// </summary>
    private static bool Inflated(List<LayoutWord> cell, List<LayoutWord> band)
    {
        double text = band.Select(w => w.Box.Height).Order().ElementAt(band.Count / 2);
        return cell.Any(w => w.Box.Height > InflatedHeight * text);
    }

    /// <summary>
    /// A table's border that OCR read as a mark of its own ("[", "|", "—") beside a header's words:
    /// it is no header cell, and set close before "TT" it would make "[ TT" one.
    /// </summary>
    private static bool IsBorderMark(string text) => text.Length > 0 && text.All(c => c is '|' or '[' or ']' or '—' or '_');

    /// <summary>
    /// The number column's heading ("STT", "TT"), or one OCR read with a letter wrong ("SIT",
    /// "SITT"): so short a heading is guessed from its shape only when three or more letters long,
    /// and it counts only before two or more other header phrases (see <see cref="FindHeader"/>).
    /// </summary>
    private bool IsNumberWord(string folded) =>
        _numberWords.Contains(folded) || folded.Length <= 4 && _numberWords.Any(w => w.Length >= 3 && WithinOneEdit(folded, w));

    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return false;
        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { i++; j++; continue; }
            if (++edits > 1) return false;
            if (a.Length > b.Length) i++;
            else if (b.Length > a.Length) j++;
            else { i++; j++; }
        }
        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    /// <summary>
    /// Every line of the header: a header is as tall below its centre as above it, so the band
    /// is grown to the lines it overlaps once made symmetric about the centre, until none is
    /// left. This takes in the last line of a wrapped cell and the lower row under a group
    /// heading, and leaves out the first body row, which is set apart from the header's edge.
    /// Above the centre a line that merely touches the header joins it: no body row lies there,
    /// and a title or caption is set off by a paragraph's spacing, while OCR's boxes, which hug
    /// the ink, leave a group heading only just reaching the wrapped cells beside it.
    /// A printed border across the whole header (the table's top border, the one under its header)
    /// ends it: a caption set close above a table, which a word box grown by a speck of the border
    /// brings into reach, stays out, and so does the first body row.
    /// </summary>
    private List<(LayoutLine Line, int Number)> HeaderLines(IReadOnlyList<(LayoutLine Line, int Number)> lines,
        IReadOnlyList<(LayoutLine Line, int Number)> band, double centre, IReadOnlyList<HorizontalRule> rules, out bool topAligned)
    {
        topAligned = false;
        var header = band.ToList();
        double left = band.Min(l => l.Line.Box.X0), right = band.Max(l => l.Line.Box.X1), slack = BorderSpanSlack * (right - left);
        // cells set at the top of the row (Word's default) start on one line and wrap downward: the
        // header goes down from it to the first row's number, not up into the lines above the table.
        // A line under the header is its wrap only under a cell that filled its column; under a short
        // one ("Kết quả") it is the first row's, begun above its number because that row is centred
        // A line just above the band beside the number cell is a centred cell's first line: not top-aligned
        double bandTop = band.Min(l => l.Line.Box.Y0), lineHeight = band.Max(l => l.Line.Box.Height);
        double numberRight = band.SelectMany(l => l.Line.Words).OrderBy(w => w.Box.X0).First().Box.X1;
        // (a caption set close above the table is fenced off from it by the table's top border)
        var borders = rules.Where(r => r.X0 <= left + slack && r.X1 >= right - slack).Select(r => r.Y).ToList();
        bool centredAbove = lines.Any(l => !header.Contains(l) && l.Line.Box.Y1 > bandTop - lineHeight && l.Line.Box.Y0 < bandTop
            && l.Line.Box.X0 > numberRight && !borders.Any(y => y >= l.Line.Box.Y1 - BorderTouch && y <= bandTop + BorderTouch));
        if (band.Max(l => l.Line.Box.Y0) - bandTop <= BandTolerance && !centredAbove)
        {
            double bottom = band.Max(l => l.Line.Box.Y1);
            var below = lines.Where(l => l.Line.Box.Y0 >= bottom - BorderTouch && !header.Contains(l)).OrderBy(l => l.Line.Box.Y0).ToList();
            // the first row opens with its number or mark ("1", "I", "-") in the number column
            var firstRow = below.FirstOrDefault(l => l.Line.Words.OrderBy(w => w.Box.X0).First() is var w
                && w.Box.X0 <= left + slack && w.Text.Trim('.').Length is > 0 and <= MaxRowNumber);
            var under = firstRow.Line == null ? [] : below.Where(l => l.Line.Box.Y1 <= firstRow.Line.Box.Y0 + BorderTouch && l.Line.Box.X0 >= left - slack).ToList();
            var cells = Split(band.SelectMany(l => l.Line.Words).OrderBy(w => w.Box.X0).ToList()).Select(LayoutLine.BoxOf).ToList();
            // a cell's line wrapped when the next word would not fit in the room it left before the
            // next cell: the next header cell's first line, or a lower line's word begun right of it
            // (a group heading centred over its columns starts well inside them)
            var lower = under.SelectMany(l => l.Line.Words).ToList();
            double NextCell(int k) => lower.Where(w => w.Box.X0 > cells[k].X1).Select(w => w.Box.X0)
                .Append(k + 1 < cells.Count ? cells[k + 1].X0 : right).Min();
            bool Wrapped(int k, double nextWord) => NextCell(k) - cells[k].X1 <= WrapSlack + nextWord;
            // the header cell a word stands under: from a little before its left edge to a little before the next one's
            int CellUnder(double x)
            {
                for (int k = 0; k < cells.Count; k++)
                    if (x >= cells[k].X0 - CellGap && (k + 1 == cells.Count || x < cells[k + 1].X0 - CellGap / 2)) return k;
                return -1;
            }
            // or, under a group heading that had room ("Lộ trình thực hiện"), the lower row naming
            // the columns it spans: two cells or more side by side under the one ("2026 | … | 2030")
            bool NamesColumns(int k, LayoutLine line) =>
                Split([.. lower.Where(w => CellUnder(w.Box.CenterX) == k && w.Box.VerticalOverlap(line.Box) > 0).OrderBy(w => w.Box.X0)]).Count >= 2;
            bool UnderAFilledCell(LayoutLine line) => line.Words.GroupBy(w => CellUnder(w.Box.CenterX))
                .All(g => g.Key >= 0 && (Wrapped(g.Key, g.Min(w => w.Box.X1) - g.Min(w => w.Box.X0)) || NamesColumns(g.Key, line)));
            // a border across the table under the header's first line ends its wrapped cells: what
            // lies below it is a row carried over from the page before; a row naming a group's
            // columns stays, as some writers rule it off across the whole table
            var wrapped = under.Where(l => !borders.Any(y => y >= bottom - BorderTouch && y <= l.Line.Box.Y0 + BorderTouch)
                || l.Line.Words.Select(w => CellUnder(w.Box.CenterX)).Distinct().Any(k => k >= 0 && NamesColumns(k, l.Line))).ToList();
            if (firstRow.Line != null && wrapped.All(l => UnderAFilledCell(l.Line)))
            {
                header.AddRange(wrapped);
                // a header of one line says nothing of how the rows' cells sit
                topAligned = wrapped.Count > 0;
                return header;
            }
        }
        bool Fenced(BBox box) => borders.Any(y => y < centre ? box.Y1 <= y + BorderTouch : box.Y0 >= y - BorderTouch);
        while (true)
        {
            double reach = header.Max(l => Math.Max(centre - l.Line.Box.Y0, l.Line.Box.Y1 - centre));
            var extent = new BBox(0, centre - reach, 0, centre + reach);
            var more = lines.Where(l => !header.Contains(l) && !Fenced(l.Line.Box) && (l.Line.Box.CenterY < centre
                ? l.Line.Box.VerticalOverlap(extent) > 0
                : l.Line.Box.VerticalOverlap(extent) >= MinBandShare * Math.Min(l.Line.Box.Height, extent.Height))).ToList();
            if (more.Count == 0) return header;
            header.AddRange(more);
        }
    }

    // a cell's words line by line, as it reads
    private static string CellText(List<LayoutWord> words) =>
        string.Join(" ", words.OrderBy(w => Math.Round(w.Box.CenterY / BandTolerance)).ThenBy(w => w.Box.X0).Select(w => w.Text));

    /// <summary>Header words (left to right) grouped into cells by wide gaps, and split where a second header phrase begins.</summary>
    private List<List<LayoutWord>> Split(List<LayoutWord> words)
    {
        var groups = new List<List<LayoutWord>>();
        var cur = new List<LayoutWord> { words[0] };
        for (int i = 1; i < words.Count; i++)
        {
            if (words[i].Box.X0 - cur[^1].Box.X1 > CellGap || StartsRole(words, i) && cur.Count > 0 && !StartsRoleInside(cur))
            {
                groups.Add(cur);
                cur = [];
            }
            cur.Add(words[i]);
        }
        groups.Add(cur);
        return groups;
    }

    // "Cơ quan phối hợp Thời gian thực hiện" set closely is still two header cells
    private bool StartsRole(List<LayoutWord> words, int i)
    {
        var rest = VietText.Fold(string.Join(" ", words.Skip(i).Take(4).Select(w => w.Text)));
        return _roleWords.Any(ws => ws.Any(w => w.Contains(' ') && VietText.StartsWithWord(rest, w)));
    }

    // a role phrase that began in the current cell is still being read ("Cơ quan | chủ trì")
    private bool StartsRoleInside(List<LayoutWord> cur)
    {
        var text = VietText.Fold(string.Join(" ", cur.Select(w => w.Text)));
        return _roleWords.Any(ws => ws.Any(w => w.StartsWith(text, StringComparison.Ordinal) && w.Length > text.Length));
    }

    /// <summary>Between each pair of header cells, the border the page draws there, else the x where the fewest content words lie.</summary>
    private static ColumnLayout Separate(List<(double X0, double X1)> cells, List<(LayoutLine Line, int Number)> region, bool topAligned,
        IReadOnlyList<double> borders)
    {
        int width = (int)Math.Ceiling(Math.Max(cells.Max(c => c.X1), region.Count == 0 ? 0 : region.Max(l => l.Line.Box.X1))) + 2;
        var cover = new int[width];
        foreach (var (line, _) in region)
            foreach (var w in line.Words)
                for (int x = Math.Max(0, (int)w.Box.X0); x < Math.Min(width, (int)Math.Ceiling(w.Box.X1)); x++) cover[x]++;
        var seps = new List<double>();
        for (int i = 0; i + 1 < cells.Count; i++)
        {
            // a border the page draws between the two header cells is where they part
            var drawn = borders.Where(x => x >= cells[i].X1 - BorderTouch && x <= cells[i + 1].X0 + BorderTouch).ToList();
            if (drawn.Count > 0)
            {
                double middle = (cells[i].X1 + cells[i + 1].X0) / 2;
                seps.Add(drawn.MinBy(x => Math.Abs(x - middle)));
                continue;
            }
            // else up to the next cell's middle; in a table whose cells sit at the top of the row, as Word sets
            // them (to the left too), no further than where the next header's text starts, as its figures do
            int from = (int)((cells[i].X0 + cells[i].X1) / 2), to = (int)((cells[i + 1].X0 + cells[i + 1].X1) / 2);
            if (topAligned) to = Math.Max(from, Math.Min(to, (int)cells[i + 1].X0));
            int min = int.MaxValue, bestStart = from, bestLen = 0, runStart = -1;
            for (int x = from; x <= to && x < width; x++)
            {
                if (cover[x] < min) { min = cover[x]; bestStart = x; bestLen = 1; runStart = x; }
                else if (cover[x] == min)
                {
                    if (runStart < 0 || x - 1 >= 0 && cover[x - 1] != min) runStart = x;
                    if (x - runStart + 1 > bestLen) { bestLen = x - runStart + 1; bestStart = runStart; }
                }
                else runStart = -1;
            }
            seps.Add(bestStart + bestLen / 2.0);
        }
        return new ColumnLayout(seps) { TopAligned = topAligned };
    }

    /// <summary>
    /// The header as rows of the table: one row when every cell fills the header's height; with
    /// group headings, an upper row where each heading spans its columns and a lower row naming them.
    /// </summary>
    private static IEnumerable<TableRow> HeaderRows(LayoutPage page, HeaderGrid grid)
    {
        TableCell Cell(IEnumerable<HeaderSegment> segments, int span = 1) =>
            new([.. segments.Select(s => LayoutLine.ToSourceLine(page.Number, s.LineNumber, s.Words, s.Box))], span);
        var upper = new List<TableCell>();
        for (int k = 0; k < grid.Columns.Count; k++)
        {
            if (grid.SpanStartingAt(k) is { } span)
            {
                upper.Add(Cell(span.Segments, span.Count));
                k = span.Last;
            }
            else upper.Add(Cell(grid.IsUnderSpan(k) ? [] : grid.Columns[k].Segments));
        }
        yield return new TableRow(upper, IsHeader: true);
        if (grid.Spans.Count > 0)
            yield return new TableRow([.. grid.Columns.Select((c, k) => Cell(grid.IsUnderSpan(k) ? c.Segments : []))], IsHeader: true);
    }

    private static IEnumerable<TableRow> BuildRows(LayoutPage page, List<(LayoutLine Line, int Number)> region, ColumnLayout layout)
    {
        var fragments = new List<Fragment>();
        foreach (var (line, number) in region)
        {
            var groups = line.Words.GroupBy(w => layout.ColumnOf(w.Box.CenterX)).OrderBy(g => g.Key).ToList();
            double maxGap = line.Words.Zip(line.Words.Skip(1), (a, b) => b.Box.X0 - a.Box.X1).DefaultIfEmpty(0).Max();
            bool spanning = groups.Count >= 3 && maxGap < CellGap;
            if (spanning)
            {
                var words = line.Words.Where(w => layout.ColumnOf(w.Box.CenterX) > 0).ToList();
                var lead = line.Words.Where(w => layout.ColumnOf(w.Box.CenterX) == 0).ToList();
                if (lead.Count > 0) fragments.Add(new Fragment(0, lead, number, false));
                if (words.Count > 0) fragments.Add(new Fragment(Math.Min(1, layout.Count - 1), words, number, true));
                continue;
            }
            foreach (var g in groups)
                fragments.Add(new Fragment(g.Key, g.ToList(), number, false));
        }
        if (fragments.Count == 0) yield break;
        var cellsByRow = RowsFromRules(page, fragments, layout) ?? RowsFromAnchors(fragments, layout);
        for (int r = 0; r < cellsByRow.GetLength(0); r++)
        {
            var cells = new List<TableCell>();
            bool spanning = cellsByRow[r, Math.Min(1, layout.Count - 1)].Any(f => f.Spanning);
            for (int c = 0; c < layout.Count; c++)
            {
                var lines = cellsByRow[r, c].Select(f => f.ToLine(page.Number)).ToList();
                if (spanning && c >= 1)
                {
                    var all = Enumerable.Range(1, layout.Count - 1).SelectMany(k => cellsByRow[r, k]).OrderBy(f => f.Box.CenterY).ThenBy(f => f.Box.X0)
                        .Select(f => f.ToLine(page.Number)).ToList();
                    cells.Add(new TableCell(all, layout.Count - 1));
                    break;
                }
                cells.Add(new TableCell(lines));
            }
            yield return new TableRow(cells);
        }
    }

    /// <summary>Rows anchored on the number column, each other column's lines split to match (see <see cref="Assign"/>).</summary>
    private static List<Fragment>[,] RowsFromAnchors(List<Fragment> fragments, ColumnLayout layout)
    {
        var anchors = Anchors(fragments.Where(f => f.Column == 0).ToList());
        anchors = [.. anchors.Concat(UnnumberedFigureRows(fragments, anchors)).Order()];
        if (anchors.Count == 0) anchors = Anchors(fragments.Where(f => f.Column == 1).ToList());
        var cellsByRow = NewGrid(anchors.Count, layout.Count);
        for (int c = 0; c < layout.Count; c++)
        {
            var col = fragments.Where(f => f.Column == c).OrderBy(f => f.Box.CenterY).ToList();
            var assignment = Assign(col, anchors, layout.TopAligned);
            for (int i = 0; i < col.Count; i++) cellsByRow[assignment[i], c].Add(col[i]);
        }
        return cellsByRow;
    }

    /// <summary>
    /// When the page image showed the table's row borders, a row is simply what lies between two
    /// of them; this needs no number column, which OCR often loses (a lone "-" reads as noise).
    /// </summary>
    private static List<Fragment>[,]? RowsFromRules(LayoutPage page, List<Fragment> fragments, ColumnLayout layout)
    {
        if (page.Rules is not { Count: >= 2 } rules) return null;
        double left = fragments.Min(f => f.Box.X0), right = fragments.Max(f => f.Box.X1);
        double top = fragments.Min(f => f.Box.Y0), bottom = fragments.Max(f => f.Box.Y1);
        var borders = rules
            .Where(r => r.Length >= MinRuleShare * (right - left) && r.X0 < right && r.X1 > left && r.Y > top - BandTolerance && r.Y < bottom + BandTolerance)
            .Select(r => r.Y).Order().ToList();
        // a border inside the table is needed; the frame alone says nothing about rows
        if (!borders.Any(y => y > top + BandTolerance && y < bottom - BandTolerance)) return null;
        var bands = fragments.GroupBy(f => borders.Count(y => y < f.Box.CenterY)).OrderBy(g => g.Key).ToList();
        // two row numbers between the same borders: the rules between them were too faint to be
        // found (a fax's pale borders survive in pieces), so the rules do not give the rows. A
        // number is short; a table whose number column OCR lost has its indicators there
        if (bands.Any(b => Anchors(b.Where(f => f.Column == 0 && f.Text.Length <= MaxRowNumber).ToList()).Count >= 2)) return null;
        var cellsByRow = NewGrid(bands.Count, layout.Count);
        for (int r = 0; r < bands.Count; r++)
            foreach (var f in bands[r].OrderBy(f => f.Box.CenterY).ThenBy(f => f.Box.X0)) cellsByRow[r, f.Column].Add(f);
        return cellsByRow;
    }

    private static List<Fragment>[,] NewGrid(int rows, int columns)
    {
        var grid = new List<Fragment>[rows, columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++) grid[r, c] = [];
        return grid;
    }

    /// <summary>
    /// Rows whose number OCR lost (a fax drops a small "2", or the whole number column): when
    /// more lines of figures stand right of the indicator than there are row numbers, each such
    /// line with no row number near it anchors a row of its own, and so does a group heading in
    /// capitals in the indicator column. Near means within two lines' height: the lines of a
    /// wrapped cell lie about its row's centre.
    /// </summary>
    private static IEnumerable<double> UnnumberedFigureRows(List<Fragment> fragments, List<double> numbered)
    {
        var figures = fragments.Where(f => f.Column >= 2 && !f.Spanning && IsFigure(f.Text)).OrderBy(f => f.Box.CenterY).ToList();
        var rows = new List<List<Fragment>>();
        foreach (var f in figures)
            if (rows.Count > 0 && f.Box.CenterY - rows[^1][0].Box.CenterY <= BandTolerance) rows[^1].Add(f);
            else rows.Add([f]);
        if (rows.Count <= numbered.Count) return [];
        double near = 2 * fragments.Select(f => f.Box.Height).Order().ElementAt(fragments.Count / 2);
        // a group's heading in capitals ("HẠ TẦNG SỐ") is a row too, else it would join a row beside it
        var headings = fragments.Where(f => f.Column == 1 && IsCapitals(f.Text)).Select(f => f.Box.CenterY);
        return rows.Select(r => r.Average(f => f.Box.CenterY)).Concat(headings).Where(y => numbered.All(a => Math.Abs(a - y) > near)).ToList();
    }

    private static bool IsCapitals(string text) => text.Count(char.IsLetter) >= 4 && !text.Any(char.IsLower);

    // "82,4", "≥ 80", "65-70": more digits than letters (a note such as "100 Mbps" is no figure)
    private static bool IsFigure(string text) => text.Count(char.IsDigit) > text.Count(char.IsLetter);

    private static List<double> Anchors(List<Fragment> numberColumn)
    {
        // a border's remnant in the number column ("_", "|") is not a row's number; "-" marks a row
        var ys = numberColumn.Where(f => !IsBorderMark(f.Text)).Select(f => f.Box.CenterY).OrderBy(y => y).ToList();
        var anchors = new List<double>();
        foreach (var y in ys)
            if (anchors.Count == 0 || y - anchors[^1] > BandTolerance) anchors.Add(y);
        return anchors;
    }

    /// <summary>
    /// Splits a column's fragments (top to bottom) into consecutive cells, one per used anchor, so
    /// that each cell's vertical centre lies as close as possible to its row's anchor.
    /// </summary>
    /// <param name="topAligned">cells start level with their row's number: a cell is placed by its first line, not its middle</param>
    private static int[] Assign(List<Fragment> col, List<double> anchors, bool topAligned)
    {
        int n = col.Count, m = anchors.Count;
        var result = new int[n];
        if (n == 0 || m == 0) return result;
        var dp = new double[n + 1, m];
        var from = new (int I, int J)[n + 1, m];
        for (int k = 0; k <= n; k++)
            for (int j = 0; j < m; j++) dp[k, j] = double.PositiveInfinity;
        for (int k = 1; k <= n; k++)
            for (int j = 0; j < m; j++)
                for (int i = 1; i <= k; i++)
                {
                    double top = col[i - 1].Box.Y0, bottom = col[k - 1].Box.Y1, center = topAligned ? col[i - 1].Box.CenterY : (top + bottom) / 2;
                    // a cell never reaches over another row's centre
                    if (k > i && anchors.Where((a, q) => q != j).Any(a => a > top + 2 && a < bottom - 2)) continue;
                    // every line of the cell pays for its cell's distance to the anchor, and a
                    // blank gap inside a cell is unlikely: merging two real cells should cost more
                    double cost = (k - i + 1) * Math.Abs(center - anchors[j]);
                    for (int g = i; g < k; g++)
                        cost += Math.Max(0, col[g].Box.Y0 - col[g - 1].Box.Y1 - 0.5 * col[g].Box.Height);
                    double prev;
                    (int, int) arg = (0, -1);
                    if (i == 1) prev = 0;
                    else
                    {
                        prev = double.PositiveInfinity;
                        for (int jj = 0; jj < j; jj++)
                            if (dp[i - 1, jj] < prev) { prev = dp[i - 1, jj]; arg = (i - 1, jj); }
                    }
                    if (prev + cost < dp[k, j]) { dp[k, j] = prev + cost; from[k, j] = arg; }
                }
        int bestJ = 0;
        for (int j = 1; j < m; j++) if (dp[n, j] < dp[n, bestJ]) bestJ = j;
        int kk = n, jCur = bestJ;
        while (kk > 0)
        {
            var (pi, pj) = from[kk, jCur];
            for (int t = pi; t < kk; t++) result[t] = jCur;
            kk = pi;
            jCur = pj;
        }
        return result;
    }

}
