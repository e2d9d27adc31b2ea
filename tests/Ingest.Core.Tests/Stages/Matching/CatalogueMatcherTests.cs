using Ingest.Core.Catalogue;
using Ingest.Core.Stages.Extract;
using Ingest.Core.Stages.Matching;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages.Matching;

/// <summary>Indicator texts in wordings the catalogue does not hold, and what the matcher must make of them.</summary>
public class CatalogueMatcherTests
{
    internal static readonly CatalogueMatcher Matcher = new(IndicatorCatalogue.Default, Some.Lexicon);

    private static string? Code(string text, UnitClass unit = UnitClass.Percent, string? noun = null) =>
        Matcher.Best(text, unit, new MatchOptions().MinScore, noun)?.Code;

    [Theory]
    [InlineData("Tỷ lệ hộ kinh doanh sử dụng hợp đồng điện tử", "KTS.DN_HOP_DONG_DIEN_TU")]
    [InlineData("Tỷ lệ tiểu thương có tài khoản giao dịch tại ngân hàng", "XHS.TAI_KHOAN_NGAN_HANG")]
    [InlineData("Tỷ lệ cán bộ, công chức có chữ ký số hoặc chữ ký điện tử cá nhân", "XHS.CHU_KY_SO_DAN")]
    [InlineData("Tỷ lệ người cao tuổi có điện thoại thông minh", "XHS.DIEN_THOAI_THONG_MINH")]
    [InlineData("Tỷ lệ trẻ em dưới 6 tuổi được cấp mã số định danh cá nhân", "XHS.DINH_DANH_SO")]
    [InlineData("Tỷ lệ cơ sở lưu trú sử dụng phần mềm quản lý", "NL.CBCC_PHAN_MEM_DIEU_HANH")]
    public void AnotherPopulation_IsNotTheEntry(string text, string not) => Assert.NotEqual(not, Code(text));

    [Theory]
    [InlineData("Tỷ lệ thôn, bản được phủ sóng băng rộng di động 5G", "HT.4G_THON")]
    [InlineData("Tỷ lệ học sinh mầm non được trang bị kỹ năng số", "NL.HOC_SINH_KY_NANG_SO")]
    [InlineData("Tỷ lệ văn bản của UBND được xử lý trên hệ thống quản lý văn bản điện tử", "HDND.VAN_BAN_DIEN_TU")]
    [InlineData("cơ quan hành chính của xã kết nối với Hệ thống thông tin báo cáo của huyện", "HDND.DIEN_TOAN_DAM_MAY")]
    // digital government is the administration's work (the catalogue's own group), not the council's
    [InlineData("Xây dựng chính quyền số: tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng", "HDND.VAN_BAN_DIEN_TU")]
    // a share of each sector is not a share of the whole economy
    [InlineData("Ở từng ngành, lĩnh vú, kinh tế số chiếm tỷ trọng", "KTS.KINH_TE_SO_GRDP")]   // "lĩnh vú": OCR's
    [InlineData("Số trung tâm đổi mới sáng tạo được thành lập", "HT.TRUNG_TAM_DU_LIEU")]
    [InlineData("Tỷ lệ người dân trưởng thành sử dụng dịch vụ số", "CQS.DVC_TY_LE_SU_DUNG")]
    [InlineData("Thành lập mới 15 doanh nghiệp khoa học và công nghệ", "KTS.DN_CONG_NGHE_SO", UnitClass.Count)]
    [InlineData("Số doanh nghiệp KH&CN được cấp giấy chứng nhận", "KTS.DN_CONG_NGHE_SO", UnitClass.Count)]
    public void AnotherKindOfTheSameThing_IsNotTheEntry(string text, string not, UnitClass unit = UnitClass.Percent) => Assert.NotEqual(not, Code(text, unit));

    [Theory]
    [InlineData("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", "CQS.HO_SO_XU_LY_TRUC_TUYEN")]
    [InlineData("Thời gian xử lý hồ sơ trực tuyến", "CQS.HO_SO_XU_LY_TRUC_TUYEN")]
    [InlineData("Tỷ lệ doanh nghiệp chưa sử dụng hóa đơn điện tử", "KTS.DN_HOA_DON_DIEN_TU")]
    [InlineData("Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công trực tuyến", "CQS.DVC_TY_LE_SU_DUNG")]
    [InlineData("Mức tăng tỷ trọng thương mại điện tử trong tổng mức bán lẻ so với cùng kỳ", "KTS.TMDT_BAN_LE")]
    [InlineData("Tốc độ tăng trưởng kinh tế số trong GRDP", "KTS.KINH_TE_SO_GRDP")]
    [InlineData("Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ", "CQS.THANH_TOAN_TRUC_TUYEN")]
    [InlineData("Tỷ lệ lao động qua đào tạo", "NL.LAO_DONG_KY_NANG_SO")]   // trained at all, not trained in digital skills
    [InlineData("Tỷ lệ hộ gia đình được gắn mã địa chỉ số", "HT.CAP_QUANG_HO_GIA_DINH")]
    [InlineData("Xếp hạng Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)", "XH.NANG_LUC_CANH_TRANH_SO")]
    public void AnotherMeasure_IsNotTheEntry(string text, string not) => Assert.NotEqual(not, Code(text));

