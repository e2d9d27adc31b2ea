using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Extract;

/// <summary>
/// Targets in tables: the indicator column names the indicator, the unit column gives the unit of
/// a bare result ("% | &gt; 80"). A value's scope path runs cell › row (its time cell) › column
/// header (year, "Thực hiện" or "Kế hoạch") › the sections around the table › the document.
/// Rows with no result column value are read as running text (task tables).
/// </summary>
public sealed partial class TableExtractor(Lexicon lexicon, ValueScanner scanner, CueFinder cues, ProseScope scope, IndicatorText indicator, ParagraphExtractor prose)
{
    private readonly string[] _rankWords = lexicon.RankWords.Select(VietText.Fold).ToArray();
    private readonly string[] _percentWords = lexicon.PercentWords.Select(VietText.Fold).ToArray();
    private readonly (string Noun, string Unit)[] _nouns = lexicon.CountNouns.Select(n => (VietText.Fold(n.Noun), n.Unit)).OrderByDescending(n => n.Item1.Length).ToArray();
    private readonly HashSet<string> _otherUnits = lexicon.TableUnits.Concat(lexicon.MoneyUnits).Select(VietText.Fold).ToHashSet();
    private readonly string[] _rateWords = lexicon.RateWords.Select(VietText.Fold).ToArray();
    private readonly HashSet<string> _ticks = lexicon.TableTicks.Select(VietText.Fold).ToHashSet();

    public IEnumerable<TargetCandidate> Extract(StructuredTable t, OuterScope outer)
    {
        var headerTexts = t.Table.Rows.Take(t.HeaderRows).Select(RowText).ToHashSet();
        (string Number, string Indicator)? parent = null;
        var above = new Dictionary<int, TableCell>();
        for (int r = t.HeaderRows; r < t.Table.Rows.Count; r++)
        {
            var row = t.Table.Rows[r];
            if (row.IsHeader || headerTexts.Contains(RowText(row))) continue;
            var cells = Cells(t, row);
            // a unit or time cell Word merges down the rows below it ("%" over a group of rates,
            // "2026" over that year's rows) holds its text in the first row only
            for (int k = 0; k < cells.Count; k++)
                if (cells[k].Column.Role is not (ColumnRole.Unit or ColumnRole.Time)) continue;
                else if (cells[k].Cell is { MergedFromAbove: true, Text.Length: 0 } && above.TryGetValue(cells[k].Column.Index, out var top)) cells[k] = (top, cells[k].Column);
                else above[cells[k].Column.Index] = cells[k].Cell;
            var number = Text(cells, ColumnRole.Number);
            var own = Text(cells, ColumnRole.Indicator);
            bool sub = parent is { } p && IsSubRow(number, own, p.Number);
            var parentName = sub ? parent!.Value.Indicator : null;
            // a row that names an indicator and gives no figure heads the sub-rows under it ("1.1 | - Trường mầm non")
            if (!sub) parent = own.Length > 0 && cells.All(c => c.Cell.ColumnSpan <= 1 && (c.Column.Role != ColumnRole.Result || c.Cell.Text.Length == 0)) ? (number, own) : null;
            foreach (var c in ExtractRow(t, cells, parentName, outer)) yield return c;
        }
    }

    private static List<(TableCell Cell, TableColumn Column)> Cells(StructuredTable t, TableRow row)
    {
        var cells = new List<(TableCell Cell, TableColumn Column)>();
        int grid = 0;
        foreach (var cell in row.Cells)
        {
            if (grid < t.Columns.Count) cells.Add((cell, t.Columns[grid]));
            grid += Math.Max(1, cell.ColumnSpan);
        }
        return cells;
    }

    private static string Text(List<(TableCell Cell, TableColumn Column)> cells, ColumnRole role) =>
        string.Join(" ", cells.Where(c => c.Column.Role == role).Select(c => c.Cell.Text)).Trim();

    // "1.1" under "1", or an item marked as one ("- Trường mầm non", "+ …")
    private static bool IsSubRow(string number, string indicatorCell, string parentNumber) =>
        ListMarks.NumberedUnder(number, parentNumber) || ListMarks.OpensItem(indicatorCell);

