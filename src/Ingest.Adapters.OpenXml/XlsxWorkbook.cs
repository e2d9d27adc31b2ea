using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ingest.Core.Output;
using Ingest.Core.Reports;
using Sheet = Ingest.Core.Reports.Sheet;
using XSheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;

namespace Ingest.Adapters.OpenXml;

/// <summary>
/// Workbooks through DocumentFormat.OpenXml. Writing: inline strings (any Unicode, no shared
/// table to keep in step), numbers as numbers, booleans as Yes/No, a bold wrapped frozen header
/// with a filter, column widths from the content (capped; longer text wraps, rows as tall as it
/// needs), folded columns hidden in an outline group, and every sheet printing on A4 landscape, one page wide, its header row repeated on
/// each page. Reading: shared, inline and formula-result strings, numbers and booleans, with empty
/// cells placed by their reference.
/// </summary>
public sealed class XlsxWorkbook : IWorkbookWriter, IWorkbookReader
{
    private const int MaxWidth = 50, MinWidth = 6, HeaderWidth = 24;
    private const double LineHeight = 15, MaxRowHeight = 409; // points: a line of the 11 pt font, the tallest row Excel takes
    private const double WideChar = 1.25, NarrowChar = 0.55, Fill = 0.9;
    private const uint HeaderStyle = 1, WrappedStyle = 2;

    public void Write(string path, IReadOnlyList<Sheet> sheets) => AtomicFile.Write(path, tmp => WriteTo(tmp, sheets));

