using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

/// <summary>Heading numbers as OCR reads them from faxes and photos are still headings; clean lines that look alike are not.</summary>
public class OcrHeadingTests
{
    [Theory]
    // specks before the number
    [InlineData("_ 2.1. Đến hết năm 2025", "2.1", 3)]
    [InlineData("* 1. Đến năm 2025:", "1", 2)]
    [InlineData(". II. MỤC TIÊU", "II", 1)]
    [InlineData("'_ 2.2. Đến năm 2030", "2.2", 3)]
    // commas for dots
    [InlineData("2,2, Đến hết năm 2030:", "2.2", 3)]
    [InlineData("2,1. Đến hết năm 2025", "2.1", 3)]
    [InlineData("_ 2,2, Đến năm 2030", "2.2", 3)]
    [InlineData(".2, Nâng cao nhận thức, trách nhiệm", "2", 2)]
    [InlineData("_2,Mục tiêu cụ thể. l", "2", 2)]
    // a bullet dash, or several marks, before a heading number (no clean plan writes "- 2.1.")
    [InlineData("- 2.1. Về hạ tăng số .. :", "2.1", 3)]
    [InlineData("-.1. Công tác lãnh đạo, chỉ đạo : :", "1", 2)]
    [InlineData("=4, Đại biếu Hậi đồng nhân dân .", "4", 2)]
    // the space after the dot lost
    [InlineData("_1.Cụ thể hóa Kế hoạch hành động", "1", 2)]
    [InlineData("2.1.Đến hết năm 2025:", "2.1", 3)]
    // a serif I read as l or |
    [InlineData("l- MỤC ĐÍCH, YÊU CẦU", "I", 1)]
    [InlineData("Il - YEU CAU", "II", 1)]
    [InlineData("| - MUC PiCH", "I", 1)]
    [InlineData("I|I. NHIỆM VỤ VÀ GIẢI PHÁP", "III", 1)]
    [InlineData("11. MỤC TIÊU", "II", 1)]
    [InlineData("111 - MUC TIEU", "III", 1)]
    // two bold serif I's run together into an H (a fax at 200 dpi)
    [InlineData("H. MỤC TIÊU", "II", 1)]
    [InlineData("HI. ĐÁNH GIÁ CHUNG", "III", 1)]
    [InlineData("1H. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "III", 1)]
    [InlineData("IH. NHIỆM VỤ", "III", 1)]
    // a lone 1 is the number one
    [InlineData("1. MỤC TIÊU CHUNG", "1", 2)]
    public void Ocr_heading_numbers_are_headings(string line, string number, int rank)
    {
        var h = new HeadingParser(Some.Lexicon).Parse(line);
        Assert.NotNull(h);
        Assert.Equal((number, rank), (h!.Number, h.Rank));
    }

    [Theory]
    // a bullet star or speck before words or a value, not a heading number
    [InlineData("* Tăng cường công tác lãnh đạo")]
    [InlineData("* 80% dịch vụ công trực tuyến đạt mức độ 4")]
    [InlineData("_ a) Về hạ tầng")]
    // a decimal comma is a value
    [InlineData("2,5 tỷ đồng cho hạ tầng số")]
    [InlineData("2,5% dân số")]
    [InlineData("2,5, tăng so với năm trước")]
    // a lower-case l or a bar before a sentence is no Roman number
    [InlineData("l- các xã còn lại")]
    [InlineData("| - Tỷ lệ hộ gia đình")]
    // an H before a sentence, or alone before a title: no Roman number
    [InlineData("H. Tỷ lệ hộ gia đình")]
    [InlineData("HH. MỤC TIÊU")]
    // a dash before a value
    [InlineData("- 2,5% dân số sử dụng")]
    [InlineData("- 100% hồ sơ được xử lý")]
    public void Clean_lines_that_look_alike_are_not_headings(string line) =>
        Assert.Null(new HeadingParser(Some.Lexicon).Parse(line));
}
