using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// Puts back tables that text extraction flattened one cell per line (what pdftotext gives for a
/// ruled table): a run of short header cells that the header recogniser knows ("STT", "Chỉ tiêu",
/// "Đơn vị" / "tính", "Thực hiện" / "năm 2024", "Năm 2026" …), then rows that each start with a
/// row number on its own line, the indicator's wrapped lines, the unit, one line per figure
/// column ("35,6", "≥ 70", "65 - 70", "-"), and any notes. A header cell that wraps continues on
/// a line that starts in lower case; year cells listed after the first header row's last cell
/// belong under the group cell ("Lộ trình thực hiện") they subdivide. The table ends at a line
/// too long to be a cell, a heading with a title, or where a row does not parse; a repeated
/// header (a new page) is skipped.
/// </summary>
public sealed partial class FlatTableRebuilder(Lexicon lexicon, TableHeaderRecogniser header)
{
    // a cell's line is narrow; a line of running text is not (hard-wrapped prose runs to 80–100 characters)
    private const int MaxCellChars = 60;
    private readonly HashSet<string> _yearWords = lexicon.YearWords.Select(VietText.Fold).ToHashSet();
    private readonly string[] _units = lexicon.CountNouns.Select(n => VietText.Fold(n.Noun))
        .Concat(lexicon.PercentWords.Select(VietText.Fold))
        .Concat(lexicon.RankWords.Select(VietText.Fold))
        .Concat(lexicon.TableUnits.Select(VietText.Fold))
        .OrderByDescending(u => u.Length).ToArray();

    [GeneratedRegex(@"^\s*(?:\d{1,3}|[IVXLC]{1,5}|[A-H])\.?\s*$")]
    private static partial Regex RowNumber();

    // a group's mark: a Roman numeral or a capital letter ("I", "II", "A", "B")
    [GeneratedRegex(@"^\s*(?:[IVXLC]{1,5}|[A-H])\.?\s*$")]
    private static partial Regex GroupMark();

    // "1.1": a row's sub-number, never a thousands group (three digits after the dot)
    [GeneratedRegex(@"^\s*\d{1,3}\.\d{1,2}\.?\s*$")]
    private static partial Regex SubRowNumber();

    /// <summary>
    /// A sub-row of row <paramref name="parent"/>: its number under the parent's ("1.1" under "1") on
    /// its line, its words on the next, opening an item or with a capital ("- Trường mầm non"). A
    /// figure written with a decimal point ("7.5") is followed by another figure, a note or the text
    /// after the table, and is under no row's number but by chance.
    /// </summary>
    private bool IsSubRow(IReadOnlyList<Block> blocks, int i, string? parent) =>
        parent != null && Line(blocks, i) is { } l && SubRowNumber().IsMatch(l.Text)
        && ListMarks.NumberedUnder(l.Text, parent)
        && Line(blocks, i + 1) is { } next && FigureLines(blocks, i + 1) == 0 && Narrow(next.Text)
        && (ListMarks.OpensItem(next.Text) || StartsUpper(next.Text));

    [GeneratedRegex(@"^\s*[IVXLC]{1,5}[.)]\s+\S")]
    private static partial Regex RomanTitled();

    /// <summary>
    /// A group row written on one line ("II. CHÍNH QUYỀN SỐ"): numbered like a section, but the
    /// table's next row follows it, where a section heading after the table opens running text.
    /// </summary>
    private bool IsGroupLine(IReadOnlyList<Block> blocks, int i) =>
        Line(blocks, i) is { } l && RomanTitled().IsMatch(l.Text) && Narrow(l.Text)
        && Line(blocks, i + 1) is { } next && RowNumber().IsMatch(next.Text) && !GroupMark().IsMatch(next.Text)
        // and the row's words after its number: a page number after a section heading has none
        && Line(blocks, i + 2) is { } words && Narrow(words.Text) && !RowNumber().IsMatch(words.Text) && FigureLines(blocks, i + 2) == 0;

