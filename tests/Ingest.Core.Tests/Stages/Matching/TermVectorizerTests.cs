using Ingest.Core.Stages.Matching;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages.Matching;

/// <summary>Wordings of one indicator that must give the matcher the same terms.</summary>
public class TermVectorizerTests
{
    private static readonly TermVectorizer Terms = new(Some.Lexicon);

    private static void SameTerms(string a, string b) =>
        Assert.Equal(Terms.Terms(b).Order(StringComparer.Ordinal), Terms.Terms(a).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("tỉ lệ cán bộ có kĩ năng số", "tỷ lệ cán bộ có kỹ năng số")]
    [InlineData("đại biểu được cập nhật lí lịch số", "đại biểu được cập nhật lý lịch số")]
    [InlineData("Tỉ trọng kinh tế số", "Tỷ trọng kinh tế số")]
    public void ConsonantPlusYOrI_IsOneSpelling(string a, string b) => SameTerms(a, b);

    [Theory]
    [InlineData("quy trình", "qui trình")]
    [InlineData("thủy sản", "thủi sản")]
    public void YAfterAVowel_StaysY(string withY, string withI) =>
        Assert.NotEqual(Terms.Normal(withI), Terms.Normal(withY));

    [Theory]
    [InlineData("DVC trực tuyến", "dịch vụ công trực tuyến")]
    [InlineData("hồ sơ DVC trực tuyến", "hồ sơ dịch vụ công trực tuyến")]
    public void SynonymMadeByAnother_StillUnifies(string a, string b) => SameTerms(a, b);

    [Theory]
    [InlineData("DN sử dụng hóa đơn điện tử", "doanh nghiệp sử dụng hóa đơn điện tử")]
    [InlineData("DNNVV sử dụng nền tảng số", "doanh nghiệp nhỏ và vừa sử dụng nền tảng số")]
    [InlineData("CSDL được số hóa", "cơ sở dữ liệu được số hóa")]
    [InlineData("ứng dụng KHCN, ĐMST và CĐS", "ứng dụng khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số")]
    [InlineData("tỷ trọng TMĐT", "tỷ trọng thương mại điện tử")]
    [InlineData("văn bản của HDND", "văn bản của HĐND")]
    [InlineData("học sinh THCS và THPT", "học sinh trung học cơ sở và trung học phổ thông")]
    [InlineData("dịch vụ công trực tuyến mức độ 4", "dịch vụ công trực tuyến toàn trình")]
    [InlineData("người dùng truy cập băng rộng", "người sử dụng truy cập băng rộng")]
    [InlineData("hộ dân sử dụng cáp quang", "hộ gia đình sử dụng cáp quang")]
    [InlineData("dân cư có điện thoại di động thông minh", "người dân có điện thoại thông minh")]
    [InlineData("kinh tế số chiếm GDP", "kinh tế số chiếm GRDP")]
    [InlineData("chi cho R&D", "chi cho nghiên cứu và phát triển")]
    [InlineData("khu phố được phủ sóng 4G", "thôn được phủ sóng 4G")]
    [InlineData("công chức thành thạo kỹ năng số", "công chức làm chủ kỹ năng số")]
    [InlineData("kết nối IOC", "kết nối trung tâm điều hành thông minh")]
    public void AbbreviationsAndSynonyms_AreOneTerm(string a, string b) => SameTerms(a, b);

    [Theory]
    [InlineData("kinh tế số ở từng ngành", "kinh tế số trong các ngành")]
    [InlineData("đạt 80% trở lên", "đạt 80%")]
    public void Determiners_AreNotTerms(string a, string b) => SameTerms(a, b);
}
