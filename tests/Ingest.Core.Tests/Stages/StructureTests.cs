using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

public class StructureTests
{
    [Theory]
    [InlineData("I. MỤC ĐÍCH", "I", 1)]
    [InlineData("II- MỤC TIÊU", "II", 1)]
    [InlineData("2.1. Đến hết năm 2025", "2.1", 3)]
    [InlineData("2.3 . Đến hết năm 2035:", "2.3", 3)]
    [InlineData("2.1.1. Phát triển hạ tầng", "2.1.1", 4)]
    [InlineData("a) Về hạ tầng", "a", HeadingParser.LetterRank)]
    public void Headings_AreRecognised(string line, string number, int rank)
    {
        var h = new HeadingParser(Some.Lexicon).Parse(line);
        Assert.NotNull(h);
        Assert.Equal((number, rank), (h!.Number, h.Rank));
    }

    [Theory]
    [InlineData("1 Chỉ tiêu số 2, mục 2.2")]
    [InlineData("100% hồ sơ được xử lý")]
    [InlineData("22/12/2024 của Bộ Chính trị")]
    public void NonHeadings_AreNot(string line) => Assert.Null(new HeadingParser(Some.Lexicon).Parse(line));

    [Theory]
    [InlineData("Đến hết năm 2025", 2025)]
    [InlineData("Định hướng đến năm 2045", 2045)]
    [InlineData("Giai đoạn 2025-2027", 2027)]
    [InlineData("CÁC CHỈ TIÊU CỤ THỂ ĐẾN NĂM 2030", 2030)]
    // a "năm" year anywhere in a heading dates what it heads
    [InlineData("CHỈ TIÊU NĂM 2026", 2026)]
    [InlineData("Dự kiến mục tiêu năm 2027", 2027)]
    [InlineData("KẾT QUẢ THỰC HIỆN NĂM 2025", 2025)]
    public void BlockYears_AreRead(string title, int year) => Assert.Equal(year, new CueFinder(Some.Lexicon).BlockYear(title));

    [Fact]
    public void DateIsNotADeadline() => Assert.Null(new CueFinder(Some.Lexicon).BlockYear("Kế hoạch ngày 22 tháng 12 năm 2024"));

    [Theory]
    // a term or a reference names no year of the heading's contents
    [InlineData("Chương trình hành động nhiệm kỳ 2025 - 2030 của Đảng bộ")]
    [InlineData("Tình hình thực hiện so với năm 2024")]
    // two years: the heading heads both
    [InlineData("KẾT QUẢ THỰC HIỆN NĂM 2025 VÀ NHIỆM VỤ NĂM 2026")]
    // a numbered item with figures dates its own figures
    [InlineData("Tỷ lệ hồ sơ giải quyết quá hạn giảm còn dưới 1%; năm 2027 giảm xuống còn 3%")]
    public void ReferenceYearsInAHeading_AreNoBlockYear(string title) => Assert.Null(new CueFinder(Some.Lexicon).BlockYear(title));

    [Fact]
    public void MisnumberedSubheading_NestsUnderTheBlockItSitsIn()
    {
        var r = Some.Extract("2.2. Đến hết năm 2030\n2.2.1. Hạ tầng\n- 100% thôn có sóng 4G.\n2.1.3. Chuyển đổi số\n- 100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.\n");
        Assert.All(r.Targets, t => Assert.Equal(2030, t.Candidate.Year));
        Assert.Equal(2, r.Targets.Count);
    }

    [Theory]
    // as pdftotext's plain text gives the reference, and as the PDF reader sets it: superscript digits
    [InlineData("90%1", "1")]
    [InlineData("90%¹", "¹")]
    [InlineData("90%¹²", "¹²")]
    public void FootnoteInTheMiddleOfAParagraph_IsTakenOut(string value, string marker)
    {
        var r = Some.Extract($"Đến năm 2025:\n- Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công trên tổng số giao dịch đạt {value}. Tỷ lệ hồ sơ được số hóa đạt\n{marker} Chỉ tiêu số 4, mục 2.2 tại Kế hoạch số 15/KH-UBND.\ntrên 95%.\n");
        Assert.Equal([90.0, 95.0], r.Targets.Select(t => t.Candidate.Value!.Value));
        var footnote = Assert.Single(r.Document.Paragraphs, p => p.Role == TextRole.Footnote);
        Assert.StartsWith(marker + " Chỉ tiêu số 4", footnote.Text);
        Assert.Contains(r.Document.Paragraphs, p => p.Text.EndsWith("được số hóa đạt trên 95%.", StringComparison.Ordinal));
    }
    [Fact]
    public void Header_IsRead()
    {
        var r = Some.Extract("ỦY BAN NHÂN DÂN\nXÃ XỐP\nSố: 12/KH-UBND\nXốp, ngày 05 tháng 9 năm 2025\nKẾ HOẠCH\nTriển khai Nghị quyết 57\nThực hiện Nghị quyết ...\n");
        Assert.Equal("Ủy ban nhân dân xã Xốp", r.Document.Header.Issuer);
        Assert.Equal("2025-09-05", r.Document.Header.Date);
        Assert.Equal("Xốp", r.Document.Header.Place);
        Assert.Equal("12/KH-UBND", r.Document.Header.Number);
        Assert.Equal("Kế hoạch triển khai Nghị quyết 57", r.Document.Header.Title);
    }

    [Theory]
    // the place follows capitals that end the line before it, or is split from its date
    [InlineData("ĐẢNG BỘ TỈNH GIA LAI\nĐẢNG CỘNG SẢN VIỆT NAM\nIa Grai, ngày 12 tháng 10 năm 2025\n", "Ia Grai", "2025-10-12")]
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nPhú Thiện, ngày 3 tháng 11 năm 2025\n", "Phú Thiện", "2025-11-03")]
    [InlineData("ỦY BAN NHÂN DÂN\nXÃ IA HRÚ\nIa Hrú, ngày 20\ntháng 8 năm 2025\n", "Ia Hrú", "2025-08-20")]
    public void Header_PlaceStaysOnItsLine(string head, string place, string date)
    {
        var r = Some.Extract(head + "KẾ HOẠCH\nChuyển đổi số năm 2025\nThực hiện Nghị quyết ...\n");
        Assert.Equal(place, r.Document.Header.Place);
        Assert.Equal(date, r.Document.Header.Date);
    }
}
