using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// Reads a table's header rows and gives each column a role (number, indicator, unit, result,
/// owner, time) and, for one-column-per-year tables, a year. Headers repeated on later pages count
/// once; a table without a recognisable header gets roles guessed from its first column only.
/// </summary>
public sealed class TableInterpreter(TableHeaderRecogniser header)
{
    private readonly TableHeaderRecogniser _header = header;

    public StructuredTable Interpret(TableBlock table, Section? section)
    {
        var turned = YearsAsColumns(HeaderWrapJoined(table));
        bool yearRows = turned != table;
        table = turned;
        int headerRows = 0;
        IReadOnlyList<TableColumn>? columns = null;
        for (int r = 0; r < Math.Min(3, table.Rows.Count); r++)
        {
            var cols = ColumnsOf(table.Rows[r]);
            int known = cols.Count(c => c.Role != ColumnRole.Other);
            if (known >= 2 || table.Rows[r].IsHeader && known >= 1)
            {
                columns = columns == null ? cols : Merge(columns, cols);
                headerRows = r + 1;
            }
            else break;
        }
        columns ??= Guess(table);
        // a table turned from a row per year: its first column, headed by the years' label ("Năm",
        // which heads a time column elsewhere), holds what were the header's cells, the indicators
        if (yearRows && !columns.Any(c => c.Role == ColumnRole.Indicator) && columns.Count > 0 && columns[0].Role is ColumnRole.Other or ColumnRole.Time)
            columns = [columns[0] with { Role = ColumnRole.Indicator }, .. columns.Skip(1)];
        // with one indicator column, a second "chỉ tiêu"-like column is the result
        var fixedCols = columns.ToList();
        var indicators = fixedCols.Where(c => c.Role == ColumnRole.Indicator).ToList();
        if (indicators.Count > 1)
            foreach (var c in indicators.Skip(1)) fixedCols[c.Index] = c with { Role = ColumnRole.Result };
        if (!fixedCols.Any(c => c.Role == ColumnRole.Result))
        {
            var unit = fixedCols.FirstOrDefault(c => c.Role == ColumnRole.Unit);
            if (unit != null && unit.Index + 1 < fixedCols.Count && fixedCols[unit.Index + 1].Role == ColumnRole.Other)
                fixedCols[unit.Index + 1] = fixedCols[unit.Index + 1] with { Role = ColumnRole.Result };
        }
        return new StructuredTable(table, fixedCols, headerRows, section);
    }

    /// <summary>
    /// A header whose cells wrap onto a second row of their own: a PDF laid out from Word's top-aligned
    /// cells gives "Kế | Thực hiện | Tỷ lệ" and then " | hoạch năm 2025 | đến 30/11/2025 | hoàn thành (%)".
    /// A row right under the first whose cells all go on in small letters (or are a year) is the rest
    /// of it, joined cell by cell; a body row opens with its number or a capital.
    /// </summary>
    private static TableBlock HeaderWrapJoined(TableBlock table)
    {
        if (table.Rows.Count < 3) return table;
        var (first, next) = (table.Rows[0], table.Rows[1]);
        if (first.Cells.Count != next.Cells.Count || !first.Cells.Zip(next.Cells).All(p => p.First.ColumnSpan == p.Second.ColumnSpan)) return table;
        var texts = next.Cells.Select(c => c.Text.Trim()).Where(t => t.Length > 0).ToList();
        if (texts.Count < 2 || next.Cells[0].Text.Trim().Length > 0 || !texts.All(GoesOn)) return table;
        var joined = new TableRow(first.Cells.Zip(next.Cells, (a, b) => a with { Lines = [.. a.Lines, .. b.Lines] }).ToList(), first.IsHeader);
        return table with { Rows = [joined, .. table.Rows.Skip(2)] };
    }

    private static bool GoesOn(string cell) =>
        char.IsLower(cell[0]) || cell[0] == '(' || cell.Length == 4 && cell.All(char.IsDigit);

    /// <summary>
    /// A table laid out with a row per year ("Năm 2026 | 70 | 90") and a column per indicator, turned
    /// so that each indicator is a row under year columns, the layout every other rule reads. It is
    /// one when two or more of its first column's cells below the header name a year and none of the
    /// header's other cells names a year or a column role; a table with merged cells is left as it is.
    /// </summary>
    private TableBlock YearsAsColumns(TableBlock table)
    {
        var rows = table.Rows;
        if (rows.Count < 3 || rows.Any(r => r.Cells.Count != rows[0].Cells.Count || r.Cells.Any(c => c.ColumnSpan > 1)) || rows[0].Cells.Count < 2)
            return table;
        int years = rows.Skip(1).Count(r => _header.Recognise(r.Cells[0].Text) is { Role: ColumnRole.Result, Year: not null });
        // the other header cells name indicators, not columns ("Nhiệm vụ", "Cơ quan chủ trì", "Kinh phí" head a task table)
        if (years < 2 || rows[0].Cells.Skip(1).Any(c => _header.Recognise(c.Text) is { Named: true } or { Year: not null })) return table;
        var turned = Enumerable.Range(0, rows[0].Cells.Count)
            .Select(k => new TableRow(rows.Select(r => r.Cells[k]).ToList(), IsHeader: k == 0))
            .ToList();
        return table with { Rows = turned };
    }

    private List<TableColumn> ColumnsOf(TableRow row)
    {
        var list = new List<TableColumn>();
        int index = 0;
        foreach (var cell in row.Cells)
        {
            var h = _header.Recognise(cell.Text);
            for (int s = 0; s < Math.Max(1, cell.ColumnSpan); s++)
                list.Add(new TableColumn(index++, h.Role, h.Year, cell.Text) { Cues = h.Cues, Spanning = cell.ColumnSpan > 1 });
        }
        return list;
    }

    // a lower header row names what an upper spanning cell groups: "Lộ trình thực hiện" over
    // "Năm 2026 | Năm 2027"; the year columns keep the group's cues as their outer ones
    private static IReadOnlyList<TableColumn> Merge(IReadOnlyList<TableColumn> a, IReadOnlyList<TableColumn> b) =>
        a.Select((c, i) => i < b.Count && b[i].Role != ColumnRole.Other && (c.Role == ColumnRole.Other || c.Spanning)
            ? b[i] with { Index = i, Cues = [.. b[i].Cues, .. c.Cues] }
            : c).ToList();

    private static IReadOnlyList<TableColumn> Guess(TableBlock table)
    {
        int width = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan)));
        return Enumerable.Range(0, width)
            .Select(i => new TableColumn(i, i == 0 ? ColumnRole.Indicator : ColumnRole.Result, null, ""))
            .ToList();
    }
}