    /// <param name="parent">the indicator of the row this one is a sub-row of, which its own words only narrow</param>
    private IEnumerable<TargetCandidate> ExtractRow(StructuredTable t, List<(TableCell Cell, TableColumn Column)> cells, string? parent, OuterScope outer)
    {
        var nonEmpty = cells.Where(c => c.Cell.Text.Length > 0).ToList();
        string Text(ColumnRole role) => TableExtractor.Text(cells, role);

        var indicatorCell = Text(ColumnRole.Indicator);
        var indicatorName = indicator.StripLeadIns(IndicatorText.Trim(indicatorCell));
        if (parent != null) indicatorName = $"{indicator.StripLeadIns(IndicatorText.Trim(parent))}: {indicatorName}";
        var unitText = Text(ColumnRole.Unit);
        // a tick under a year column ("x" under "2027") dates the row as its time cell would, where the
        // year columns hold ticks only; beside figures in them, an "x" is a cell left out
        bool IsTick(TableCell c) => _ticks.Contains(VietText.Fold(c.Text).Trim());
        var yearCells = cells.Where(c => c.Column.Year != null).ToList();
        var ticked = yearCells.All(c => c.Cell.Text.Length == 0 || IsTick(c.Cell))
            ? yearCells.Where(c => IsTick(c.Cell)).SelectMany(c => c.Column.Cues.Where(q => q.Year == c.Column.Year)).ToList()
            : [];
        // a note that says only how often ("Hằng năm") makes the row's figures recur, as its time cell
        // would, but in a table whose columns are a timeline of years, which date them; a note of more
        // ("Báo cáo kết quả hằng năm") or with a figure of its own ("Năm 2025 ước đạt 71,2%") speaks for itself only
        var notes = IndicatorText.Trim(Text(ColumnRole.Notes));
        var recurring = t.Columns.Count(c => c.Year != null) >= 2 ? []
            : cues.Find(notes).Where(c => c.Kind == CueKind.Annual && c.Phrase.Trim().Length >= notes.Length).ToList();
        var rowNode = new ScopeNode(ScopeLevel.Row, [.. cues.Find(Text(ColumnRole.Time)).Reverse(), .. ticked.Count == 1 ? ticked : [], .. recurring]);
        bool spanning = nonEmpty.Count > 0 && nonEmpty.Count <= 2 && cells.Any(c => c.Cell.ColumnSpan >= Math.Max(2, t.Columns.Count - 2));

        var results = cells.Where(c => c.Column.Role is ColumnRole.Result or ColumnRole.Notes && c.Cell.Text.Length > 0 && !spanning).ToList();
        bool any = false;
        foreach (var (cell, column) in results)
        {
            bool note = column.Role == ColumnRole.Notes;
            var (text, spans) = ParagraphBuilder.Join(cell.Lines);
            var para = new Paragraph(text, spans, t.Section, TextRole.Body);
            // a figure in a result column is stated as the row's value, even counted in a plain noun ("500 người")
            var mentions = scanner.Scan(text, stated: !note).ToList();
            if (mentions.Count == 0 && !note && RowUnit(t, unitText, indicatorCell, column, Text(ColumnRole.Number).Length > 0) is { } u && scanner.ScanBare(text, u.Class, u.Unit) is { } bare)
                mentions.Add(bare);
            var frame = scope.Frame(text, mentions.Select(m => m.Start));
            // a note's figure is a target only when the note dates or qualifies it ("Năm 2025 ước đạt 71,2%");
            // "Tốc độ từ 100 Mbps trở lên" defines the indicator
            if (note && !frame.Cues.Any(c => !c.Standalone)) continue;
            ScopeNode[] around = [rowNode, new ScopeNode(ScopeLevel.Column, column.Cues), .. outer.Nodes];
            for (int i = 0; i < mentions.Count; i++)
            {
                var v = mentions[i];
                if (v.IsChange) continue;
                if (v.Evidence == ValueEvidence.Inline && UnitOf(unitText) is { Class: UnitClass.Count } cu && v.UnitClass == UnitClass.Count)
                    v = v with { Unit = cu.Unit };
                int right = i == mentions.Count - 1 ? text.Length : Clauses.Divide(text, v.End, mentions[i + 1].Start, lexicon.Coordinators);
                var after = indicator.CleanAfter(text[v.End..Math.Max(v.End, right)]);
                string? qualifier = indicator.IsQualifier(after) ? after : null;
                var decision = ScopeResolver.Decide(scope.Path(frame, v.Start, v.End, Math.Max(v.End, right), around), outer.DocumentYear);
                any = true;
                if (decision.PastPlan) continue;
                yield return new TargetCandidate(
                    Indicator: indicatorName.Length > 0 ? indicatorName : indicator.CleanBefore(text[..v.Start]),
                    MatchText: $"{indicatorName} {qualifier}".Trim(),
                    Value: v.Value, ValueMax: v.Max, Unit: v.Unit, Comparator: v.Comparator,
                    Year: decision.Year, Annual: decision.Annual, Kind: decision.Kind, Qualifier: qualifier,
                    Section: t.Section?.Path ?? "",
                    Source: para.SourceAt(v.NumberStart),
                    Evidence: v.Evidence == ValueEvidence.Inline ? ValueEvidence.TableCell : v.Evidence,
                    OcrConfidence: para.OcrConfidenceAt(v.NumberStart)).WithCues(decision);
            }
        }
        if (any) yield break;
        // no result cell: a task row or a spanning group row, read as prose in its own time frame
        foreach (var (cell, column) in cells)
        {
            if (column.Role is ColumnRole.Number or ColumnRole.Owner or ColumnRole.Time or ColumnRole.Unit or ColumnRole.Notes && !spanning) continue;
            if (cell.Lines.Count == 0 || cell.Text.Length == 0) continue;
            var (text, spans) = ParagraphBuilder.Join(cell.Lines);
            foreach (var c in prose.Extract(new Paragraph(text, spans, t.Section, TextRole.Body), outer with { Nodes = [rowNode, .. outer.Nodes] }))
                yield return c;
        }
    }