    private static void WriteTo(string path, IReadOnlyList<Sheet> sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var list = wb.Workbook.AppendChild(new Sheets());
        var printTitles = new DefinedNames();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var widths = Widths(sheet);
            // a folded column takes no room on screen or paper
            var shown = widths.Select((w, i) => sheet.Folded.Contains(i) ? 0 : w).ToList();
            var data = new SheetData();
            data.Append(Row(1, sheet.Header.Cast<object?>().ToList(), shown, HeaderStyle));
            uint r = 2;
            foreach (var row in sheet.Rows) data.Append(Row(r++, row, shown, WrappedStyle));
            var ws = new Worksheet();
            // the outline's "+" stands over the column a folded one backs, on its left
            ws.Append(new SheetProperties(new OutlineProperties { SummaryRight = false }, new PageSetupProperties { FitToPage = true }));
            ws.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            if (sheet.Folded.Count > 0) ws.Append(new SheetFormatProperties { DefaultRowHeight = LineHeight, OutlineLevelColumn = 1 });
            if (widths.Count > 0) ws.Append(Columns(widths, sheet.Folded));
            ws.Append(data);
            if (sheet.Header.Count > 0)
                ws.Append(new AutoFilter { Reference = $"A1:{Column(sheet.Header.Count - 1)}{Math.Max(1, sheet.Rows.Count + 1)}" });
            // one page wide and as many long as it takes; the footer says which sheet and page
            ws.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            uint wide = PagesWide(shown);
            ws.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = wide, FitToHeight = 0 });
            ws.Append(new HeaderFooter(new OddFooter("&A — &P / &N")));
            part.Worksheet = ws;
            list.Append(new XSheet { Id = wb.GetIdOfPart(part), SheetId = id, Name = sheet.Name });
            var quoted = $"'{sheet.Name.Replace("'", "''")}'";
            // a sheet printed on pages side by side repeats its first column too, so each page says whose row it is
            printTitles.Append(new DefinedName(wide > 1 ? $"{quoted}!$A:$A,{quoted}!$1:$1" : $"{quoted}!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = id - 1 });
            id++;
        }
        if (printTitles.HasChildren) wb.Workbook.Append(printTitles);
        wb.Workbook.Save();
    }

    public IReadOnlyList<Sheet> Read(string path)
    {
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            var wb = doc.WorkbookPart ?? throw new InvalidDataException("not a workbook (no workbook part)");
            var shared = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var result = new List<Sheet>();
            foreach (var s in wb.Workbook.Sheets?.Elements<XSheet>() ?? [])
            {
                if (s.Id?.Value is not { } rid || wb.GetPartById(rid) is not WorksheetPart part) continue;
                var rows = part.Worksheet.Descendants<Row>().Select(r => ReadRow(r, shared)).ToList();
                var header = rows.Count > 0 ? rows[0].Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToList() : [];
                result.Add(new Sheet(s.Name?.Value ?? "", header, rows.Skip(1).ToList()));
            }
            return result;
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or System.IO.InvalidDataException or System.Xml.XmlException)
        {
            throw new InvalidDataException($"not a readable .xlsx workbook ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static IReadOnlyList<object?> ReadRow(Row row, List<string> shared)
    {
        var cells = new List<object?>();
        foreach (var c in row.Elements<Cell>())
        {
            int col = c.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < col) cells.Add(null);
            cells.Add(Value(c, shared));
        }
        return cells;
    }

    private static object? Value(Cell c, List<string> shared)
    {
        var type = c.DataType?.Value;
        var raw = c.CellValue?.Text;
        if (type == CellValues.InlineString) return c.InlineString?.InnerText;
        if (type == CellValues.SharedString) return int.TryParse(raw, out var i) && i >= 0 && i < shared.Count ? shared[i] : null;
        if (type == CellValues.Boolean) return raw == "1";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (raw == null) return null;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : raw;
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, IReadOnlyList<int> widths, uint style)
    {
        var row = new Row { RowIndex = index };
        int lines = 1;
        for (int i = 0; i < values.Count; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            Cell? cell = values[i] switch
            {
                null => null,
                double d when double.IsFinite(d) => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                long n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                var v => Text(reference, Display(v)),
            };
            if (cell == null) continue;
            cell.StyleIndex = style;
            if (i < widths.Count && widths[i] > 0) lines = Math.Max(lines, Lines(Display(values[i]), widths[i]));
            row.Append(cell);
        }
        // neither Excel nor LibreOffice is relied on to grow a row for wrapped text when opening the file
        if (lines > 1)
        {
            row.Height = Math.Min(lines * LineHeight, MaxRowHeight);
            row.CustomHeight = true;
        }
        return row;
    }

    private static Cell Text(string reference, string text) =>
        new(new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = reference, DataType = CellValues.InlineString,
        };

    private static string Display(object? v) =>
        v is bool b ? Sheet.YesNo(b) : Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";

    // lines a text takes in a column of this width, wrapped at spaces as Excel and LibreOffice do
    private static int Lines(string text, int width)
    {
        double room = Room(width);
        int lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            double used = 0;
            foreach (var w in paragraph.Split(' ').Select(Measure))
            {
                if (used > 0 && used + NarrowChar + w > room) (lines, used) = (lines + 1, 0);
                used += (used > 0 ? NarrowChar : 0) + w;
                for (; used > room; used -= room) lines++; // a word longer than the line breaks inside
            }
        }
        return lines;
    }

    // what a column of this width holds, in Measure's units, after the cell's margins (LibreOffice with Carlito, Calibri's metrics)
    private static double Room(int width) => width * Fill - 1;

    // a text's width in column units (a digit's width in the body font): capitals run wider, i, l,
    // spaces and punctuation narrower, so that a code in capitals gets the room it needs
    private static double Measure(string text) => text.Sum(c =>
        char.IsUpper(c) || c is 'm' or 'w' or '—' or '–' ? WideChar
        : c is ' ' or 'i' or 'l' or 'j' or 't' or 'f' or 'r' or '.' or ',' or ':' or ';' or '(' or ')' or '/' or '-' or '\'' ? NarrowChar
        : 1.0);

    // XML 1.0 cannot carry most control characters; a cell is also limited to 32,767 characters
    private static string Clean(string s)
    {
        var clean = new string(s.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray());
        return clean.Length > 32_000 ? clean[..32_000] + "…" : clean;
    }

    // as wide as the longest line of the column, within bounds; the header wraps, so it asks for
    // its longest word and at most two dozen characters
    // what an A4 landscape page holds at 100%, less the margins, in Excel's character widths
    private const double A4LandscapeWidth = 145;

    // a sheet shrunk below this to fit one page is hard to read on paper: it goes on more pages
    private const double SmallestReadableScale = 0.6;

    /// <summary>
    /// How many pages wide a sheet prints: one while it fits at a readable scale, else as many as
    /// keep it readable (the rows still run on down as many pages as they take).
    /// </summary>
    internal static uint PagesWide(IReadOnlyList<int> columnWidths)
    {
        double total = columnWidths.Sum();
        return (uint)Math.Max(1, Math.Ceiling(total / (A4LandscapeWidth / SmallestReadableScale)));
    }

    private static IReadOnlyList<int> Widths(Sheet sheet) =>
        Enumerable.Range(0, sheet.Header.Count).Select(i =>
        {
            var header = sheet.Header[i];
            double longest = sheet.Rows.Select(r => i < r.Count ? Display(r[i]).Split('\n').Max(Measure) : 0)
                .Append(Math.Max(header.Split(' ').Max(Measure), Math.Min(Measure(header), HeaderWidth)))
                .Max();
            return Math.Clamp((int)Math.Ceiling((longest + 1) / Fill), MinWidth, MaxWidth);
        }).ToList();

    private static DocumentFormat.OpenXml.Spreadsheet.Columns Columns(IReadOnlyList<int> widths, IReadOnlyList<int> folded)
    {
        var cols = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (int i = 0; i < widths.Count; i++)
        {
            var col = new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true };
            if (folded.Contains(i)) (col.Hidden, col.OutlineLevel) = (true, 1);
            else if (folded.Contains(i + 1)) col.Collapsed = true;
            cols.Append(col);
        }
        return cols;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, ApplyFont = true, ApplyAlignment = true },
            // numbers to the left too: a right-aligned year ran into the text of the column after it
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top, Horizontal = HorizontalAlignmentValues.Left }) { ApplyAlignment = true }) { Count = 3 });

    private static string Column(int index)
    {
        var s = "";
        for (int n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    private static int ColumnIndex(string reference)
    {
        int n = 0;
        foreach (char ch in reference.TakeWhile(char.IsLetter)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n - 1;
    }
}
