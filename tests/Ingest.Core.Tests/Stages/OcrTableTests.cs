using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;
using Ingest.Core.Text;

using static Ingest.Core.Tests.Support.LayoutLines;

namespace Ingest.Core.Tests.Stages;

/// <summary>
/// Tables rebuilt from the words of a poor OCR reading (a fax): header words run together or
/// marked by a border's remnants, boxes swollen by specks, borders and row numbers lost.
/// </summary>
public class OcrTableTests
{
    private static readonly TableHeaderRecogniser Header = new(Some.Lexicon, new CueFinder(Some.Lexicon));

    [Theory]
    [InlineData("đơnvị tính", "đơn vị tính", true)]
    [InlineData("chỉ ti êu", "chỉ tiêu", true)]
    [InlineData("ghichú", "ghi chú", true)]
    [InlineData("đơn vịtính", "đơn vị", false)]   // the phrase must end where a word ends
    [InlineData("tt1", "tt", false)]
    [InlineData("đơn giá", "đơn vị", false)]
    public void PhraseMatch_ReadsThroughLostAndStraySpaces(string text, string phrase, bool expected) =>
        Assert.Equal(expected, VietText.StartsWithWordSpacesAside(text, phrase));

    [Theory]
    [InlineData("Đơn vị tính", ColumnRole.Unit)]
    [InlineData("Đơnvị tính", ColumnRole.Unit)]
    [InlineData("Chỉtiêu", ColumnRole.Indicator)]
    [InlineData("Ghichú", ColumnRole.Notes)]
    [InlineData("'Chỉ tiêu", ColumnRole.Indicator)]   // a speck or a border before the words
    [InlineData(".. - Đơn vị", ColumnRole.Unit)]
    [InlineData("Tổng số", ColumnRole.Other)]
    public void HeaderCell_IsRecognised_ThroughOcrSpacingAndMarks(string text, ColumnRole role)
    {
        var cell = Header.Recognise(text);
        Assert.Equal(role, cell.Role);
        Assert.Equal(role != ColumnRole.Other, cell.Named);
    }

    [Theory]
    [InlineData("Thực hiện đến 30/9/2025", CueKind.Baseline)]
    [InlineData("Thựchiện đến 30/9/2025", CueKind.Baseline)]
    [InlineData("Kếhoạch năm 2025", CueKind.Target)]
    public void ColumnStatus_IsRead_ThroughLostSpaces(string header, CueKind status) =>
        Assert.Equal(status, new CueFinder(Some.Lexicon).StatusOfColumn(header)?.Kind);

