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
/// table to keep in step), numbers as numbers, a bold frozen header with a filter, and column
/// widths from the content. Reading: shared, inline and formula-result strings, numbers and
/// booleans, with empty cells placed by their reference.
/// </summary>
public sealed class XlsxWorkbook : IWorkbookWriter, IWorkbookReader
{
    public void Write(string path, IReadOnlyList<Sheet> sheets) => AtomicFile.Write(path, tmp => WriteTo(tmp, sheets));

    private static void WriteTo(string path, IReadOnlyList<Sheet> sheets)
    {
        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wb = doc.AddWorkbookPart();
        wb.Workbook = new Workbook();
        var styles = wb.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var list = wb.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, sheet.Header.Cast<object?>().ToList(), header: true));
            uint r = 2;
            foreach (var row in sheet.Rows) data.Append(Row(r++, row, header: false));
            var ws = new Worksheet();
            ws.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
            ws.Append(Columns(sheet));
            ws.Append(data);
            if (sheet.Header.Count > 0)
                ws.Append(new AutoFilter { Reference = $"A1:{Column(sheet.Header.Count - 1)}{Math.Max(1, sheet.Rows.Count + 1)}" });
            part.Worksheet = ws;
            list.Append(new XSheet { Id = wb.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
        }
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

    private static Row Row(uint index, IReadOnlyList<object?> values, bool header)
    {
        var row = new Row { RowIndex = index };
        for (int i = 0; i < values.Count; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            Cell? cell = values[i] switch
            {
                null => null,
                double d when double.IsFinite(d) => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                long n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                bool b => new Cell { CellReference = reference, CellValue = new CellValue(b ? "1" : "0"), DataType = CellValues.Boolean },
                var v => new Cell(new InlineString(new Text(Clean(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                },
            };
            if (cell == null) continue;
            if (header) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    // XML 1.0 cannot carry most control characters; a cell is also limited to 32,767 characters
    private static string Clean(string s)
    {
        var clean = new string(s.Where(c => c is '\t' or '\n' or '\r' || !char.IsControl(c)).ToArray());
        return clean.Length > 32_000 ? clean[..32_000] + "…" : clean;
    }

    private static DocumentFormat.OpenXml.Spreadsheet.Columns Columns(Sheet sheet)
    {
        var cols = new DocumentFormat.OpenXml.Spreadsheet.Columns();
        for (int i = 0; i < sheet.Header.Count; i++)
        {
            int longest = sheet.Rows.Take(500).Select(r => i < r.Count ? (Convert.ToString(r[i], CultureInfo.InvariantCulture) ?? "").Length : 0)
                .Append(sheet.Header[i].Length).Max();
            cols.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(longest + 2, 6, 60), CustomWidth = true });
        }
        return cols;
    }

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });

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