    // one figure cell: "35,6", "≥ 70", "trên 80", "< 0,5", "65 - 70", "3.000", "08 tổ", "500 người", "Top 10", "-";
    // and a comparator a narrow cell wrapped onto a line of its own ("Trên" / "80")
    private readonly (Regex Figure, Regex ComparatorAlone) _cells = CellShapes(lexicon);

    private static (Regex, Regex) CellShapes(Lexicon lexicon)
    {
        static string Alt(IEnumerable<string> phrases) => string.Join("|", phrases.OrderByDescending(p => p.Length).Select(Regex.Escape));
        // a rank cell reads "Top 10" as a comparator cell reads "≥ 90"
        var cmp = Alt(lexicon.ComparatorsBefore.Select(c => c.Phrase).Append("=").Concat(lexicon.RankTopWords));
        var unit = Alt(lexicon.PercentWords.Concat(lexicon.CountNouns.Select(n => n.Noun)).Concat(lexicon.TableUnits).Concat(lexicon.MoneyUnits));
        const string number = @"\d+(?:[.,]\d+)*";
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        return (new Regex($@"^\s*(?:(?:(?:{cmp})\s*)?{number}\s*%?(?:\s*[-–]\s*{number})?(?:\s*(?:{unit}))?|[-–—x])\s*$", options),
            new Regex($@"^\s*(?:{cmp})\s*$", options));
    }

    private Regex Figure() => _cells.Figure;

    private sealed record HeaderCellText(List<SourceLine> Lines, HeaderCell Cell)
    {
        public string Text => string.Join(" ", Lines.Select(l => l.Text.Trim()));
    }

    public IReadOnlyList<Block> Rebuild(IReadOnlyList<Block> blocks)
    {
        var result = new List<Block>();
        int i = 0;
        while (i < blocks.Count)
        {
            if (Line(blocks, i) != null && (TryTable(blocks, i, out var table, out int next) || TryYearRows(blocks, i, out table, out next)))
            {
                result.Add(table);
                i = next;
                continue;
            }
            result.Add(blocks[i]);
            i++;
        }
        return result;
    }

    private static SourceLine? Line(IReadOnlyList<Block> blocks, int i) =>
        i < blocks.Count && blocks[i] is TextBlock { IsWholeParagraph: false, Lines.Count: 1 } t ? t.Lines[0] : null;