    [Theory]
    [InlineData("Đơn vị")]
    [InlineData("Đơnvị")]
    public void HeaderWhoseUnitHeadingLostItsSpace_IsAHeader(string unit)
    {
        // with the year column unnamed, the unit heading is the second named one after "Chỉ tiêu"
        var table = Table(
            Line(100, (20, "STT"), (60, "Chỉ tiêu"), (300, unit), (400, "Năm 2025")),
            Line(130, (20, "1"), (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
            Line(160, (20, "2"), (60, "Cáp quang"), (300, "%"), (400, "95")));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["2", "Cáp quang", "%", "95"], table.Rows[^1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(26)]   // OCR's box for "STT" reached down to a speck under it
    public void NumberHeadingWithASwollenBox_DoesNotPullTheFirstRowIntoTheHeader(double height)
    {
        var header = new LayoutLine(
        [
            W("STT", 20, 106, height), W("Chỉ", 60, 112), W("tiêu", 78, 112), W("tính", 150, 112),
            W("năm", 220, 112), W("2025", 238, 112), W("đến", 300, 112), W("2025", 318, 112),
        ], new BBox(20, 106, 338, 106 + Math.Max(height, 16)));
        var table = Table(
            Line(100, (150, "Đơn vị"), (220, "Kế hoạch"), (300, "Thực hiện")),
            header,
            Line(134, (20, "1"), (60, "Phủ sóng 5G"), (150, "%"), (220, "50"), (300, "45")),
            Line(160, (20, "2"), (60, "Cáp quang"), (150, "%"), (220, "95"), (300, "90")));
        Assert.Equal(["1", "Phủ sóng 5G", "%", "50", "45"], table.Rows.First(r => !r.IsHeader).Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]   // the header's top border read as a flat row of marks touching the header
    public void BorderReadAsMarks_IsNoPartOfTheHeaderCells(bool border)
    {
        var lines = new List<LayoutLine>
        {
            Line(100, (20, "STT"), (60, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(130, (20, "1"), (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
        };
        if (border) lines.Insert(0, Line(99, 2, (10, "—"), (62, "..a"), (302, ".."), (402, "- ..")));
        var table = Table(lines.ToArray());
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị", "Kết quả"], table.Rows[0].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("đến", "với kế", 1)]   // cells going on in lower case: their first lines ran together
    [InlineData("2024", "2025", 2)]     // a group heading over its year columns
    public void HeaderLineOverTwoColumns_IsTheirFirstLinesRunTogether_WhenTheCellsGoOnInLowerCase(string left, string right, int headerRows)
    {
        var table = Table(
            Line(100, (300, "Thựchiện"), (343, "Tỷ lệso")),
            Line(106, (20, "STT"), (60, "Chỉ tiêu"), (150, "Đơn vị")),
            Line(112, (312, left), (345, right)),
            Line(135, (20, "1"), (60, "Phủ sóng 5G"), (150, "%"), (312, "45"), (350, "90")));
        Assert.Equal(headerRows, table.Rows.Count(r => r.IsHeader));
        if (headerRows == 1)
            Assert.Equal(["Thựchiện đến", "Tỷ lệso với kế"], table.Rows[0].Cells.Skip(3).Select(c => c.Text));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]   // the cells' last lines ran together too, under their separate middle lines
    public void CellsWhoseFirstAndLastLinesRanTogether_AreTwoColumns(bool lastLinesJoined)
    {
        var table = Table(
            Line(104, (300, "Thựchiện"), (343, "Tỷ lệso")),
            Line(112, (20, "STT"), (60, "Chỉ tiêu"), (150, "Đơn vị"), (300, "đến ngày"), (350, "với kế")),
            lastLinesJoined ? Line(120, (316, "2025 hoạch")) : Line(120, (316, "2025"), (350, "hoạch")),
            Line(140, (20, "1"), (60, "Phủ sóng 5G"), (150, "%"), (316, "45"), (352, "90")));
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị", "Thựchiện đến ngày 2025", "Tỷ lệso với kế hoạch"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Phủ sóng 5G", "%", "45", "90"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("1", "", "3")]   // OCR lost a row's number
    [InlineData("", "", "")]     // or the whole number column
    public void RowsWhoseNumbersOcrLost_AreAnchoredOnTheirFigures(string n1, string n2, string n3)
    {
        var table = Table(Rows(n1, n2, n3).ToArray());
        var body = table.Rows.Where(r => !r.IsHeader).ToList();
        Assert.Equal(3, body.Count);
        Assert.Equal([n2, "Tỷ lệ hộ gia đình có kết nối cáp quang", "%", "60", "95"], body[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]   // a speck read as "_" in the number column, between two rows
    public void MarkInTheNumberColumn_IsNoRowOfItsOwn(bool speck)
    {
        var lines = Rows("1", "2", "3");
        if (speck) lines.Add(Line(154, 2, (20, "_")));
        var body = Table(lines.ToArray()).Rows.Where(r => !r.IsHeader).ToList();
        Assert.Equal(["Tỷ lệ dân số được phủ sóng mạng 5G", "Tỷ lệ hộ gia đình có kết nối cáp quang", "Số điểm phát wifi công cộng miễn phí"], body.Select(r => r.Cells[1].Text));
    }

    [Theory]
    [InlineData(new[] { 95.0, 125, 155, 185, 215 })]
    [InlineData(new[] { 95.0, 125, 185, 215 })]   // the border between rows 1 and 2 too faint to be found
    public void RulesThatLeaveTwoRowNumbersTogether_DoNotGiveTheRows(double[] borders)
    {
        var rules = borders.Select(y => new HorizontalRule(y, 10, 500)).ToList();
        var page = new LayoutPage(1, 595, 842, Rows("1", "2", "3"), rules);
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([page])));
        var body = table.Rows.Where(r => !r.IsHeader).ToList();
        Assert.Equal(3, body.Count);
        Assert.Equal(["1", "Tỷ lệ dân số được phủ sóng mạng 5G", "%", "50", "90"], body[0].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("")]   // the section's numeral lost with the row numbers
    public void GroupHeadingInCapitals_IsARowOfItsOwn_WhenRowNumbersAreLost(string numeral)
    {
        var lines = new List<LayoutLine> { Line(100, (20, "STT"), (60, "Chỉ tiêu"), (300, "Đơn vị"), (380, "Năm 2025"), (460, "Năm 2030")) };
        lines.Add(numeral == "" ? Line(128, (60, "HẠ TẦNG SỐ")) : Line(128, (20, numeral), (60, "HẠ TẦNG SỐ")));
        lines.AddRange(Rows("", "", "", top: 150).Skip(1));
        var body = Table(lines.ToArray()).Rows.Where(r => !r.IsHeader).ToList();
        Assert.Equal("HẠ TẦNG SỐ", body[0].Cells[1].Text);
        Assert.Equal("Tỷ lệ dân số được phủ sóng mạng 5G", body[1].Cells[1].Text);
    }

    /// <summary>
    /// A caption set just above a table's top border (3 pt from the header's group heading), a
    /// header whose "2027" OCR boxed down onto the border under it, and the first body row a
    /// section heading. The grown box brings the caption within the header's reach; the borders
    /// across the whole header keep it, and the section row, out.
    /// </summary>
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]   // no borders found: the caption is taken in, as before
    public void BordersAcrossTheHeader_KeepACaptionCloseAboveIt_OutOfTheHeader(bool borders, bool captionInHeader)
    {
        var lines = new List<LayoutLine>
        {
            // boxes as OCR gave them on a 150 dpi scan read at 300 dpi
            Line(123, 25, (60, "(Kèm theo Kế hoạch số 97/KH-UBND)")),
            Line(151, 14, (380, "Lộ trình thực hiện")),
            Line(162, 13, (300, "Đơn vị")),
            Line(170, (20, "STT"), (60, "Chỉ tiêu"), (480, "Ghi chú")),
            Line(172, 11, (380, "Năm"), (430, "Năm")),
            Line(178, (300, "tính")),
            Line(189, (380, "2026")),
            Line(189, 15, (430, "2027")),
            Line(206, 16, (20, "I"), (60, "HẠ TẦNG SỐ")),
            Line(236, (20, "1"), (60, "Tỷ lệ dân số được phủ sóng 5G"), (300, "%"), (380, "70"), (430, "85")),
        };
        var rules = borders ? new[] { 149.0, 203, 225, 250 }.Select(y => new HorizontalRule(y, 10, 540)).ToList() : null;
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, rules)]);
        var table = Assert.IsType<TableBlock>(blocks.Last());
        var header = string.Join(" ", table.Rows.Where(r => r.IsHeader).SelectMany(r => r.Cells).Select(c => c.Text));
        Assert.Equal(captionInHeader, header.Contains("Kèm theo"));
        if (!captionInHeader)
        {
            Assert.IsType<TextBlock>(blocks[0]);
            Assert.DoesNotContain("HẠ TẦNG SỐ", header);
        }
    }

    /// <summary>A header and three rows of two-line indicators, figures centred on them.</summary>
    private static List<LayoutLine> Rows(string n1, string n2, string n3, double top = 130)
    {
        var lines = new List<LayoutLine> { Line(100, (20, "STT"), (60, "Chỉ tiêu"), (300, "Đơn vị"), (380, "Năm 2025"), (460, "Năm 2030")) };
        var rows = new[] { (n1, "Tỷ lệ dân số được", "phủ sóng mạng 5G", "50", "90"), (n2, "Tỷ lệ hộ gia đình có", "kết nối cáp quang", "60", "95"), (n3, "Số điểm phát wifi", "công cộng miễn phí", "10", "20") };
        for (int i = 0; i < rows.Length; i++)
        {
            var (n, first, second, v1, v2) = rows[i];
            double y = top + 30 * i;
            lines.Add(Line(y, (60, first)));
            var middle = new List<(double, string)>();
            if (n != "") middle.Add((20, n));
            middle.AddRange([(300, "%"), (380, v1), (460, v2)]);
            lines.Add(Line(y + 6, [.. middle]));
            lines.Add(Line(y + 12, (60, second)));
        }
        return lines;
    }

    private static TableBlock Table(params LayoutLine[] lines) =>
        Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)])));

    private static LayoutWord W(string text, double x, double y, double height = 10) => new(text, new BBox(x, y, x + text.Length * 5, y + height));
}
