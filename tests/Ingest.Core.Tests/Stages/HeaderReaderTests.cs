using Ingest.Core.Model;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

/// <summary>The administrative header, rule by rule: issuer, number, place and date, document type and title.</summary>
public class HeaderReaderTests
{
    private const string Body = "\nKẾ HOẠCH\nChuyển đổi số năm 2026\nCăn cứ Luật Tổ chức chính quyền địa phương;\n";

    private static DocumentHeader Read(string text) => new HeaderReader(Some.Lexicon).Read(text.Split('\n'));

    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN\nXÃ XỐP", "Ủy ban nhân dân xã Xốp")]
    [InlineData("ỦY BAN NHÂN DÂN XÃ IA HRÚ", "Ủy ban nhân dân xã Ia Hrú")]
    // the parent body above the issuer is not the issuer
    [InlineData("ĐẢNG BỘ TỈNH GIA LAI\nĐẢNG ỦY XÃ CHƯ SÊ\n*\nSố 12-KH/ĐU", "Đảng ủy xã Chư Sê")]
    // a Word cell with line breaks: the whole left column in one paragraph
    [InlineData("ĐẢNG BỘ TỈNH QUẢNG NGÃI ĐẢNG ỦY XÃ NAM ĐÀ SƠN * Số 05-NQ/ĐU", "Đảng ủy xã Nam Đà Sơn")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN Số: 412/KH-UBND", "Ủy ban nhân dân tỉnh Bình Nguyên")]
    // OCR reads the two columns side by side
    [InlineData("HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ CHƯ SÊ Độc lập - Tự do - Hạnh phúc", "Hội đồng nhân dân xã Chư Sê")]
    [InlineData("ĐẢNG ỦY XÃ ĐAK ĐOA ĐẢNG CỘNG SẢN VIỆT NAM\nxk\nSố -KH/ĐU", "Đảng ủy xã Đak Đoa")]
    // the term is not part of the issuer, on its line or the next
    [InlineData("HỘI ĐỒNG NHÂN DÂN XÃ KON CHIÊNG KHÓA XIII, NHIỆM KỲ 2021-2026", "Hội đồng nhân dân xã Kon Chiêng")]
    [InlineData("HỘI ĐỒNG NHÂN DÂN XÃ KON CHIÊNG\nKHOÁ XIII, NHIỆM KỲ 2021-2026", "Hội đồng nhân dân xã Kon Chiêng")]
    // a unit of two words, a party committee named after its unit, a body without a unit
    [InlineData("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội")]
    [InlineData("TỈNH ỦY GIA LAI\n*\nSố 09-NQ/TU", "Tỉnh ủy Gia Lai")]
    [InlineData("CHÍNH PHỦ\n--------\nSố: 03/NQ-CP", "Chính phủ")]
    [InlineData("BAN CHẤP HÀNH ĐẢNG BỘ XÃ IA PA", "Ban Chấp hành Đảng bộ xã Ia Pa")]
    [InlineData("THƯỜNG TRỰC HĐND XÃ CHƯ SÊ", "Thường trực HĐND xã Chư Sê")]
    public void Issuer_IsTheBodyNamedInCapitals_WithoutParentOrTerm(string head, string issuer) =>
        Assert.Equal(issuer, Read(head + Body).Issuer);

    [Theory]
    // a signing line names who signs for the body, not the issuer
    [InlineData("TM. BAN THƯỜNG VỤ\nBÍ THƯ")]
    [InlineData("T/M BAN THƯỜNG VỤ")]
    [InlineData("KT. CHỦ TỊCH ỦY BAN NHÂN DÂN")]
    // a sentence that names a body
    [InlineData("Ủy ban nhân dân xã ban hành kế hoạch như sau")]
    public void Issuer_IsNotASigningLineOrASentence(string head) => Assert.Null(Read(head + Body).Issuer);

    [Fact]
    public void Issuer_OfAResolution_MayStandUnderItsTitle_AndPlacesIt()
    {
        var h = Read("NGHỊ QUYẾT\nTriển khai thực hiện Nghị quyết số 57-NQ/TW\nHỘI ĐỒNG NHÂN DÂN XÃ KON CHIÊNG\nKHOÁ XIII, NHIỆM KỲ 2021-2026\nCăn cứ Luật Tổ chức chính quyền địa phương;");
        Assert.Equal("Hội đồng nhân dân xã Kon Chiêng", h.Issuer);
        Assert.Equal("Kon Chiêng", h.Place);
        Assert.Equal("Nghị quyết triển khai thực hiện Nghị quyết số 57-NQ/TW", h.Title);
    }

    [Theory]
    [InlineData("Số: 412/KH-UBND", "412/KH-UBND")]
    [InlineData("Số 05-NQ/ĐU", "05-NQ/ĐU")]
    [InlineData("Số:      /KH-HĐND", "/KH-HĐND")]
    [InlineData("Số         -KH/ĐU", "-KH/ĐU")]
    // the label and the number on two lines, a motto between them (a PDF's reading order)
    [InlineData("Số:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/KH-UBND", "/KH-UBND")]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH BÌNH NGUYÊN Số: 412/KH-UBND", "412/KH-UBND")]
    // OCR: the place and date beside the number, a space inside the number
    [InlineData("Số: /KH-HĐND Chư Sê, ngày 01 tháng 10 năm 2025", "/KH-HĐND")]
    [InlineData("Số: 97 /KH-UBND", "97/KH-UBND")]
    public void Number_IsWhatFollowsTheLabel(string head, string number) =>
        Assert.Equal(number, Read("ỦY BAN NHÂN DÂN\nXÃ XỐP\n" + head + Body).Number);

    [Theory]
    // a document cited in a sentence is not the document's number
    [InlineData("Thành ủy mới đây đã có chương trình hành động cụ thể hóa Nghị quyết số 57-NQ/TW mà Bộ Chính trị ban hành")]
    [InlineData("(GLO)- Kế hoạch số 77/KH-UBND về lộ trình đổi mới công nghệ vừa được ký ban hành.")]
    public void Number_IsNotACitedDocument(string text) => Assert.Null(Read(text).Number);

    [Theory]
    [InlineData("Xốp, ngày 05 tháng 9 năm 2025", "Xốp", "2025-09-05")]
    [InlineData("Số: /KH-HĐND Chư Sê, ngày 01 tháng 10 năm 2025", "Chư Sê", "2025-10-01")]
    [InlineData("Số:        /KH-UBND Xốp, ngày        tháng 9  năm 2025", "Xốp", "2025-09")]
    // split over lines, as a narrow column or a PDF gives it
    [InlineData("Hà Nội, ngày 9\ntháng 1 năm 2025", "Hà Nội", "2025-01-09")]
    [InlineData("Xốp, ngày\ntháng 9 năm 2025", "Xốp", "2025-09")]
    [InlineData("Kon Chiêng, ngày\ntháng\nnăm", "Kon Chiêng", null)]
    [InlineData("Kon Chiêng,ngày tháng năm", "Kon Chiêng", null)]
    // OCR without marks, and a stray mark where the day was left blank
    [InlineData("Chư Sê, ngay 5 thang 3 nam 2025", "Chư Sê", "2025-03-05")]
    [InlineData("Đak Đoa, ngày ˆ tháng 8 năm 2025", "Đak Đoa", "2025-08")]
    // a motto written with capitals right before the place (a Word cell in one paragraph)
    [InlineData("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh Phúc Xốp, ngày 05 tháng 9 năm 2025", "Xốp", "2025-09-05")]
    public void PlaceAndDate_AreReadAsFarAsWritten(string head, string place, string? date)
    {
        var h = Read("ỦY BAN NHÂN DÂN\nXÃ XỐP\n" + head + Body);
        Assert.Equal(place, h.Place);
        Assert.Equal(date, h.Date);
    }

    [Theory]
    // a stray word OCR read before the place: the issuer names the place
    [InlineData("ĐẢNG ỦY XÃ KON CHIÊNG\nTừ Kon Chiêng, ngày 26 tháng 9 năm 2025", "Kon Chiêng")]
    // no place written: the issuer's unit
    [InlineData("ỦY BAN NHÂN DÂN\nXÃ XỐP\nSố: 12/KH-UBND", "Xốp")]
    // a place that is not the issuer's unit stays as written
    [InlineData("CHÍNH PHỦ\nSố: 03/NQ-CP\nHà Nội, ngày 9 tháng 1 năm 2025", "Hà Nội")]
    public void Place_IsTheIssuersUnit_WhenNotWrittenOrWrittenAfterAStrayWord(string head, string place) =>
        Assert.Equal(place, Read(head + Body).Place);

    [Theory]
    // a subject that opens like the body ("Thực hiện …") is still the subject right under the type
    [InlineData("KẾ HOẠCH\nThực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị\ntrên địa bàn tỉnh Bình Nguyên giai đoạn 2026 - 2030\nCăn cứ Luật Tổ chức chính quyền địa phương;",
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị trên địa bàn tỉnh Bình Nguyên giai đoạn 2026 - 2030")]
    // the body's "Thực hiện …" after the subject ends it
    [InlineData("KẾ HOẠCH\nthực hiện Nghị quyết số 57-NQ/TW\ntrên địa bàn xã Chư Sê\nThực hiện Kế hoạch hành động số 32-KH/ĐU ngày 24 tháng 9 năm 2025",
        "Kế hoạch thực hiện Nghị quyết số 57-NQ/TW trên địa bàn xã Chư Sê")]
    // a body that opens by looking back ("Thời gian qua, …") ends it; a place name that wraps the title does not
    [InlineData("CHỈ THỊ\ncủa Ban Thường vụ về chuyển đổi số\ntrong hệ thống chính trị\nThời gian qua, cấp ủy đã quan tâm lãnh đạo chuyển đổi số.", "Chỉ thị của Ban Thường vụ về chuyển đổi số trong hệ thống chính trị")]
    [InlineData("KẾ HOẠCH\nphát triển kinh tế số tỉnh\nĐồng Nai đến năm 2025\nCăn cứ Nghị quyết", "Kế hoạch phát triển kinh tế số tỉnh Đồng Nai đến năm 2025")]
    // Word: the type and the subject in one paragraph; a rule at its end
    [InlineData("KẾ HOẠCH Triển khai phong trào “Bình dân học vụ số”\nCăn cứ Luật Tổ chức chính quyền địa phương;", "Kế hoạch triển khai phong trào “Bình dân học vụ số”")]
    [InlineData("NGHỊ QUYẾT chuyên đề về chuyển đổi số -----\nCăn cứ Điều lệ Đảng;", "Nghị quyết chuyên đề về chuyển đổi số")]
    [InlineData("NGHỊ QUYẾT\nchuyên đề về chuyển đổi số\n-----\nXét Tờ trình số 11-TTr/ĐU", "Nghị quyết chuyên đề về chuyển đổi số")]
    // the enacting body in capitals under a subject in small letters ends it; a heading or "Phần" does
    [InlineData("NGHỊ QUYẾT\nTriển khai Nghị quyết số 57-NQ/TW\nHỘI ĐỒNG NHÂN DÂN XÃ KON CHIÊNG", "Nghị quyết triển khai Nghị quyết số 57-NQ/TW")]
    [InlineData("BÁO CÁO\nKết quả thực hiện 9 tháng năm 2025\nI. CÔNG TÁC LÃNH ĐẠO", "Báo cáo kết quả thực hiện 9 tháng năm 2025")]
    [InlineData("BÁO CÁO\nKết quả thực hiện 9 tháng năm 2025\nPhần I\nKết quả", "Báo cáo kết quả thực hiện 9 tháng năm 2025")]
    [InlineData("KẾ HOẠCH\nChuyển đổi số năm 2026\nĐể triển khai Nghị quyết, Ủy ban nhân dân xã ban hành kế hoạch:", "Kế hoạch chuyển đổi số năm 2026")]
    // a title over several lines, codes broken after their hyphen joined again
    [InlineData("KẾ HOẠCH\nTriển khai Nghị quyết số 57-\nNQ/TW và Kế hoạch số 04-\nKH/ĐU của Đảng ủy xã\nI. MỤC ĐÍCH, YÊU CẦU", "Kế hoạch triển khai Nghị quyết số 57-NQ/TW và Kế hoạch số 04-KH/ĐU của Đảng ủy xã")]
    // OCR's underline marks are not words
    [InlineData("KẾ HOẠCH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW\n_của Bộ Chính trị\nCăn cứ Nghị quyết", "Kế hoạch hành động thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị")]
    // a subject in capitals stays in capitals and ends at a rule
    [InlineData("NGHỊ QUYẾT\nBAN HÀNH CHƯƠNG TRÌNH\nHÀNH ĐỘNG CỦA CHÍNH PHỦ\n________\nCHÍNH PHỦ", "Nghị quyết BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ")]
    public void Title_IsTheTypeAndTheSubjectUpToTheBody(string text, string title) =>
        Assert.Equal(title, Read("ỦY BAN NHÂN DÂN\nXÃ XỐP\nSố: 12/KH-UBND\nXốp, ngày 05 tháng 9 năm 2025\n" + text).Title);

    [Fact]
    public void ANewsReport_HasNoHeader()
    {
        var h = Read("Đến 2030, Việt Nam đặt mục tiêu kinh tế số chiếm ít nhất 30% GDP\n3 ngày trước · Bài gốc\n" +
                     "Thành ủy TP HCM mới đây đã có chương trình hành động cụ thể hóa Nghị quyết số 57-NQ/TW\n" +
                     "(GLO)- Sáng 17-9, Ban Chỉ đạo tỉnh Gia Lai về phát triển KH-CN đã tiến hành phiên họp.");
        Assert.Equal(DocumentHeader.Empty, h);
    }
}