    private bool TryTable(IReadOnlyList<Block> blocks, int start, out TableBlock table, out int next)
    {
        table = null!;
        next = start;
        var head = ReadHeader(blocks, start, out int i);
        if (head == null) return false;
        var (rows, columns) = (new List<TableRow>(), Layout(head));
        rows.AddRange(columns.HeaderRows);
        int valueColumns = columns.ValueColumns, textColumns = columns.TextColumns;
        bool hasUnit = columns.HasUnit;
        string? parent = null;
        while (Line(blocks, i) is { } line && (RowNumber().IsMatch(line.Text) || IsSubRow(blocks, i, parent) || IsGroupLine(blocks, i)))
        {
            if (RowNumber().IsMatch(line.Text) && !GroupMark().IsMatch(line.Text)) parent = line.Text;
            if (!RowNumber().IsMatch(line.Text) && !IsSubRow(blocks, i, parent))
            {
                // a group row on one line: "I. HẠ TẦNG SỐ", then the group's first row
                rows.Add(new TableRow([new TableCell([line], ColumnSpan: columns.Width)]));
                i = Skip(blocks, i + 1, head.Count);
                continue;
            }
            var cells = new List<TableCell> { new([line]) };
            int j = i + 1;
            if (GroupMark().IsMatch(line.Text))
            {
                // a group row: "I" then "HẠ TẦNG SỐ"
                var title = new List<SourceLine>();
                while (Line(blocks, j) is { } l && !RowNumber().IsMatch(l.Text) && Narrow(l.Text) && !IsHeaderStart(blocks, j)) { title.Add(l); j++; }
                if (title.Count == 0) break;
                cells.Add(new TableCell(title, ColumnSpan: columns.Width - 1));
                rows.Add(new TableRow(cells));
                i = Skip(blocks, j, head.Count);
                continue;
            }
            // a text cell before the indicator is its first line and the lines that go on from it
            // in small letters ("Chính quyền" / "số", "Phòng Văn hóa" / "- Xã hội"); the indicator opens with a capital
            for (int t = 0; t < columns.TextBefore; t++)
            {
                var text = new List<SourceLine>();
                while (Line(blocks, j) is { } l && FigureLines(blocks, j) == 0 && !RowNumber().IsMatch(l.Text) && Narrow(l.Text)
                       && (text.Count == 0 || !StartsUpper(l.Text))) { text.Add(l); j++; }
                cells.Add(new TableCell(text));
            }
            var indicator = new List<SourceLine>();
            // the indicator's lines may open with a unit's word ("Người dân được…", "hồ sơ sức khỏe điện tử"):
            // the unit is the line that the row's first figure follows
            while (Line(blocks, j) is { } l && (indicator.Count == 0 || !hasUnit || !IsUnitCell(blocks, j)) && FigureLines(blocks, j) == 0 && !IsSubRow(blocks, j, parent) && Narrow(l.Text)) { indicator.Add(l); j++; }
            if (indicator.Count == 0) break;
            cells.Add(new TableCell(indicator));
            if (IsSubRow(blocks, j, parent))
            {
                // a parent row: its indicator, its figures in the sub-rows that follow ("1.1", "- Trường mầm non")
                for (int c = cells.Count; c < columns.Width; c++) cells.Add(new TableCell([]));
                rows.Add(new TableRow(cells));
                i = j;
                continue;
            }
            if (hasUnit)
            {
                var unit = new List<SourceLine>();
                if (Line(blocks, j) is { } u && StartsAUnit(blocks, j))
                {
                    unit.Add(u); j++;
                    while (Line(blocks, j) is { } c && !Figure().IsMatch(c.Text) && StartsLower(c.Text)) { unit.Add(c); j++; }
                }
                cells.Add(new TableCell(unit));
            }
            int figures = 0;
            // an empty cell prints no line: the next row's number ("2" after row 1, then its indicator) ends the figures
            while (figures < valueColumns && FigureLines(blocks, j) is var n and > 0 && !IsNextRow(blocks, j, line.Text) && !IsSubRow(blocks, j, parent))
            {
                cells.Add(FigureCell(blocks, j, n));
                figures++; j += n;
            }
            if (figures == 0) break;
            for (; figures < valueColumns; figures++) cells.Add(new TableCell([]));
            if (textColumns > 0)
            {
                var notes = new List<SourceLine>();
                while (Line(blocks, j) is { } n && !RowNumber().IsMatch(n.Text) && Narrow(n.Text) && !IsHeaderStart(blocks, j)) { notes.Add(n); j++; }
                cells.Add(new TableCell(notes));
            }
            rows.Add(new TableRow(cells));
            i = Skip(blocks, j, head.Count);
        }
        if (rows.Count == columns.HeaderRows.Count) return false;
        table = new TableBlock(rows, Line(blocks, start)!.Page);
        next = i;
        return true;
    }

