using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Tests.Support;
using Ingest.Core.Text;

using static Ingest.Core.Tests.Support.LayoutLines;

namespace Ingest.Core.Tests.Stages;

/// <summary>The page-level decisions of loading: which text layers to trust, and tables from geometry.</summary>
public class LayoutTests
{
    private static readonly TextLayerCheck Check = new(new SyllableShape(Some.Lexicon));

    [Theory]
    [InlineData("nghiêng", true)]
    [InlineData("quyết", true)]
    [InlineData("gì", true)]
    [InlineData("trường", true)]
    [InlineData("Đảng", true)]
    [InlineData("xyz", false)]
    [InlineData("Tá»·", false)]
    [InlineData("strength", false)]
    public void SyllableShape_TellsVietnameseFromOtherTokens(string token, bool expected) =>
        Assert.Equal(expected, new SyllableShape(Some.Lexicon).IsSyllable(token));

    [Fact]
    public void RealVietnameseTextLayer_IsTrusted()
    {
        var v = Check.AssessText(1, "Đến năm 2027, tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang đạt 90%; phấn đấu đến năm 2030 đạt 100%.");
        Assert.Equal(TextLayerVerdict.Real, v.Verdict);
    }

    [Fact]
    public void MojibakeTextLayer_IsOcrd()
    {
        // UTF-8 read as Latin-1, as a PDF with a broken font encoding yields
        var v = Check.AssessText(1, "Ä\u0090áº¿n nÄƒm 2027, tá»· lá»‡ há»™ gia Ä‘Ã¬nh cÃ³ káº¿t ná»‘i Internet bÄƒng rá»™ng cÃ¡p quang Ä‘áº¡t 90%");
        Assert.Equal(TextLayerVerdict.Garbage, v.Verdict);
    }

    [Fact]
    public void GlyphsWithoutUnicode_AreOcrd()
    {
        var v = Check.AssessText(1, "\uE001\uE002\uE003 \uE004\uE005 năm 2030 \uE006\uE007\uE008\uE009 đạt 90% \uE00A\uE00B");
        Assert.Equal(TextLayerVerdict.Garbage, v.Verdict);
    }

    [Fact]
    public void PagesWithoutText_AndPagesRepeatingAnother_AreOcrd()
    {
        var body = string.Join(" ", Enumerable.Repeat("Tỷ lệ người dân sử dụng dịch vụ công trực tuyến đạt tám mươi phần trăm.", 5));
        var verdicts = Check.Assess([Page(1, body), Page(2, body), Page(3, "12")]);
        Assert.Equal(TextLayerVerdict.Real, verdicts[0].Verdict);
        Assert.Equal(TextLayerVerdict.Garbage, verdicts[1].Verdict);
        Assert.Contains("page 1", verdicts[1].Reason);
        Assert.Equal(TextLayerVerdict.Empty, verdicts[2].Verdict);
    }