    /// <summary>
    /// The unit of a row's bare figures: its unit column's; in a table with none, the one its
    /// indicator or the figure's column header names in brackets ("Tỷ lệ … (%)", "Mục tiêu (%)"),
    /// or, for a rate ("Tỷ lệ …", "Tỷ trọng …"), percent. Where the unit column is empty, the row
    /// is a piece of one a poor scan split, whose figures are not all read.
    /// </summary>
    private (UnitClass Class, string Unit)? RowUnit(StructuredTable t, string unitText, string indicatorCell, TableColumn column, bool numbered)
    {
        // an empty unit cell of a numbered row (a cell merged down the rows of one unit, as a PDF or flattened
        // text shows it) leaves the unit to what the indicator names; a piece of a row a poor scan split has no number
        if (t.Columns.Any(c => c.Role == ColumnRole.Unit) && (unitText.Trim().Length > 0 || !numbered)) return UnitOf(unitText);
        foreach (var named in new[] { indicatorCell, column.Header })
            foreach (System.Text.RegularExpressions.Match m in Bracketed().Matches(named))
                if (KnownUnit(m.Groups[1].Value) is { } known) return known;
        var folded = VietText.Fold(IndicatorText.Trim(indicatorCell));
        return _rateWords.Any(r => VietText.StartsWithWord(folded, r)) ? (UnitClass.Percent, "%") : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\(([^()]{1,24})\)")]
    private static partial System.Text.RegularExpressions.Regex Bracketed();

    /// <summary>A unit the lexicon knows (percent, rank, a counted noun, a table or money unit); null for any other words.</summary>
    private (UnitClass Class, string Unit)? KnownUnit(string text)
    {
        var f = VietText.Fold(text).Trim();
        if (f.Length == 0) return null;
        if (_percentWords.Contains(f)) return (UnitClass.Percent, "%");
        if (_rankWords.Contains(f)) return (UnitClass.Rank, "rank");
        foreach (var (noun, unit) in _nouns)
            if (f == noun) return (UnitClass.Count, unit);
        return _otherUnits.Contains(f) ? (UnitClass.Count, f) : null;
    }

    private (UnitClass Class, string Unit)? UnitOf(string unitText)
    {
        var f = VietText.Fold(unitText).Trim();
        if (f.Length == 0) return null;
        if (_percentWords.Any(p => f.Contains(p, StringComparison.Ordinal))) return (UnitClass.Percent, "%");
        if (_rankWords.Any(r => VietText.ContainsWord(f, r))) return (UnitClass.Rank, "rank");
        foreach (var (noun, unit) in _nouns)
            if (VietText.StartsWithWord(f, noun)) return (UnitClass.Count, unit);
        return (UnitClass.Count, f);
    }

    private static string RowText(TableRow r) => string.Join("|", r.Cells.Select(c => VietText.Fold(c.Text)));
}