    /// <summary>
    /// A table of a year per row, flattened: a time header alone on its line ("Năm"), a cell per
    /// indicator (a line and the lines that go on from it in small letters), then rows of a label
    /// that ends in a year ("Năm 2026", "Thực hiện" / "năm 2025") and one figure per indicator. Put
    /// back as the table it was, which the interpreter turns as it turns Word's; two rows at least.
    /// </summary>
    private bool TryYearRows(IReadOnlyList<Block> blocks, int start, out TableBlock table, out int next)
    {
        (table, next) = (null!, start);
        if (Line(blocks, start) is not { } first || header.Recognise(first.Text) is not { Year: null } cell
            || cell.Role != ColumnRole.Time && !_yearWords.Contains(VietText.Fold(first.Text.Trim()))) return false;
        var cells = new List<List<SourceLine>>();
        int j = start + 1;
        while (Line(blocks, j) is { } l && Narrow(l.Text) && FigureLines(blocks, j) == 0 && !HasYear().IsMatch(l.Text))
        {
            if (cells.Count > 0 && StartsLower(l.Text)) cells[^1].Add(l);
            else cells.Add([l]);
            j++;
        }
        // the first row's label may open before its year ("Thực hiện" / "năm 2025"): not a header cell
        if (Line(blocks, j) is { } y && HasYear().IsMatch(y.Text) && StartsLower(y.Text) && cells.Count > 0)
        {
            j -= cells[^1].Count;
            cells.RemoveAt(cells.Count - 1);
        }
        if (cells.Count == 0) return false;
        var rows = new List<TableRow> { new([new TableCell([first]), .. cells.Select(c => new TableCell(c))], IsHeader: true) };
        while (true)
        {
            var label = new List<SourceLine>();
            int k = j;
            while (label.Count < MaxLabelLines && Line(blocks, k) is { } l && Narrow(l.Text) && FigureLines(blocks, k) == 0)
            {
                label.Add(l);
                k++;
                if (HasYear().IsMatch(l.Text)) break;
            }
            if (label.Count == 0 || !HasYear().IsMatch(label[^1].Text)) break;
            var figures = new List<TableCell>();
            while (figures.Count < cells.Count && FigureLines(blocks, k) is var n and > 0)
            {
                figures.Add(FigureCell(blocks, k, n));
                k += n;
            }
            if (figures.Count < cells.Count) break;
            rows.Add(new TableRow([new TableCell(label), .. figures]));
            j = k;
        }
        if (rows.Count < 3) return false;
        table = new TableBlock(rows, first.Page);
        next = j;
        return true;
    }

    /// <summary>A row's label in a table of a year per row runs to three lines at most ("Ước thực hiện" / "đến hết" / "năm 2025").</summary>
    private const int MaxLabelLines = 3;

    [GeneratedRegex(@"(?<!\d)(?:19|20)\d{2}(?!\d)")]
    private static partial Regex HasYear();

    /// <summary>A figure's cell from its <paramref name="lines"/> lines at <paramref name="at"/> ("Trên" / "80" is one); a dash is an empty cell.</summary>
    private static TableCell FigureCell(IReadOnlyList<Block> blocks, int at, int lines) =>
        new(IsDash(Line(blocks, at)!.Text) ? [] : [.. Enumerable.Range(at, lines).Select(k => Line(blocks, k)!)]);