    [Fact]
    public void TableWithRowRules_AndNoNumberColumn_IsRebuiltRowByRow()
    {
        // an OCR'd table whose "TT" column was lost: three header phrases, row borders from the image,
        // a two-line indicator cell beside one-line unit and result cells
        var lines = new List<LayoutLine>
        {
            Line(100, (60, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(122, (60, "Tỷ lệ hộ gia đình có kết nối")),
            Line(134, (60, "Internet cáp quang"), (300, "%"), (400, "95")),
            Line(146, (60, "băng rộng")),
            Line(170, (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
        };
        var rules = new[] { 95.0, 115, 160, 180 }.Select(y => new HorizontalRule(y, 50, 520)).ToList();
        var page = new LayoutPage(1, 595, 842, lines, rules);
        var blocks = new LayoutBlocks(Some.Lexicon).Build([page]);
        var table = Assert.IsType<TableBlock>(Assert.Single(blocks));
        Assert.Equal(3, table.Rows.Count);
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng", "%", "95"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["Phủ sóng 5G", "%", "50"], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ProseLineWithHeaderWords_IsNotATableHeader()
    {
        var lines = new List<LayoutLine> { Line(100, (60, "Kết quả"), (200, "Chỉ tiêu"), (300, "Đơn vị"), (400, "thực hiện tốt năm 2025")) };
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)]);
        Assert.All(blocks, b => Assert.IsType<TextBlock>(b));
    }

    [Fact]
    public void TwoRowHeader_GroupHeadingSpansTheYearColumns_AndEachYearIsItsOwnColumn()
    {
        // a text layer (line boxes 18 high, 16 apart, so a wrapped cell's lines overlap): the
        // header's cells are centred on y 176; "Lộ trình thực hiện" heads four year columns whose
        // cells wrap ("Năm / 2026"), as do "Đơn vị / tính" and "Thực hiện / năm 2024"
        var lines = new List<LayoutLine>
        {
            Line(122, 18, (146, "(Kèm theo Kế hoạch số 97/KH-UBND của Ủy ban nhân dân phường)")),
            Line(149, 18, (497, "Lộ trình thực hiện")),
            Line(159, 18, (321, "Đơn vị"), (372, "Thực hiện")),
            Line(167, 18, (62, "STT"), (179, "Chỉ tiêu"), (703, "Ghi chú")),
            Line(169, 18, (450, "Năm"), (509, "Năm"), (567, "Năm"), (625, "Năm")),
            Line(175, 18, (329, "tính"), (374, "năm 2024")),
            Line(186, 18, (451, "2026"), (509, "2027"), (567, "2028"), (626, "2030")),
            Line(206, 18, (70, "I"), (96, "HẠ TẦNG SỐ")),
            Line(227, 18, (96, "Tỷ lệ dân số được phủ sóng")),
            Line(235, 18, (72, "1"), (336, "%"), (391, "35,6"), (455, "≥ 70"), (516, "85"), (575, "95"), (630, "100")),
            Line(243, 18, (96, "động 5G")),
        };
        var table = Assert.IsType<TableBlock>(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 842, 595, lines)]).Last());
        Assert.True(table.Rows[0].IsHeader && table.Rows[1].IsHeader);
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Lộ trình thực hiện", "Ghi chú"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal([1, 1, 1, 1, 4, 1], table.Rows[0].Cells.Select(c => c.ColumnSpan));
        Assert.Equal(["", "", "", "", "Năm 2026", "Năm 2027", "Năm 2028", "Năm 2030", ""], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["I", "HẠ TẦNG SỐ"], table.Rows[2].Cells.Select(c => c.Text).Take(2));
        Assert.Equal(["1", "Tỷ lệ dân số được phủ sóng động 5G", "%", "35,6", "≥ 70", "85", "95", "100", ""], table.Rows[3].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TopAlignedTable_HeaderWrapsDownward_RowsRunDownFromTheirNumbers()
    {
        // Word sets cells at the top of the row: the header's cells start on one line and those that
        // filled their column wrap below it; the lines above the table stay text
        var lines = new List<LayoutLine>
        {
            Line(40, (72, "Các chỉ tiêu cụ thể như sau")),
            Line(60, (72, "I. MỤC TIÊU CỤ THỂ")),
            Line(100, (72, "TT"), (165, "Nội dung chỉ tiêu"), (259, "Hiện trạng (năm"), (352, "Mục tiêu đến năm"), (446, "Cơ quan chủ trì")),
            Line(113, (259, "2024)"), (352, "2030")),
            Line(130, (72, "1"), (165, "Tỷ lệ dịch vụ công"), (259, "45"), (352, "≥ 80"), (446, "Văn phòng")),
            Line(143, (165, "trực tuyến toàn")),
            Line(156, (165, "trình (%)")),
            Line(175, (72, "2"), (165, "Tỷ lệ thanh toán"), (259, "50"), (352, "trên 80"), (446, "Phòng Kinh tế")),
        };
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)]);
        var table = Assert.IsType<TableBlock>(blocks.Last());
        Assert.Equal(2, blocks.Count(b => b is TextBlock));
        Assert.Equal(["TT", "Nội dung chỉ tiêu", "Hiện trạng (năm 2024)", "Mục tiêu đến năm 2030", "Cơ quan chủ trì"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "2"], table.Rows.Skip(1).Select(r => r.Cells[0].Text));
        // and each row's cells run down from its number: the last line of a long cell is nearer the next
        // row's number than its own, and still its own row's
        Assert.Equal(["1", "Tỷ lệ dịch vụ công trực tuyến toàn trình (%)", "45", "≥ 80", "Văn phòng"], table.Rows[1].Cells.Select(c => c.Text));
        // and a figure set close after a long line of the indicator is in its own column: the
        // columns part no further right than where the next header's text starts
        Assert.Equal(["2", "Tỷ lệ thanh toán", "50", "trên 80", "Phòng Kinh tế"], table.Rows[2].Cells.Select(c => c.Text));
    }

    // a top-aligned header whose group heading ("Lộ trình thực hiện") had room on its line: the
    // row under it naming its columns is the header's, not the first body row
    private static List<LayoutLine> TopAlignedGroupHeader() =>
    [
        Line(100, (72, "TT"), (95, "Chỉ tiêu"), (150, "Đơn vị"), (190, "Hiện"), (290, "Lộ trình thực hiện"), (440, "Cơ")),
        Line(113, (150, "tính"), (190, "trạng"), (440, "quan")),
        Line(126, (190, "năm"), (230, "2026"), (270, "2027"), (310, "2028"), (350, "2029"), (390, "2030"), (440, "chủ trì")),
        Line(139, (190, "2025")),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TopAlignedHeader_TheRowNamingAGroupHeadingsColumns_IsTheHeaders(bool captionAbove)
    {
        var lines = TopAlignedGroupHeader();
        lines.AddRange([
            Line(156, (72, "1"), (95, "Tỷ lệ hộ"), (150, "%"), (190, "68,2"), (230, "75"), (270, "80"), (310, "85"), (350, "90"), (390, "95"), (440, "Phòng")),
            Line(169, (95, "có cáp quang"), (440, "Kinh tế")),
            Line(186, (72, "2"), (95, "Tỷ lệ"), (150, "%"), (190, "22"), (230, "40"), (270, "55"), (310, "70"), (350, "85"), (390, "100"), (440, "Phòng")),
        ]);
        // a caption set close above the table is no centred header cell's first line: the table's top border parts them
        if (captionAbove) lines.Insert(0, Line(88, (150, "(Kèm theo Kế hoạch số 09)")));
        var rules = captionAbove ? new List<HorizontalRule> { new(99, 65, 520) } : [];
        var table = Assert.IsType<TableBlock>(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, rules)]).Last());
        Assert.Equal(["", "", "", "", "2026", "2027", "2028", "2029", "2030", ""], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Tỷ lệ hộ có cáp quang", "%", "68,2", "75", "80", "85", "90", "95", "Phòng Kinh tế"], table.Rows[2].Cells.Select(c => c.Text));
        Assert.Equal(["2", "Tỷ lệ", "%", "22", "40", "55", "70", "85", "100", "Phòng"], table.Rows[3].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TopAlignedHeader_ARowCarriedOverUnderItsBottomBorder_IsNoWrapOfItsCells()
    {
        // the header repeated on a new page, then the end of the last row of the page before
        var lines = TopAlignedGroupHeader();
        lines.AddRange([
            Line(153, (95, "khoản số")),
            Line(170, (72, "8"), (95, "Tỷ lệ"), (150, "%"), (190, "31"), (230, "45"), (270, "55"), (310, "65"), (350, "75"), (390, "85"), (440, "Phòng")),
        ]);
        var rules = new List<HorizontalRule> { new(99, 65, 520), new(151, 65, 520), new(166, 65, 520), new(183, 65, 520) };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, rules)])));
        Assert.Equal("Chỉ tiêu", table.Rows[0].Cells[1].Text);
        Assert.Equal(["", "khoản số"], table.Rows[2].Cells.Select(c => c.Text).Take(2));
        Assert.Equal(["8", "Tỷ lệ", "%", "31", "45", "55", "65", "75", "85", "Phòng"], table.Rows[3].Cells.Select(c => c.Text));
    }

    [Fact]
    public void AHeaderCellWrapsWhenItsNextWordWouldNotFit_EvenWithRoomToSpareForAShorterOne()
    {
        // "Đơn vị" ends 32 pt before "Kết quả": too little room for "tính" (20 pt) and the cells' margins
        var lines = new List<LayoutLine>
        {
            Line(100, (72, "TT"), (110, "Chỉ tiêu"), (300, "Đơn vị"), (360, "Kết quả")),
            Line(113, (300, "tính")),
            Line(130, (72, "1"), (110, "Tỷ lệ hộ có Internet"), (300, "%"), (360, "95")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)])));
        Assert.Equal(["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Tỷ lệ hộ có Internet", "%", "95"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ATableWhosePageDrawsItsColumnBorders_EndsWhereTheyEnd()
    {
        // a PDF's table: its frame runs from 95 to 150, the inner borders stop at a group row that spans it
        // (130–140); a heading and a paragraph follow, then a second table with borders of its own
        var lines = new List<LayoutLine>
        {
            Line(100, (72, "TT"), (110, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(118, (72, "1"), (110, "Tỷ lệ hộ có Internet"), (300, "%"), (400, "95")),
            Line(132, (72, "II. CHÍNH QUYỀN SỐ")),
            Line(140, (72, "2"), (110, "Tỷ lệ hồ sơ trực tuyến"), (300, "%"), (400, "80")),
            Line(170, (72, "III. TỔ CHỨC THỰC HIỆN")),
            Line(185, (72, "Các cơ quan báo cáo kết quả thực hiện.")),
            Line(220, (72, "TT"), (110, "Nhiệm vụ"), (300, "Thời hạn")),
            Line(238, (72, "1"), (110, "Lập kế hoạch"), (300, "2026")),
        };
        var columns = new List<VerticalRule>
        {
            new(65, 95, 155), new(520, 95, 155),
            new(105, 95, 128), new(295, 95, 128), new(395, 95, 128), new(105, 138, 155), new(295, 138, 155), new(395, 138, 155),
            new(65, 215, 255), new(105, 215, 255), new(295, 215, 255), new(520, 215, 255),
        };
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, ColumnRules: columns)]);
        Assert.Equal(["table", "III. TỔ CHỨC THỰC HIỆN", "Các cơ quan báo cáo kết quả thực hiện.", "table"],
            blocks.Select(b => b is TextBlock t ? t.Text : "table"));
        var first = (TableBlock)blocks[0];
        Assert.Equal(["1", "2"], first.Rows.Where(r => !r.IsHeader && r.Cells[0].Text.Length == 1).Select(r => r.Cells[0].Text));
        Assert.Equal(["1", "Lập kế hoạch", "2026"], ((TableBlock)blocks[3]).Rows[1].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData(true, 4)]    // bordered: "STT | Chỉ tiêu | Năm 2026 | Đến năm 2030" is a header, one named column and years
    [InlineData(false, 0)]   // the same band without borders could be prose set in columns
    public void ANumberedBandWithOneNamedColumn_IsAHeader_WhenThePageDrawsItsCells(bool bordered, int headerCells)
    {
        var lines = new List<LayoutLine>
        {
            Line(100, (72, "STT"), (110, "Chỉ tiêu"), (300, "Năm 2026"), (400, "Đến năm 2030")),
            Line(118, (72, "1"), (110, "Tỷ lệ hộ có Internet"), (300, "Trên 60%"), (400, "100%")),
        };
        var columns = new[] { 65.0, 105, 295, 395, 520 }.Select(x => new VerticalRule(x, 95, 130)).ToList();
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, ColumnRules: bordered ? columns : null)]);
        Assert.Equal(headerCells, blocks.OfType<TableBlock>().SelectMany(t => t.Rows.Where(r => r.IsHeader)).Sum(r => r.Cells.Count));
    }

    [Theory]
    [InlineData(true, 3)]    // drawn as a grid: a table of a header row and two rows, though its header names no column role
    [InlineData(false, 0)]   // the same lines undrawn are text
    public void AGridThePageDraws_IsATable_WhateverItsHeaderSays(bool drawn, int rows)
    {
        var lines = new List<LayoutLine>
        {
            Line(100, (72, "Năm"), (160, "Tỷ lệ hồ sơ trực tuyến (%)"), (330, "Số Tổ công nghệ số (tổ)")),
            Line(118, (72, "Năm 2026"), (160, "70"), (330, "12")),
            Line(136, (72, "Năm 2030"), (160, "≥ 95"), (330, "15")),
        };
        var columns = new[] { 65.0, 150, 320, 520 }.Select(x => new VerticalRule(x, 95, 145)).ToList();
        var borders = new[] { 95.0, 113, 131, 145 }.Select(y => new HorizontalRule(y, 65, 520)).ToList();
        var blocks = new LayoutBlocks(Some.Lexicon).Build([drawn ? new LayoutPage(1, 595, 842, lines, borders, columns) : new LayoutPage(1, 595, 842, lines)]);
        Assert.Equal(rows, blocks.OfType<TableBlock>().Sum(t => t.Rows.Count));
        if (drawn)
            Assert.Equal(["Năm 2030", "≥ 95", "15"], blocks.OfType<TableBlock>().Single().Rows[2].Cells.Select(c => c.Text));
    }

    // a drawn table's header and row at y 100 and 118, its borders at x 65, 105, 295, 395, 520
    private static List<LayoutLine> DrawnTable(params LayoutLine[] more) =>
    [
        Line(100, (72, "TT"), (110, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
        Line(118, (72, "1"), (110, "Tỷ lệ hộ có Internet"), (300, "%"), (400, "95")),
        .. more,
    ];

    private static List<VerticalRule> Borders(double y0, double y1, params double[] xs) =>
        (xs.Length == 0 ? [65.0, 105, 295, 395, 520] : xs).Select(x => new VerticalRule(x, y0, y1)).ToList();

    [Fact]
    public void ColumnBordersDrawnRoundTheHeaderAlone_DoNotEndTheTable()
    {
        var lines = DrawnTable(Line(136, (72, "2"), (110, "Tỷ lệ hồ sơ trực tuyến"), (300, "%"), (400, "80")));
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, ColumnRules: Borders(95, 112))]);
        Assert.Equal(3, Assert.IsType<TableBlock>(Assert.Single(blocks)).Rows.Count);
    }

    [Theory]
    [InlineData("II. CHÍNH QUYỀN SỐ", true)]   // a group row spanning a table with no side frame: the borders go on under it
    [InlineData("Phấn đấu đến năm 2030, tỷ lệ người dân trưởng thành có chữ ký số cá nhân đạt 70%.", false)]   // running text ends the table
    public void ColumnBordersBrokenForALine_GoOnOnlyUnderAGroupRow(string between, bool goesOn)
    {
        var lines = DrawnTable(Line(132, (72, between)), Line(146, (72, "2"), (110, "Tỷ lệ hồ sơ trực tuyến"), (300, "%"), (400, "80")));
        var columns = Borders(95, 128, 105, 295, 395).Concat(Borders(141, 156, 105, 295, 395)).ToList();
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, ColumnRules: columns)]);
        var table = (TableBlock)blocks[0];
        Assert.Equal(goesOn, table.Rows.Any(r => r.Cells[0].Text == "2"));
        Assert.Equal(!goesOn, blocks.OfType<TextBlock>().Any(t => t.Text == between));
    }

    [Fact]
    public void ABorderedBlockOfTwoCells_DoesNotHideAGridBelowIt()
    {
        // the national header set in a bordered table of two cells, then a year-per-row grid
        var lines = new List<LayoutLine>
        {
            Line(40, (72, "ỦY BAN NHÂN DÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            Line(100, (72, "Năm"), (160, "Tỷ lệ hồ sơ trực tuyến (%)"), (330, "Số Tổ công nghệ số (tổ)")),
            Line(118, (72, "Năm 2026"), (160, "70"), (330, "12")),
        };
        var columns = Borders(35, 55, 65, 290, 520).Concat(Borders(95, 127, 65, 150, 320, 520)).ToList();
        var rules = new[] { 35.0, 55, 95, 113, 127 }.Select(y => new HorizontalRule(y, 65, 520)).ToList();
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, rules, columns)]);
        Assert.Equal(["Năm 2026", "70", "12"], Assert.Single(blocks.OfType<TableBlock>()).Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ADrawnTableRunOnToTheNextPage_IsOneTable_PastARunningFooterAndItsPageNumberRow()
    {
        // page 1: the header, a row, a running footer in the bottom margin; page 2: the table goes on
        // with no header, its first row at the top of the page beside its number ("2" is no page number)
        var first = DrawnTable(Line(800, (72, "Kế hoạch chuyển đổi số xã Tân Lập")));
        // a text layer parts a row's cells into lines of their own
        var second = new List<LayoutLine>
        {
            Line(60, (72, "2")), Line(60, (110, "Tỷ lệ hồ sơ trực tuyến")), Line(60, (300, "%")), Line(60, (400, "80")),
            Line(78, (72, "3")), Line(78, (110, "Tỷ lệ văn bản ký số")), Line(78, (300, "%")), Line(78, (400, "90")),
        };
        var rowRules = new[] { 55.0, 73, 91 }.Select(y => new HorizontalRule(y, 65, 520)).ToList();
        var blocks = new LayoutBlocks(Some.Lexicon).Build([
            new LayoutPage(1, 595, 842, first, ColumnRules: Borders(95, 130)),
            new LayoutPage(2, 595, 842, second, rowRules, Borders(55, 91))]);
        var table = Assert.Single(blocks.OfType<TableBlock>());
        Assert.Equal(["1", "2", "3"], table.Rows.Where(r => !r.IsHeader).Select(r => r.Cells[0].Text));
    }

    [Fact]
    public void ColumnBordersThePageDraws_PartTheColumns()
    {
        // the unit "%" stands nearer the indicator's long line than the header's "Đơn vị tính"
        // and an emptiest strip would part it into the indicator; the border says where the cell is
        var lines = new List<LayoutLine>
        {
            Line(100, (72, "STT"), (110, "Tên chỉ tiêu"), (270, "Đơn vị tính"), (380, "Chỉ tiêu")),
            Line(118, (72, "1"), (110, "Tỷ lệ dân số trưởng thành"), (250, "%"), (380, "≥ 90")),
        };
        var columns = new[] { 65.0, 105, 245, 375, 520 }.Select(x => new VerticalRule(x, 95, 130)).ToList();
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines, ColumnRules: columns)])));
        Assert.Equal(["1", "Tỷ lệ dân số trưởng thành", "%", "≥ 90"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void WrappedGroupHeading_StaysOneCellOverItsColumns()
    {
        // "Lộ trình thực / hiện" heads two year columns; its second line is narrower than one
        // column and sits over the border between them, with nothing of the header below it
        var lines = new List<LayoutLine>
        {
            Line(141, 18, (465, "Lộ trình thực")),
            Line(157, 18, (485, "hiện")),
            Line(167, 18, (62, "STT"), (179, "Chỉ tiêu"), (600, "Ghi chú")),
            Line(179, 18, (450, "Năm"), (520, "Năm")),
            Line(195, 18, (450, "2026"), (520, "2027")),
            Line(216, 18, (96, "Tỷ lệ dân số được phủ sóng 5G")),
            Line(224, 18, (72, "1"), (452, "70"), (522, "85")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 842, 595, lines)])));
        Assert.Equal(["STT", "Chỉ tiêu", "Lộ trình thực hiện", "Ghi chú"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "", "Năm 2026", "Năm 2027", ""], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Tỷ lệ dân số được phủ sóng 5G", "70", "85", ""], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void TwoRowHeader_FromOcrBoxes_KeepsTheGroupHeadingAboveItsColumns()
    {
        // OCR boxes hug the ink, so a cell's lines are apart and the one-line group heading only
        // just reaches the first line of "Đơn vị / tính": it lies above the header's centre
        // (y 86.6), where nothing of the body can be, so touching the header is enough
        var lines = new List<LayoutLine>
        {
            Line(62.6, 13, (497, "Lộ trình thực hiện")),
            Line(73.2, 12.7, (321, "Đơn vị"), (372, "Thực hiện")),
            Line(81.8, 9.6, (62, "STT"), (179, "Chỉ tiêu"), (704, "Ghi chú")),
            Line(83.5, 10.3, (450, "Năm"), (509, "Năm"), (567, "Năm")),
            Line(89.3, 10.1, (329, "tính"), (374, "năm 2024")),
            Line(100.3, 9.6, (451, "2026"), (510, "2027"), (568, "2028")),
            Line(121, 13, (96, "Tỷ lệ người trong độ tuổi")),
            Line(129, 10, (72, "8"), (335, "%"), (396, "42"), (458, "60"), (521, "-"), (575, "80")),
            Line(137, 13, (96, "được phổ cập kỹ năng")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(5, 842, 595, lines)])));
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Lộ trình thực hiện", "Ghi chú"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["", "", "", "", "Năm 2026", "Năm 2027", "Năm 2028", ""], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["8", "Tỷ lệ người trong độ tuổi được phổ cập kỹ năng", "%", "42", "60", "-", "80", ""], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void OcrLastHeaderLineRunTogether_IsSplitUnderTheCellsAboveIt()
    {
        // OCR read the border between two header cells as a stray mark and gave their last lines
        // as one line, "30/9/2025 ' hoạch (%)", which would make one column of two
        var lines = new List<LayoutLine>
        {
            Line(143, 12, (425, "Thực hiện"), (490, "Tỷ lệ so")),
            Line(150, 11, (307, "Đơn vị"), (361, "Kế hoạch")),
            Line(157, 12, (88, "STT"), (184, "Chỉ tiêu"), (443, "đến"), (490, "với kế")),
            Line(165, 11, (314, "tính"), (360, "năm 2025")),
            Line(172, 12, (427, "30/9/2025 ' hoạch (%)")),
            Line(190, 12, (97, "1"), (117, "Tỷ lệ dịch vụ công"), (320, "%"), (381, "70"), (443, "58,4"), (500, "83,4")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(4, 595, 842, lines)])));
        // the stray mark goes with the nearer of the cells right above it
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện đến 30/9/2025", "Tỷ lệ so với kế ' hoạch (%)"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Tỷ lệ dịch vụ công", "%", "70", "58,4", "83,4"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void HeaderRepeatedAtTheTopOfTheNextPage_KeepsItsWrappedWordsOutOfTheFirstRow()
    {
        // a header at the top of a page, centred on y 63.5 ("STT"): the three-line "Thực hiện /
        // đến / 30/9/2025" and the second lines of "Đơn vị / tính" and "Kế hoạch / năm 2025" overlap
        // the "STT" line too little to join it, and the first body row begins right under them
        var lines = new List<LayoutLine>
        {
            Line(40, 17, (425, "Thực hiện")),
            Line(48, 17, (307, "Đơn vị"), (361, "Kế hoạch")),
            Line(55, 17, (88, "STT"), (184, "Chỉ tiêu"), (443, "đến")),
            Line(63, 17, (314, "tính"), (360, "năm 2025")),
            Line(70, 17, (427, "30/9/2025")),
            Line(90, 17, (117, "Tỷ lệ dịch vụ công trực tuyến")),
            Line(97, 17, (97, "1"), (320, "%"), (381, "70"), (442, "58,4")),
            Line(106, 17, (117, "phát sinh hồ sơ")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(2, 595, 842, lines)])));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025", "Thực hiện đến 30/9/2025"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(["1", "Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ", "%", "70", "58,4"], table.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void OcrConfidence_OfTheValueWord_ReachesTheTarget()
    {
        var words = new[] { ("Đến", 95.0), ("năm", 96), ("2030", 94), ("tỷ", 93), ("lệ", 95), ("phủ", 92), ("sóng", 94), ("5G", 90), ("đạt", 95), ("90%.", 41) };
        var line = LayoutLine.ToSourceLine(1, 1, words.Select((w, i) => new LayoutWord(w.Item1, new BBox(i * 30, 0, i * 30 + 25, 10), w.Item2)).ToList(), new BBox(0, 0, 300, 10));
        var doc = new LoadedDocument("scan.png", SourceFormat.Image, "0", 1, true, [new TextBlock([line], false)], []);
        var target = Assert.Single(Some.Pipeline().Run(doc).Targets);
        Assert.Equal(90, target.Candidate.Value);
        Assert.Equal(41, target.Candidate.OcrConfidence);
        Assert.True(target.NeedsReview);
    }

    [Fact]
    public void RuledTable_CellsAreClosedByRules_AndASpanningRowIsOneCell()
    {
        // three columns (x 0, 50, 200, 300); rows at y 0, 20, 40, 60; the row 20..40 is a section
        // heading: the borders at 50 and 200 stop at it. A short rule under a caption (y 80) closes nothing.
        var rows = new[] { 0.0, 20, 40, 60 }.Select(y => new HorizontalRule(y, 0, 300)).Append(new HorizontalRule(80, 0, 120)).ToList();
        var columns = new List<VerticalRule>
        {
            new(0, 0, 60), new(300, 0, 60),
            new(50, 0, 20), new(50, 40, 60), new(200, 0, 20), new(200, 40, 60),
        };
        var cells = TableGrid.Cells(rows, columns, 2);
        Assert.Equal(
            [new BBox(0, 0, 50, 20), new BBox(0, 20, 300, 40), new BBox(0, 40, 50, 60), new BBox(50, 0, 200, 20), new BBox(50, 40, 200, 60), new BBox(200, 0, 300, 20), new BBox(200, 40, 300, 60)],
            cells.OrderBy(c => c.X0).ThenBy(c => c.Y0));
    }

    // one OCR'd word as a line of its own, 20 × 10 pt at (x, y)
    private static LayoutLine Read(double x, double y, string text, double conf) =>
        new([new LayoutWord(text, new BBox(x, y, x + 20, y + 10), conf)], new BBox(x, y, x + 20, y + 10));

    [Fact]
    public void CellReadAgain_ReplacesThePageWords_WhenSurer_AndNoiseDoesNot()
    {
        var page = new List<LayoutLine>
        {
            Read(10, 5, "PHỤ LỤC", 95),
            // the page read one row's cells run together and garbled, and another's cells right
            new([new LayoutWord("SIT", new BBox(10, 25, 30, 35), 60), new LayoutWord("Chỉ", new BBox(60, 25, 80, 35), 96)], new BBox(10, 25, 80, 35)),
            Read(10, 45, "2", 95),
            Read(10, 65, "Ký tên", 95),
        };
        var cells = new List<CellReading>
        {
            new(new BBox(0, 20, 50, 40), [Read(12, 26, "STT", 90)]),
            new(new BBox(0, 40, 50, 60), [Read(12, 46, "Z", 50)]),    // less sure than the page's "2"
            new(new BBox(50, 40, 200, 60), [Read(60, 46, "~.", 20)]), // specks in an empty cell
            // a row of cells whose borders between them were not found, read as one with a border inside
            new(new BBox(0, 60, 200, 80), [new([new LayoutWord("Ký", new BBox(12, 65, 20, 75), 97), new LayoutWord("|", new BBox(50, 62, 52, 78), 97),
                new LayoutWord("tên", new BBox(60, 65, 80, 75), 97)], new BBox(12, 62, 80, 78))]),
        };
        var lines = TableGrid.Reread(page, cells);
        Assert.Equal(["PHỤ LỤC", "STT", "Chỉ", "2", "Ký tên"], lines.Select(l => l.Text));
    }

    // a cell 0–100 × 20–40 pt and the page's reading of a word in it, 20 × 10 pt at (x, y)
    [Theory]
    [InlineData(10, 25, "Chỉ tiêu", 95, true)]    // words read surely, inside: taken as the page read them
    [InlineData(10, 25, "Chỉ tiêu", 80, false)]   // unsure: read again
    [InlineData(10, 25, "18", 97, false)]         // a figure is always read again (a dropped comma reads surely)
    [InlineData(10, 25, "|", 97, false)]          // the cell's border read as a glyph
    [InlineData(90, 25, "tiêu", 97, false)]       // its centre inside but run on into the next cell
    [InlineData(10, 45, "tiêu", 97, false)]       // in another cell: nothing read here
    public void ACellOfWordsThePageReadSurely_IsNotReadAgain(double x, double y, string text, double conf, bool taken)
    {
        var cell = new BBox(0, 20, 100, 40);
        var page = new List<LayoutLine> { Read(10, 5, "PHỤ LỤC", 95), Read(x, y, text, conf) };
        var reading = TableGrid.ReadSurely(cell, page, sureConfidence: 85, slack: 2);
        Assert.Equal(taken, reading != null);
        if (reading != null) Assert.Equal([text], reading.Lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData(35, 0, "2,1")]     // both unsure of ink that is there: the surer reading of it
    [InlineData(35, 38, "tIỂN")]   // the page's reading was the surer
    [InlineData(45, 90, "tIỂN")]   // the page was sure
    public void AnUnsureCellReading_ReplacesOnlyAnUnsurerPageReading(double cellConfidence, double pageConfidence, string kept)
    {
        var page = new List<LayoutLine> { Read(10, 5, "PHỤ LỤC", 95), Read(60, 45, "tIỂN", pageConfidence) };
        var cells = new List<CellReading> { new(new BBox(50, 40, 200, 60), [Read(60, 46, "2,1", cellConfidence)]) };
        Assert.Equal(["PHỤ LỤC", kept], TableGrid.Reread(page, cells).Select(l => l.Text));
    }

    // a table row the page read as "Tỷ lệ … 5G  %  85  100" (x 10–80, 120, 200, 300; y 25–35) and a caption above it;
    // a word read again from ink the reading left, at (x, y) 20 × 10 pt
    [Theory]
    [InlineData(160, 25, "35,6", "Tỷ lệ 5G % 35,6 85 100")]  // a short cell between two the row kept: into the row, in order
    [InlineData(200, 25, "85", "Tỷ lệ 5G % 85 100")]         // the row's own "85" again: left out
    [InlineData(10, 45, "06", "06")]                          // on no line: a line of its own, after the row above it
    [InlineData(500, 25, "Ghi", "Ghi")]                       // level with the row, but a page's width past its end: not the row's
    public void AWordReadFromUnreadInk_GoesIntoTheLineItStandsOn(double x, double y, string text, string lineOfIt)
    {
        var row = new LayoutLine(
            [new LayoutWord("Tỷ lệ 5G", new BBox(10, 25, 80, 35), 95), new LayoutWord("%", new BBox(120, 25, 130, 35), 93),
             new LayoutWord("85", new BBox(200, 25, 220, 35), 96), new LayoutWord("100", new BBox(300, 25, 320, 35), 96)],
            new BBox(10, 25, 320, 35));
        var lines = RecoveredWords.Insert([Read(10, 5, "PHỤ LỤC", 95), row], [new LayoutWord(text, new BBox(x, y, x + 20, y + 10), 96)]);
        var line = Assert.Single(lines, l => l.Words.Any(w => w.Text == text));
        Assert.Equal(lineOfIt, line.Text);
        Assert.Equal("PHỤ LỤC", lines[0].Text);
        if (lineOfIt == text) Assert.Equal(line, lines.SkipWhile(l => l != row).Skip(1).First());
    }

    [Fact]
    public void CellsReadAgain_GoAfterTheCaptionAboveTheTable_WhereverThePageReadingPutIt()
    {
        // the page's reading began with a section's "I" from the table's first column, then gave
        // the caption above the table, then the rest
        var page = new List<LayoutLine>
        {
            Read(12, 46, "I", 60),
            Read(10, 5, "PHỤ LỤC", 95),
            Read(60, 10, "(Kèm theo Kế hoạch số 97)", 95),
            Read(12, 26, "STT", 90),
            Read(10, 85, "Ký tên", 95),
        };
        var cells = new List<CellReading>
        {
            new(new BBox(0, 20, 50, 40), [Read(12, 26, "STT", 92)]),
            new(new BBox(0, 40, 50, 60), [Read(12, 46, "I", 90)]),
        };
        var lines = TableGrid.Reread(page, cells);
        Assert.Equal(["PHỤ LỤC", "(Kèm theo Kế hoạch số 97)", "STT", "I", "Ký tên"], lines.Select(l => l.Text));
    }

    [Fact]
    public void HeaderWhoseNumberHeadingOcrMisread_IsStillAHeader()
    {
        var lines = new List<LayoutLine>
        {
            Line(100, (20, "SIT"), (60, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(130, (20, "1"), (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
            Line(160, (20, "2"), (60, "Cáp quang"), (300, "%"), (400, "95")),
        };
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)]);
        var table = Assert.IsType<TableBlock>(Assert.Single(blocks));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["2", "Cáp quang", "%", "95"], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Theory]
    [InlineData("[")]    // the table's left border, read as a bracket just before "TT"
    [InlineData("|")]
    public void HeaderWithTheBorderBeforeItsNumberHeadingReadAsAMark_IsStillAHeader(string mark)
    {
        var lines = new List<LayoutLine>
        {
            Line(100, (12, mark + " TT"), (60, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(130, (20, "1"), (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
            Line(160, (20, "2"), (60, "Cáp quang"), (300, "%"), (400, "95")),
        };
        var table = Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)])));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["2", "Cáp quang", "%", "95"], table.Rows[2].Cells.Select(c => c.Text));
    }

    private static LayoutPage Page(int n, string text) =>
        new(n, 595, 842, [Line(100, (60, text))]);
}
