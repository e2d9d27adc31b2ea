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
public sealed class TableInterpreter(Lexicon lexicon, CueFinder cueFinder)
{
    private readonly (ColumnRole Role, string[] Words)[] _roles =
    [
        (ColumnRole.Number, Fold(lexicon, "number")),
        (ColumnRole.Unit, Fold(lexicon, "unit")),
        (ColumnRole.Owner, Fold(lexicon, "owner")),
        (ColumnRole.Time, Fold(lexicon, "time")),
        (ColumnRole.Indicator, Fold(lexicon, "indicator")),
        (ColumnRole.Result, Fold(lexicon, "result")),
    ];

    private static string[] Fold(Lexicon l, string key) =>
        l.TableHeaders.TryGetValue(key, out var words) ? words.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray() : [];

    public StructuredTable Interpret(TableBlock table, Section? section)
    {
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

    private List<TableColumn> ColumnsOf(TableRow row)
    {
        var list = new List<TableColumn>();
        int index = 0;
        foreach (var cell in row.Cells)
        {
            var text = cell.Text;
            var folded = VietText.Fold(text).Trim().TrimEnd(':', '.');
            var role = ColumnRole.Other;
            int? year = null;
            var cues = cueFinder.ColumnCues(text);
            if (cues.FirstOrDefault(c => c.Year != null) is { } y && folded.Length <= 40 && !folded.Contains('%'))
            {
                role = ColumnRole.Result;
                year = y.Year;
            }
            else
                foreach (var (r, words) in _roles)
                    if (words.Any(w => folded == w || VietText.StartsWithWord(folded, w)))
                    {
                        role = r;
                        break;
                    }
            for (int s = 0; s < Math.Max(1, cell.ColumnSpan); s++)
                list.Add(new TableColumn(index++, role, year, text) { Cues = cues });
        }
        return list;
    }

    private static IReadOnlyList<TableColumn> Merge(IReadOnlyList<TableColumn> a, IReadOnlyList<TableColumn> b) =>
        a.Select((c, i) => c.Role == ColumnRole.Other && i < b.Count ? b[i] with { Index = i } : c).ToList();

    private static IReadOnlyList<TableColumn> Guess(TableBlock table)
    {
        int width = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Cells.Sum(c => Math.Max(1, c.ColumnSpan)));
        return Enumerable.Range(0, width)
            .Select(i => new TableColumn(i, i == 0 ? ColumnRole.Indicator : ColumnRole.Result, null, ""))
            .ToList();
    }
}