    [Theory]
    [InlineData("Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "KTS.DNNVV_NEN_TANG_SO")]
    [InlineData("Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "XHS.CHU_KY_SO_DAN")]
    [InlineData("Tỷ lệ hộ dân sử dụng Internet cáp quang", "HT.CAP_QUANG_HO_GIA_DINH")]
    [InlineData("Tỷ lệ thôn, bản được phủ sóng di động 4G", "HT.4G_THON")]
    [InlineData("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến", "CQS.HO_SO_XU_LY_TRUC_TUYEN")]
    [InlineData("Tỷ lệ học sinh trung học cơ sở được trang bị kỹ năng số", "NL.HOC_SINH_KY_NANG_SO")]
    [InlineData("Tỷ lệ văn bản của HĐND được xử lý trên môi trường điện tử", "HDND.VAN_BAN_DIEN_TU")]
    [InlineData("Tỷ lệ khu dân cư được phủ sóng di động 4G", "HT.4G_THON")]
    [InlineData("Tỷ lệ người dân trưởng thành dùng dịch vụ công trực tuyến", "CQS.DVC_TY_LE_SU_DUNG")]
    [InlineData("Tỷ lệ dân số được sử dụng dịch vụ di động 5G", "HT.5G_PHU_SONG")]
    [InlineData("Tỷ lệ văn bản đi, đến được xử lý trên môi trường điện tử", "CQS.VAN_BAN_HO_SO_DIEN_TU")]
    public void SamePopulationAndMeasure_StillMatches(string text, string code) => Assert.Equal(code, Code(text));

    [Theory]
    [InlineData("Tỷ lệ người dân có định danh số", "XHS.DINH_DANH_SO")]
    [InlineData("người dân có định danh", "XHS.DINH_DANH_SO")]
    public void PercentOfPeople_FitsACountPerHead(string text, string code) => Assert.Equal(code, Code(text));

    [Theory]
    [InlineData("Số camera kết nối với trung tâm dữ liệu dùng chung", "camera", "HT.TRUNG_TAM_DU_LIEU")]
    [InlineData("Số hội nghị giám sát chuyên đề về chuyển đổi số", "hội nghị", "HDND.GIAM_SAT_CHUYEN_DE")]
    [InlineData("Số sản phẩm của doanh nghiệp công nghệ số", "sản phẩm", "KTS.DN_CONG_NGHE_SO")]
    public void CountOfAnotherNoun_IsNotTheEntry(string text, string noun, string not) =>
        Assert.NotEqual(not, Code(text, UnitClass.Count, noun));

    [Theory]
    [InlineData("Số trung tâm dữ liệu dùng chung được hình thành", "trung tâm", "HT.TRUNG_TAM_DU_LIEU")]
    [InlineData("Số cuộc giám sát chuyên đề về chuyển đổi số", "cuộc", "HDND.GIAM_SAT_CHUYEN_DE")]
    [InlineData("Số doanh nghiệp công nghệ số", "doanh nghiệp", "KTS.DN_CONG_NGHE_SO")]
    [InlineData("Số doanh nghiệp công nghệ số", null, "KTS.DN_CONG_NGHE_SO")]
    // a unit cell OCR garbled names no noun to contradict the entry with
    [InlineData("Hình thành các Trung tâm dữ liệu chung của xã", "TH liệu thành xã", "HT.TRUNG_TAM_DU_LIEU")]
    public void CountOfTheSameNoun_StillMatches(string text, string? noun, string code) =>
        Assert.Equal(code, Code(text, UnitClass.Count, noun));

    [Fact]
    public void ContrastProfile_NamesMembersOnWholeWords()
    {
        // "cơ bản" and "văn bản" hold no village ("bản"), "kinh doanh" is not "doanh nghiệp"
        var p = Matcher.Profile("văn bản về kỹ năng số cơ bản cho hộ kinh doanh");
        var village = Matcher.Profile("thôn");
        var firm = Matcher.Profile("doanh nghiệp");
        Assert.DoesNotContain(village.Members.Single(), p.Members);
        Assert.DoesNotContain(firm.Members.Single(), p.Members);
    }
}