    private bool IsNextRow(IReadOnlyList<Block> blocks, int j, string rowNumber) =>
        int.TryParse(rowNumber.Trim().TrimEnd('.'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && Line(blocks, j)!.Text.Trim().TrimEnd('.') == (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
        && Line(blocks, j + 1) is { } after && !Figure().IsMatch(after.Text) && !IsUnit(after.Text);

    /// <summary>Past a header repeated at the top of the next page, if one starts here.</summary>
    private int Skip(IReadOnlyList<Block> blocks, int i, int cells) =>
        IsHeaderStart(blocks, i) && ReadHeader(blocks, i, out int after) is { } h && h.Count >= cells - 1 ? after : i;

    private bool IsHeaderStart(IReadOnlyList<Block> blocks, int i) =>
        Line(blocks, i) is { } l && header.Recognise(l.Text).Role is ColumnRole.Number or ColumnRole.Indicator && ReadHeader(blocks, i, out _) != null;

    /// <summary>A run of header cells starting here: at least an indicator and a figure column, and three known roles.</summary>
    private List<HeaderCellText>? ReadHeader(IReadOnlyList<Block> blocks, int start, out int next)
    {
        next = start;
        var cells = new List<HeaderCellText>();
        int i = start;
        // a year on its own line is a header cell or the end of one ("Năm" / "2027"), never a row's figure
        while (Line(blocks, i) is { } line && !RowNumber().IsMatch(line.Text) && !IsGroupLine(blocks, i) && Words(line.Text) <= 6 && (!Figure().IsMatch(line.Text) || YearLine().IsMatch(line.Text)))
        {
            if (cells.Count > 0 && Continues(cells[^1], line.Text))
            {
                var last = cells[^1];
                last.Lines.Add(line);
                cells[^1] = last with { Cell = header.Recognise(last.Text) };
            }
            else
            {
                var cell = header.Recognise(line.Text);
                if (cells.Count == 0 && cell.Role is not (ColumnRole.Number or ColumnRole.Indicator)) return null;
                cells.Add(new HeaderCellText([line], cell));
            }
            i++;
            if (cells.Count > 24) return null;
        }
        var roles = cells.Select(c => c.Cell.Role).Where(r => r != ColumnRole.Other).Distinct().Count();
        // a second "chỉ tiêu" cell heads the figures ("Tên chỉ tiêu | Đơn vị tính | Chỉ tiêu"), as the interpreter reads it
        bool figures = cells.Any(c => c.Cell.Role == ColumnRole.Result || c.Cell.Year != null) || cells.Count(c => c.Cell.Role == ColumnRole.Indicator) >= 2;
        if (roles < 3 || !figures || !cells.Any(c => c.Cell.Role == ColumnRole.Indicator)) return null;
        if (Line(blocks, i) is not { } first || !RowNumber().IsMatch(first.Text) && !IsGroupLine(blocks, i)) return null;
        next = i;
        return cells;
    }

    /// <param name="TextBefore">text columns between the row number and the indicator ("Lĩnh vực", "Cơ quan chủ trì")</param>
    private sealed record Columns(IReadOnlyList<TableRow> HeaderRows, int Width, int ValueColumns, int TextColumns, bool HasUnit, int TextBefore);

    /// <summary>
    /// The header as rows of cells. Year cells listed after the last cell of the first header row
    /// go under the group cell before them ("Lộ trình thực hiện"), as a second header row.
    /// </summary>
    private static Columns Layout(List<HeaderCellText> cells)
    {
        // the sub-columns are years alone ("2026", "Năm 2027"); a titled cell with a year ("Định hướng
        // đến năm 2030") stands in the first row beside the group
        int firstYear = cells.Count;
        while (firstYear > 0 && cells[firstYear - 1].Cell.Year != null && Words(cells[firstYear - 1].Text) <= MaxSubColumnWords) firstYear--;
        // the group is a cell with no year of its own: "Lộ trình thực hiện", or a second "chỉ tiêu" cell ("Chỉ tiêu theo năm (%)")
        int firstIndicator = cells.FindIndex(c => c.Cell.Role == ColumnRole.Indicator);
        int group = -1;
        for (int k = firstYear - 1; k >= 0 && firstYear < cells.Count && group < 0; k--)
            if (cells[k].Cell.Role is ColumnRole.Time or ColumnRole.Other
                || k != firstIndicator && cells[k].Cell.Role == ColumnRole.Indicator)
                group = k;
        bool trailing = group >= 0;
        List<TableRow> rows;
        List<HeaderCellText> order;
        if (trailing)
        {
            var years = cells.Skip(firstYear).ToList();
            var top = cells.Take(firstYear).ToList();
            order = [.. top.Take(group), .. years, .. top.Skip(group + 1)];
            var row1 = top.Select((c, k) => new TableCell(c.Lines, k == group ? years.Count : 1)).ToList();
            var row2 = new List<TableCell>();
            for (int k = 0; k < group; k++) row2.Add(new TableCell([]));
            row2.AddRange(years.Select(y => new TableCell(y.Lines)));
            for (int k = group + 1; k < top.Count; k++) row2.Add(new TableCell([]));
            rows = [new TableRow(row1, IsHeader: true), new TableRow(row2, IsHeader: true)];
        }
        else
        {
            order = cells;
            rows = [new TableRow(cells.Select(c => new TableCell(c.Lines)).ToList(), IsHeader: true)];
        }
        int indicator = order.FindIndex(c => c.Cell.Role == ColumnRole.Indicator);
        bool hasUnit = order.Any(c => c.Cell.Role == ColumnRole.Unit);
        int afterFixed = indicator + 1 + (hasUnit ? 1 : 0);
        int values = order.Skip(afterFixed).Count(c => c.Cell.Role is not (ColumnRole.Notes or ColumnRole.Owner or ColumnRole.Time));
        int texts = order.Skip(afterFixed).Count() - values;
        int textBefore = order.Take(Math.Max(0, indicator)).Count(c => c.Cell.Role != ColumnRole.Number);
        return new Columns(rows, order.Count, values, texts, hasUnit, textBefore);
    }

    /// <summary>
    /// How many lines the figure cell at <paramref name="j"/> takes: one, or two when a narrow
    /// column wrapped its comparator onto a line of its own ("Trên" / "80"); none when no figure is there.
    /// </summary>
    private int FigureLines(IReadOnlyList<Block> blocks, int j)
    {
        if (Line(blocks, j) is not { } l) return 0;
        if (Figure().IsMatch(l.Text)) return 1;
        return _cells.ComparatorAlone.IsMatch(l.Text) && Line(blocks, j + 1) is { } n && Figure().IsMatch(n.Text) && !YearLine().IsMatch(n.Text) ? 2 : 0;
    }

    // a unit cell, wrapped or not ("% tổng chi" / "ngân sách xã", "doanh" / "nghiệp"), is followed by the row's first figure or the next row
    private bool IsUnitCell(IReadOnlyList<Block> blocks, int j)
    {
        if (!StartsAUnit(blocks, j)) return false;
        int k = j + 1;
        while (Line(blocks, k) is { } c && !Figure().IsMatch(c.Text) && StartsLower(c.Text)) k++;
        return Line(blocks, k) is not { } next || Figure().IsMatch(next.Text) || RowNumber().IsMatch(next.Text);
    }

    // a unit's first line, or a unit a narrow column broke inside its word ("doanh" / "nghiệp")
    private bool StartsAUnit(IReadOnlyList<Block> blocks, int j) =>
        Line(blocks, j) is { } l && (IsUnit(l.Text)
            || Line(blocks, j + 1) is { } next && StartsLower(next.Text) && !Figure().IsMatch(next.Text) && IsUnit($"{l.Text.Trim()} {next.Text.Trim()}"));

    private bool IsUnit(string line)
    {
        var f = VietText.Fold(line).Trim();
        return _units.Any(u => f == u || VietText.StartsWithWord(f, u) || u.Length == 1 && f.StartsWith(u, StringComparison.Ordinal));
    }

    // a header cell wraps onto a line that starts in lower case ("Đơn vị" / "tính"), or onto a
    // date or year when its text so far ends in a word ("Thực hiện" / "đến" / "30/9/2025")
    private static bool Continues(HeaderCellText cell, string line)
    {
        if (StartsLower(line)) return true;
        var last = cell.Lines[^1].Text.TrimEnd();
        // a year ends a cell that waits for one ("Năm", "GIAI ĐOẠN", "Đến năm"), not one that names its column
        if (YearLine().IsMatch(line))
            return last.Length > 0 && char.IsLetter(last[^1]) && cell.Cell.Role is not (ColumnRole.Number or ColumnRole.Indicator or ColumnRole.Unit or ColumnRole.Notes or ColumnRole.Owner);
        return line.TrimStart() is { Length: > 0 } t && char.IsDigit(t[0]) && last.Length > 0 && char.IsLower(last[^1]);
    }

    [GeneratedRegex(@"^\s*(?:19|20)\d{2}(?:\s*[-–—]\s*(?:19|20)\d{2})?\s*$")]
    private static partial Regex YearLine();

    private static bool IsDash(string s) => s.Trim() is "-" or "–" or "—" or "x";
    private static bool StartsUpper(string s) => s.TrimStart() is { Length: > 0 } t && char.IsUpper(t[0]);
    private static bool StartsLower(string s) => s.TrimStart() is { Length: > 0 } t && (char.IsLower(t[0]) || t[0] == '(');
    /// <summary>The most words a year sub-column's cell has ("Năm 2026").</summary>
    private const int MaxSubColumnWords = 2;

    private static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
    private static bool Narrow(string s) => s.Trim().Length <= MaxCellChars;
}
