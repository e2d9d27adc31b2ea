using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

/// <summary>Targets in prose (ranks in words, counted units, decreases, budgets) and tables of other layouts.</summary>
public class ValueAndTableTests
{
    private static readonly ValueScanner Scanner = new(Some.Lexicon);

    private static TableCell C(string text, int span = 1) => new([new SourceLine(1, 1, text)], span);

    /// <summary>A Word table read as a document dated December 2025 would read it: its columns and its candidates.</summary>
    private static (StructuredTable Structured, IReadOnlyList<TargetCandidate> Got) ExtractTable(TableBlock table)
    {
        var structured = new TableInterpreter(new TableHeaderRecogniser(Some.Lexicon, new CueFinder(Some.Lexicon))).Interpret(table, null);
        var got = new ExtractStage(Some.Lexicon).Run(new StructuredDocument(
            new LoadedDocument("t", SourceFormat.Docx, "0", 1, false, [table], []), new DocumentHeader(null, null, null, null, "2025-12-01"),
            [], [], [structured], RepairSummary.None) { DocumentYear = 2025 });
        return (structured, got);
    }

    [Theory]
    [InlineData("Việt Nam vào nhóm 50 quốc gia đứng đầu về công nghệ thông tin", 50, "rank", "<=")]
    [InlineData("thuộc nhóm 10 tỉnh, thành phố dẫn đầu cả nước", 10, "rank", "<=")]
    [InlineData("xã thuộc nhóm 15 xã, phường có Chỉ số chuyển đổi số cao nhất tỉnh", 15, "rank", "<=")]
    [InlineData("lọt vào nhóm 100 thành phố có hệ sinh thái khởi nghiệp năng động nhất thế giới", 100, "rank", "<=")]
    [InlineData("nằm trong nhóm 20 địa phương có chỉ số cải cách hành chính cao nhất cả nước", 20, "rank", "<=")]
    [InlineData("Chỉ số DTI xếp thứ 38/63 tỉnh, thành phố", 38, "rank", "=")]
    // a rank that ends its sentence
    [InlineData("Năm 2027, chỉ số chuyển đổi số của xã xếp thứ 30/68.", 30, "rank", "=")]
    [InlineData("xếp hạng về an toàn thông tin mạng nằm trong Top 15 toàn quốc", 15, "rank", "<=")]
    [InlineData("doanh thu thương mại điện tử vượt 3.500 tỷ đồng", 3500, "tỷ đồng", ">")]
    [InlineData("GRDP của tỉnh đạt 240.000 tỷ đồng", 240000, "tỷ đồng", "=")]
    [InlineData("doanh thu thương mại điện tử B2C đạt khoảng 1 tỷ USD", 1, "tỷ USD", "~")]
    [InlineData("GRDP bình quân đầu người đạt khoảng 8.500 USD", 8500, "USD", "~")]
    [InlineData("đón 15 triệu lượt khách du lịch", 15, "triệu lượt", "=")]
    [InlineData("tốc độ kết nối di động phải đạt tối thiểu 100Mbps", 100, "Mbps", ">=")]
    [InlineData("thời gian khôi phục khi xảy ra sự cố tối đa 4 giờ", 4, "giờ", "<=")]
    [InlineData("nâng tổng dung lượng các tuyến cáp biển lên tối thiểu 350 Tbps", 350, "Tbps", ">=")]
    [InlineData("tỷ lệ hộ gia đình chưa có thiết bị giảm xuống dưới 3%", 3, "%", "<")]
    [InlineData("thời gian giải quyết không quá 3 ngày làm việc", 3, "ngày làm việc", "<=")]
    [InlineData("tập huấn cho tối thiểu 200 người khuyết tật về kỹ năng số", 200, "người", ">=")]
    [InlineData("hỗ trợ từ 30 đến 40 hộ kinh doanh bán hàng trực tuyến", 30, "hộ", "range")]
    [InlineData("phấn đấu đạt từ 40 hộ sử dụng dịch vụ số", 40, "hộ", ">=")]
    [InlineData("hướng dẫn từ 50 người trở lên mỗi đợt", 50, "người", ">=")]
    [InlineData("tỷ lệ hồ sơ trực tuyến tối thiểu là 60%", 60, "%", ">=")]
    [InlineData("hướng dẫn ít nhất là 3.000 người dân", 3000, "người", ">=")]
    [InlineData("tỷ lệ thanh toán không dùng tiền mặt đạt trên 80%", 80, "%", ">")]
    [InlineData("tỷ lệ hồ sơ gửi cấp trên đạt 100%", 100, "%", "=")]
    // the plan is what is counted, not what the figure is measured against
    [InlineData("phấn đấu 100% kế hoạch, báo cáo của xã được ký số", 100, "%", "=")]
    [InlineData("toàn xã hiện có 27 hộ kinh doanh bán hàng trên sàn thương mại điện tử", 27, "hộ kinh doanh", "=")]
    [InlineData("xây dựng 03 chợ thanh toán không dùng tiền mặt", 3, "chợ", "=")]
    [InlineData("tiếp nhận 3.412 hồ sơ trực tuyến", 3412, "hồ sơ", "=")]
    [InlineData("phát triển 1.250 tài khoản thanh toán trực tuyến", 1250, "tài khoản", "=")]
    [InlineData("xây dựng 05 (năm) mô hình chợ 4.0", 5, "mô hình", "=")]
    // a part of a whole counts its part
    [InlineData("hiện nay 09/12 thôn có điểm phát wifi công cộng", 9, "thôn", "=")]
    [InlineData("phấn đấu 18/18 khu dân cư có tổ công nghệ số cộng đồng", 18, "khu", "=")]
    // a level that grows by a multiple, or a plain count by which it grows
    [InlineData("số giao dịch không dùng tiền mặt tăng gấp 2 lần so với năm 2025", 2, "lần", "=")]
    [InlineData("doanh thu bán hàng trực tuyến tăng lên gấp 3 lần", 3, "lần", "=")]
    [InlineData("bình quân mỗi năm tăng thêm 1.500 người", 1500, "người", "=")]
    [InlineData("có 46 hộ bán hàng trên sàn, tăng 18 hộ so với năm 2024", 18, "hộ", "=")]
    // a plain count that a task serves, or whose counted do or undergo something
    [InlineData("hướng dẫn 500 hộ trồng cà phê bán hàng trực tuyến", 500, "hộ", "=")]
    [InlineData("1.500 người cao tuổi được hướng dẫn sử dụng điện thoại thông minh", 1500, "người", "=")]
    [InlineData("có thêm 1.354 người dân được kích hoạt tài khoản định danh", 1354, "người", "=")]
    [InlineData("thời gian cấp phép cho tàu cá xuất bến tối đa 30 phút", 30, "phút", "<=")]
    [InlineData("hiện đã có 12 bộ dữ liệu mở được công bố trên Cổng dữ liệu của tỉnh", 12, "bộ dữ liệu", "=")]
    [InlineData("mỗi năm tổ chức ít nhất 01 ngày hội khởi nghiệp đổi mới sáng tạo cấp tỉnh", 1, "ngày hội", ">=")]
    // a capitalised counted noun in a sentence: "Trung tâm dữ liệu tỉnh" is a name, the count is of it
    [InlineData("hình thành 01 Trung tâm dữ liệu tỉnh đạt tiêu chuẩn Tier III", 1, "trung tâm", "=")]
    [InlineData("thành lập mới 02 Trung tâm đổi mới sáng tạo", 2, "trung tâm", "=")]
    // plans as what a share counts, with no verb of a ratio before it
    [InlineData("100% kế hoạch, đề án chuyển đổi số của xã được công khai trên cổng thông tin", 100, "%", "=")]
    // establishments counted ("cơ sở dữ liệu" keeps its own unit)
    [InlineData("xã đã hỗ trợ 17 cơ sở sản xuất, kinh doanh đưa sản phẩm lên sàn thương mại điện tử", 17, "cơ sở", "=")]
    [InlineData("hình thành 03 cơ sở dữ liệu chuyên ngành", 3, "cơ sở dữ liệu", "=")]
    // a committed count of a noun no list names
    [InlineData("thu hút tối thiểu 3 tập đoàn công nghệ lớn", 3, "tập đoàn", ">=")]
    // a share of a cost with no word of support before it is a target
    [InlineData("cắt giảm tối thiểu 30% chi phí tuân thủ thủ tục hành chính", 30, "%", ">=")]
    [InlineData("giải ngân 100% kinh phí được giao cho chuyển đổi số", 100, "%", "=")]
    [InlineData("mỗi năm đào tạo khoảng 5.000 kỹ sư công nghệ số", 5000, "kỹ sư", "~")]
    [InlineData("công bố từ 200 bộ dữ liệu mở trở lên", 200, "bộ", ">=")]
    [InlineData("cấp từ 25 đến 30 nhãn hiệu chứng nhận", 25, "nhãn hiệu", "range")]
    // one that runs into the next figure qualifies that figure's indicator
    [InlineData("số hộ gia đình có ít nhất 01 thành viên sử dụng dịch vụ công trực tuyến đạt 3.500 hộ", 3500, "hộ", "=")]
    public void ProseValue_IsRead(string text, double value, string unit, string cmp)
    {
        var v = Assert.Single(Scanner.Scan(text));
        Assert.Equal((value, cmp), (v.Value!.Value, v.Comparator));
        Assert.StartsWith(unit, v.Unit);
    }

    [Theory]
    // a group is a rank only with a word that puts it ahead of others, not any "nhất"
    [InlineData("mỗi nhóm 5 người được tập huấn ít nhất một lần")]
    [InlineData("thành lập nhóm 3 thành viên thống nhất toàn quốc")]
    [InlineData("thành lập nhóm 5 thành viên hỗ trợ người dân, xã có dịch vụ tốt nhất cả nước")]
    public void AGroupWithoutALeaderIsNoRank(string text) =>
        Assert.DoesNotContain(Scanner.Scan(text), v => v.Unit == "rank");

    [Theory]
    [InlineData("≥ 90", 90, null, ">=")]
    [InlineData("75 - 80", 75, 80.0, "range")]
    [InlineData("Khoảng 95", 95, null, "~")]
    [InlineData("< 0,5", 0.5, null, "<")]
    [InlineData("06", 6, null, "=")]
    public void BareCell_IsReadInTheColumnsUnit(string cell, double value, double? max, string cmp)
    {
        var v = Scanner.ScanBare(cell, UnitClass.Percent, "%");
        Assert.Equal((value, max, cmp), (v!.Value!.Value, v.Max, v.Comparator));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("Thường xuyên")]
    [InlineData("Quý IV/2025")]
    public void CellWithoutAFigure_GivesNone(string cell) => Assert.Null(Scanner.ScanBare(cell, UnitClass.Percent, "%"));

    [Theory]
    // the figure "từ" opens before a rise is where the rise starts: a level as it is, not a floor
    [InlineData("tỷ lệ thanh toán trực tuyến tăng từ 40% lên trên 70%")]
    [InlineData("số sản phẩm OCOP tăng từ 04 sản phẩm (năm 2025) lên 08 sản phẩm")]
    [InlineData("số hộ dùng cáp quang tăng từ 2.140 hộ (năm 2025) lên 2.800 hộ")]
    public void StartOfARise_IsALevelAsItIs(string text)
    {
        var first = Scanner.Scan(text)[0];
        Assert.Equal(("=", true), (first.Comparator, first.StartsARise));
    }

    [Theory]
    [InlineData("có 38/41 cán bộ, công chức, 12/12 thôn được tập huấn, đạt 92,7%", 92.7)]
    [InlineData("100% cán bộ, công chức xã (31/31 người) được tập huấn", 100)]
    [InlineData("toàn xã có 9.215 người dân trưởng thành có tài khoản định danh điện tử, đạt 87,5%", 87.5)]
    // one of something a minimum names is part of the percentage's indicator
    [InlineData("100% cán bộ, công chức có ít nhất 01 chứng chỉ kỹ năng số", 100)]
    [InlineData("100% hộ gia đình có ít nhất 01 thành viên biết sử dụng điện thoại thông minh", 100)]
    public void PartBesideAPercentage_LeavesThePercentage(string text, double value) =>
        Assert.Equal(value, Assert.Single(Scanner.Scan(text)).Value);

    [Fact]
    public void CountRange_IsOneRange()
    {
        var v = Assert.Single(Scanner.Scan("mỗi năm hỗ trợ từ 10 đến 15 dự án khởi nghiệp"));
        Assert.Equal((10.0, 15.0, "range"), (v.Value!.Value, v.Max!.Value, v.Comparator));
    }

    [Theory]
    [InlineData("có khả năng truy cập băng rộng cố định với tốc độ trên 1 Gb/s")]
    [InlineData("hợp nhất 03 xã cũ của huyện")]
    [InlineData("3.126/3.348 cán bộ, công chức")]
    [InlineData("nhóm 3 giải pháp quan trọng nhất")]
    [InlineData("toàn xã có 8.640 người, 2.115 hộ")]
    [InlineData("lấy ý kiến từ 25 người dân tại mỗi thôn")]
    // how much of the plan is done
    [InlineData("đã triển khai 45/52 nhiệm vụ được giao, đạt 86,5% kế hoạch")]
    [InlineData("giải ngân đạt 72% so với kế hoạch năm")]
    [InlineData("tiến độ giải ngân còn chậm, mới đạt 46% kế hoạch vốn năm 2026")]
    [InlineData("kinh phí đã giải ngân đạt 87% dự toán được giao")]
    [InlineData("đã triển khai 45/52 nhiệm vụ được giao")]
    [InlineData("hoàn thành 06/10 lớp tập huấn theo kế hoạch")]
    // a multiple that compares two things rather than a level over time
    [InlineData("tốc độ tải xuống của trạm 5G nhanh gấp 10 lần 4G")]
    [InlineData("ngày 12/12 người dân được hướng dẫn")]
    // time, age and area after a comparator count no thing; a "từ" with no closing words commits to nothing
    [InlineData("thời gian xử lý khoảng 2 tháng")]
    [InlineData("lao động trên 15 tuổi")]
    [InlineData("diện tích trên 1 ha đất trồng trọt")]
    [InlineData("lấy ý kiến từ 25 chuyên gia trong tỉnh")]
    // a share of a cost is a rate of support
    [InlineData("hỗ trợ 50% chi phí thuê dịch vụ phần mềm cho hợp tác xã")]
    [InlineData("mức hỗ trợ tối đa 30% chi phí đổi mới công nghệ")]
    // a "từ" that opens nothing says where the counted come from, whatever they do
    [InlineData("lấy ý kiến từ 25 người dân có điện thoại thông minh")]
    // a capital after a figure that no sentence runs into starts the next cell of a flattened table
    [InlineData("Tỷ lệ xã có điểm phục vụ   80 Trung tâm phục vụ hành chính công")]
    [InlineData("80 Trung tâm phục vụ hành chính công")]
    // a ratio to the plan that a verb brings ends at a comma too
    [InlineData("tiến độ giải ngân đạt 92% kế hoạch, tương ứng với yêu cầu đề ra")]
    [InlineData("tổ chức 16/15 lớp, đạt 106,7% kế hoạch, với nhiều lượt người tham gia")]
    public void DefiningOrCountingNumber_IsNoValue(string text) => Assert.Empty(Scanner.Scan(text));

    [Theory]
    // a count that nothing dates, makes recur or calls an aim or a result describes the place
    [InlineData("Xã có diện tích tự nhiên 86,4 km2, dân số hơn 31.500 người.", 0)]
    [InlineData("Dự Đại hội có 185 đại biểu đại diện cho 1.420 đảng viên sinh hoạt tại 38 chi bộ trực thuộc.", 0)]
    [InlineData("Phường có 34 tổ dân phố.", 0)]
    // dated, recurring, called an aim or a result: kept
    [InlineData("Hằng năm tổ chức ít nhất 05 lớp bồi dưỡng kỹ năng số cho người dân.", 1)]
    [InlineData("Đến nay, xã có 23 hộ kinh doanh bán hàng trên sàn thương mại điện tử.", 1)]
    [InlineData("Phấn đấu có 05 doanh nghiệp công nghệ số hoạt động trên địa bàn.", 1)]
    [InlineData("Năm 2027, thành lập 02 tổ công nghệ số cộng đồng.", 1)]
    public void UndatedCount_IsAFactNotATarget(string text, int targets) => Assert.Equal(targets, Some.Candidates(text).Count());

    [Theory]
    // the share of a vote is no target
    [InlineData("Đồng chí Lê Văn Thành được bầu làm Bí thư Đảng ủy xã với 100% số phiếu.", 0)]
    [InlineData("Nghị quyết Đại hội được 185/185 đại biểu biểu quyết tán thành, đạt 100%.", 0)]
    // an electronic vote is a measure of its own
    [InlineData("Đến năm 2026, 100% kỳ họp Hội đồng nhân dân xã sử dụng hệ thống biểu quyết điện tử.", 1)]
    // a vote word in another clause of the sentence is another figure's
    [InlineData("Đến năm 2030, 95% hồ sơ được xử lý trực tuyến; Đại hội biểu quyết tán thành.", 1)]
    [InlineData("Đại hội biểu quyết tán thành Nghị quyết; đến năm 2030, 95% hồ sơ được xử lý trực tuyến.", 1)]
    public void VoteShare_IsNotATarget(string text, int targets) => Assert.Equal(targets, Some.Candidates(text).Count());

    [Theory]
    // how a body is made up is no target
    [InlineData("Năm 2026, bảo đảm 100% thôn có Tổ công nghệ số cộng đồng hoạt động, mỗi tổ gồm từ 5 đến 7 thành viên.", new[] { 100.0 })]
    [InlineData("Năm 2026, thành lập Tổ công tác gồm 07 thành viên.", new double[0])]
    // a count that the verb commits to is one
    [InlineData("Năm 2026, thành lập 07 tổ công nghệ số cộng đồng.", new[] { 7.0 })]
    public void Composition_IsNotATarget(string text, double[] values) => Assert.Equal(values, Some.Candidates(text).Select(c => c.Value!.Value));

    [Fact]
    public void Budget_IsNotATarget()
    {
        Assert.Empty(Some.Candidates("Mỗi năm bố trí khoảng 300 triệu đồng từ ngân sách xã cho chuyển đổi số."));
        Assert.Empty(Some.Candidates("Mức hỗ trợ 20 triệu đồng/hợp tác xã tham gia sàn thương mại điện tử."));
        Assert.Empty(Some.Candidates("6. Kinh phí dự kiến 350 triệu đồng (năm 2026: 130 triệu đồng; năm 2027: 110 triệu đồng), từ ngân sách xã."));
        Assert.Empty(Some.Candidates("Tổng nguồn lực dự kiến để thực hiện Chiến lược khoảng 12.500 tỷ đồng, trong đó ngân sách nhà nước khoảng 3.800 tỷ đồng."));
        // money a sentence about disbursing funds names is spending
        Assert.Empty(Some.Candidates("Tuy nhiên, tiến độ giải ngân vốn cho các dự án chuyển đổi số còn chậm (tương đương 118 tỷ đồng)."));
        Assert.Single(Some.Candidates("Đến năm 2030, GRDP của tỉnh đạt 240.000 tỷ đồng."));
        // the resources a sentence mobilises are not what its figure measures
        Assert.Single(Some.Candidates("Huy động nguồn lực xã hội hóa; đến năm 2030, doanh thu thương mại điện tử đạt 200 tỷ đồng."));
    }

    [Theory]
    // a row per year and a column per indicator reads as a row per indicator under year columns
    [InlineData(true)]
    // a table whose first column holds no years stays as it is
    [InlineData(false)]
    public void YearRowsTable_IsReadAsYearColumns(bool yearRows)
    {
        string[] firsts = yearRows ? ["Thực hiện năm 2025", "Năm 2026", "Năm 2030"] : ["Phòng Kinh tế", "Phòng Nội vụ", "Công an xã"];
        var table = new TableBlock(
        [
            new TableRow([C("Năm"), C("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình (%)"), C("Số tổ công nghệ số cộng đồng (tổ)")], IsHeader: true),
            new TableRow([C(firsts[0]), C("58"), C("10")]),
            new TableRow([C(firsts[1]), C("70"), C("12")]),
            new TableRow([C(firsts[2]), C("≥ 95"), C("15")]),
        ], 1);
        var got = ExtractTable(table).Got;
        if (!yearRows)
        {
            Assert.DoesNotContain(got, c => c.Year is 2025 or 2026 or 2030);
            return;
        }
        Assert.Equal(
            [(58, "%", 2025, TargetKind.Baseline), (70, "%", 2026, TargetKind.Target), (95, "%", 2030, TargetKind.Target),
             (10, "tổ", 2025, TargetKind.Baseline), (12, "tổ", 2026, TargetKind.Target), (15, "tổ", 2030, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Unit, c.Year!.Value, c.Kind)));
        Assert.Equal("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình (%)", got[0].Indicator);
    }

    [Theory]
    [InlineData("Hằng năm", null, true)]                       // a note of how often: the row's figure recurs
    [InlineData("", 2030, false)]                               // no note: the heading's year
    [InlineData("Năm 2025 ước đạt 2,5%", 2030, false)]          // a note with a figure of its own speaks for that figure only
    [InlineData("Báo cáo kết quả hằng năm", 2030, false)]       // a note of more than how often: the reporting recurs, not the figure
    public void ANoteOfHowOften_MakesTheRowsFigureRecur(string note, int? year, bool annual)
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Tên chỉ tiêu"), C("Đơn vị tính"), C("Chỉ tiêu đến năm 2030"), C("Ghi chú")], IsHeader: true),
            new TableRow([C("1"), C("Chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"), C("%"), C("Tối thiểu 3"), C(note)]),
        ], 1);
        var got = ExtractTable(table).Got.First(c => c.Value == 3);
        Assert.Equal((year, annual), (got.Year, got.Annual));
    }

    [Fact]
    public void ANoteOfHowOften_LeavesAYearColumnsFigureItsYear()
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Đơn vị tính"), C("Năm 2026"), C("Năm 2030"), C("Ghi chú")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ hồ sơ được xử lý trực tuyến"), C("%"), C("-"), C("100"), C("Hằng năm")]),
        ], 1);
        var got = Assert.Single(ExtractTable(table).Got);
        Assert.Equal((2030, false), (got.Year, got.Annual));
    }

    [Fact]
    public void RowWithItsUnitCellEmpty_ReadsNoBareFigure()
    {
        // a poor scan splits a row: its pieces have no unit, and a bare figure there is a row number or a speck
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Đơn vị tính"), C("Năm 2026")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ hồ sơ được số hóa"), C("%"), C("80")]),
            new TableRow([C(""), C("Tỷ lệ hồ sơ thủ tục hành chính được"), C(""), C("1")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal([80.0], got.Select(c => c.Value!.Value));
    }

    [Theory]
    // a column of years merged down the rows of each year: every row takes its group's year
    [InlineData("Năm", "Ước thực hiện 2025", "2026", "Hằng năm")]
    [InlineData("Giai đoạn", "Năm 2025 (ước đạt)", "Năm 2026", "Hằng năm")]
    public void YearColumnMergedDown_DatesEveryRowOfItsGroup(string header, string done, string next, string yearly)
    {
        TableCell Below() => new TableCell([]) { MergedFromAbove = true };
        var table = new TableBlock(
        [
            new TableRow([C(header), C("STT"), C("Chỉ tiêu"), C("Giá trị"), C("Đơn vị")], IsHeader: true),
            new TableRow([C(done), C("1"), C("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình"), C("66,2"), C("%")]),
            new TableRow([Below(), C("2"), C("Tỷ lệ thôn được phủ sóng 5G"), C("20"), C("%")]),
            new TableRow([C(next), C("1"), C("Tỷ lệ hồ sơ xử lý trực tuyến toàn trình"), C("78"), C("%")]),
            new TableRow([Below(), C("2"), C("Tỷ lệ thôn được phủ sóng 5G"), C("50"), C("%")]),
            new TableRow([C(yearly), C("1"), C("Số lớp bồi dưỡng kỹ năng số"), C("≥ 6"), C("lớp")]),
            new TableRow([Below(), C("2"), C("Tỷ lệ hồ sơ giải quyết quá hạn"), C("< 1"), C("%")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal(
            [(66.2, (int?)2025, false, TargetKind.Baseline), (20, 2025, false, TargetKind.Baseline), (78, 2026, false, TargetKind.Target),
             (50, 2026, false, TargetKind.Target), (6, null, true, TargetKind.Target), (1, null, true, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Year, c.Annual, c.Kind)));
    }

    [Fact]
    public void TaskTableByYear_IsNotTurned()
    {
        // its header names columns ("Nhiệm vụ", "Cơ quan chủ trì"), not indicators
        var table = new TableBlock(
        [
            new TableRow([C("Năm"), C("Nhiệm vụ"), C("Cơ quan chủ trì"), C("Kinh phí (triệu đồng)")], IsHeader: true),
            new TableRow([C("Năm 2026"), C("Số hóa dữ liệu hộ tịch"), C("Văn phòng"), C("500")]),
            new TableRow([C("Năm 2027"), C("Xây dựng bản đồ số"), C("Phòng Kinh tế"), C("300")]),
        ], 1);
        Assert.Same(table, ExtractTable(table).Structured.Table);
    }

    [Fact]
    public void TickUnderAYearColumn_DatesTheRow()
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Mục tiêu"), C("2026"), C("2027"), C("2030")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ trường học được kết nối cáp quang"), C("100%"), C("x"), C(""), C("")]),
            new TableRow([C("2"), C("Tỷ lệ cơ sở giáo dục ký số học bạ"), C("100%"), C(""), C("X"), C("")]),
            // ticks in two years say no one year
            new TableRow([C("3"), C("Số doanh nghiệp công nghệ số"), C("03 doanh nghiệp"), C("x"), C(""), C("x")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal([(100, (int?)2026), (100, 2027), (3, null)], got.Select(c => (c.Value!.Value, c.Year)));
    }

    [Theory]
    [InlineData("Kế hoạch năm 2024", false)]   // planned for a year past when the document was written (2025): no figure
    [InlineData("Kế hoạch năm 2025", true)]    // the document's own year's plan is still a target
    [InlineData("Thực hiện năm 2024", true)]   // what was done that year is a baseline
    public void PastYearsPlanColumn_GivesNoFigure(string header, bool kept)
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Đơn vị tính"), C(header), C("Kế hoạch năm 2026")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ thanh toán trực tuyến"), C("%"), C("50"), C("65")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal(kept ? [50.0, 65.0] : [65.0], got.Select(c => c.Value!.Value));
    }

    [Fact]
    public void UnitCellMergedDownTheRows_IsEachRowsUnit_AndARateNeedsNone()
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Đơn vị tính"), C("Năm 2026")], IsHeader: true),
            new TableRow([C("1"), C("Số điểm phát wifi công cộng"), C("điểm"), C("12")]),
            // Word's vertical merge: the cell below has no text of its own
            new TableRow([C("2"), C("Số điểm giao dịch không dùng tiền mặt"), new TableCell([]) { MergedFromAbove = true }, C("20")]),
            // an empty unit cell, merged or not: a rate is in per cent
            new TableRow([C("3"), C("Tỷ lệ hồ sơ trực tuyến toàn trình"), C(""), C("85")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal([(12.0, "điểm"), (20, "điểm"), (85, "%")], got.Select(c => (c.Value!.Value, c.Unit)));
    }

    [Fact]
    public void HeaderCellsWrappedOntoARowOfTheirOwn_AreOneHeader()
    {
        // a PDF of Word's top-aligned header cells: "Kế" / "hoạch năm 2025" in two rows
        var table = new TableBlock(
        [
            new TableRow([C("TT"), C("Chỉ tiêu"), C("Đơn vị"), C("Kế"), C("Thực hiện"), C("Kế hoạch")]),
            new TableRow([C(""), C(""), C("tính"), C("hoạch năm 2025"), C("đến 30/11/2025"), C("năm 2026")]),
            new TableRow([C("1"), C("Tỷ lệ thanh toán trực tuyến"), C("%"), C("60"), C("57,2"), C("70")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal([(60.0, 2025, TargetKind.Target), (57.2, 2025, TargetKind.Baseline), (70, 2026, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
    }

    [Fact]
    public void SubRows_TakeTheIndicatorOfTheRowTheyNarrow()
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Năm 2026"), C("Đến năm 2030")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ cơ sở giáo dục đạt chuyển đổi số mức 2"), C(""), C("")]),
            new TableRow([C("1.1"), C("Trường mầm non"), C("Trên 60%"), C("100%")]),
            new TableRow([C(""), C("- Trường tiểu học"), C("Trên 80%"), C("100%")]),
            new TableRow([C("2"), C("Tỷ lệ hộ gia đình có cáp quang"), C("x"), C("90%")]),
        ], 1);
        var got = ExtractTable(table).Got;
        Assert.Equal(5, got.Count);
        Assert.All(got.Take(4), c => Assert.StartsWith("Tỷ lệ cơ sở giáo dục đạt chuyển đổi số mức 2: ", c.Indicator));
        // a figure beside an "x" in another year column: the "x" is a cell left out, not a tick
        Assert.Equal(("Tỷ lệ hộ gia đình có cáp quang", (int?)2030), (got[4].Indicator, got[4].Year));
    }

    [Fact]
    public void TwoRowHeader_GivesTheYearColumnsUnderTheGroup()
    {
        var table = new TableBlock(
        [
            new TableRow([C("STT"), C("Chỉ tiêu"), C("Đơn vị tính"), C("Thực hiện năm 2024"), C("Lộ trình thực hiện", 2), C("Ghi chú")], IsHeader: true),
            new TableRow([C(""), C(""), C(""), C(""), C("Năm 2026"), C("Năm 2030"), C("")], IsHeader: true),
            new TableRow([C("1"), C("Tỷ lệ dân số được phủ sóng 5G"), C("%"), C("35,6"), C("≥ 70"), C("65 - 70"), C("Năm 2025 ước đạt 52%")]),
            new TableRow([C("2"), C("Tỷ lệ hộ gia đình dùng cáp quang"), C("%"), C("82,4"), C("-"), C("100"), C("Tốc độ từ 100 Mbps trở lên")]),
        ], 1);
        var (structured, got) = ExtractTable(table);
        Assert.Equal([null, null, null, 2024, 2026, 2030, null], structured.Columns.Select(c => c.Year));
        Assert.Equal(
            [(35.6, (double?)null, 2024, TargetKind.Baseline), (70, null, 2026, TargetKind.Target), (65, 70, 2030, TargetKind.Target),
             (52, null, 2025, TargetKind.Baseline), (82.4, null, 2024, TargetKind.Baseline), (100, null, 2030, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.ValueMax, c.Year!.Value, c.Kind)));
    }

    [Theory]
    // a footnote reference set in superscript digits is dropped from the indicator, an exponent is not
    [InlineData("- Có trên 80% người dân có tài khoản định danh điện tử (VNeID)⁴.", "người dân có tài khoản định danh điện tử (VNeID)")]
    [InlineData("- Tỷ lệ hộ gia đình sử dụng dịch vụ số¹² đạt 80%.", "Tỷ lệ hộ gia đình sử dụng dịch vụ số")]
    [InlineData("- Đạt 80% diện tích 1.000 m² sàn nhà văn hóa được số hóa.", "diện tích 1.000 m² sàn nhà văn hóa được số hóa")]
    public void FootnoteReference_IsNoPartOfTheIndicator(string line, string indicator)
    {
        var got = Some.Candidates(Some.Header2025 + "Đến năm 2030:\n" + line + "\n");
        Assert.Equal(indicator, got[0].Indicator);
    }

    [Fact]
    public void FlattenedTable_IsPutBack()
    {
        const string text = "PHỤ LỤC\nCÁC CHỈ TIÊU NĂM 2026 VÀ GIAI ĐOẠN 2026 - 2030\nSTT\nChỉ tiêu\nĐơn vị\ntính\nThực hiện\nnăm 2024\nLộ trình thực hiện\nGhi chú\nNăm 2026\nNăm 2030\n"
            + "I\nHẠ TẦNG SỐ\n1\nTỷ lệ dân số được phủ sóng mạng di\nđộng 5G\n%\n35,6\n≥ 70\n100\n2\nSố điểm phát wifi công cộng miễn\nphí\nđiểm\n06\n-\n18\nNhà văn hóa tổ\ndân phố\n"
            + "STT\nChỉ tiêu\nĐơn vị\ntính\nThực hiện\nnăm 2024\nLộ trình thực hiện\nGhi chú\nNăm 2026\nNăm 2030\n"
            + "3\nTỷ lệ hồ sơ được xử lý trực tuyến\n%\n58,3\n80\n≥ 95\nNăm 2025 ước đạt\n71,2%\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal(
            [(35.6, 2024, TargetKind.Baseline), (70, 2026, TargetKind.Target), (100, 2030, TargetKind.Target),
             (6, 2024, TargetKind.Baseline), (18, 2030, TargetKind.Target),
             (58.3, 2024, TargetKind.Baseline), (80, 2026, TargetKind.Target), (95, 2030, TargetKind.Target), (71.2, 2025, TargetKind.Baseline)],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
        Assert.Equal("Tỷ lệ dân số được phủ sóng mạng di động 5G", got[0].Indicator);
    }

    [Fact]
    public void FlattenedTable_YearColumnsOnly_AndSubRowsUnderAParentRow()
    {
        // no unit nor result column, only years; row 1 is a parent whose figures are in its sub-rows "1.1", "1.2"
        const string text = "STT\nChỉ tiêu\nNăm 2026\nĐến năm\n2030\n"
            + "1\nTỷ lệ cơ sở giáo dục đạt mức độ\nchuyển đổi số mức 2 trở lên\n1.1\n- Trường mầm non\nTrên 60%\n100%\n"
            + "1.2\n- Trường tiểu học\nTrên 80%\n100%\n2\nTỷ lệ hộ bán sản phẩm qua sàn thương mại điện tử\n-\n30%\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(60, 2026), (100, 2030), (80, 2026), (100, 2030), (30, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
        Assert.StartsWith("Tỷ lệ cơ sở giáo dục đạt mức độ chuyển đổi số mức 2 trở lên", got[0].Indicator);
    }

    [Theory]
    [InlineData("II. TỔ CHỨC THỰC HIỆN\nCác cơ quan chủ động xây dựng kế hoạch.\n")]   // the text after the table
    [InlineData("Theo giá so sánh\n2\nTỷ lệ hộ có Internet\n%\n80\n90\n")]        // a note, then the next row
    public void FlattenedTable_AFigureWithADecimalPoint_IsNoSubRowNumber(string following)
    {
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nNăm 2026\nNăm 2030\nGhi chú\n1\nTốc độ tăng trưởng kinh tế số\n%\n6.5\n7.5\n";
        var got = Some.Candidates(Some.Header2025 + text + following);
        Assert.Contains(got, c => c.Value == 7.5 && c.Year == 2030);
    }

    [Theory]
    [InlineData("Thực hiện\nnăm 2025\n58\n10\nNăm 2026\n70\n12\nNăm 2030\n≥ 95\n15\n", 6)]   // three rows, the first label over two lines
    [InlineData("Năm 2026\n70\n12\n", 0)]                                                         // one row is no table
    public void FlattenedTable_OfAYearPerRow_IsTurned(string rows, int targets)
    {
        const string head = "Năm\nTỷ lệ hồ sơ thủ tục\nhành chính xử lý trực\ntuyến toàn trình (%)\nSố Tổ công nghệ số\ncộng đồng (tổ)\n";
        var got = Some.Candidates(Some.Header2025 + head + rows);
        Assert.Equal(targets, got.Count);
        if (targets > 0)
        {
            Assert.Equal([(58, 2025, TargetKind.Baseline), (70, 2026, TargetKind.Target), (95, 2030, TargetKind.Target)],
                got.Where(c => c.Unit == "%").Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
            Assert.Equal([10.0, 12, 15], got.Where(c => c.Unit != "%").Select(c => c.Value!.Value));
        }
    }

    [Fact]
    public void FlattenedTable_GroupCellRightBeforeItsYears_AndEmptyCells()
    {
        // the group cell is the first row's last; row 1 has no figure for 2030, so its line is missing
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nLộ trình thực hiện\nNăm 2026\nNăm 2030\n"
            + "1\nTỷ lệ hồ sơ được xử lý trực tuyến\n%\n80\n2\nTỷ lệ thanh toán trực tuyến\n%\n60\n75\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(80, 2026), (60, 2026), (75, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
    }

    [Fact]
    public void FlattenedTable_TitledYearCellAfterTheGroup_StaysInTheFirstRow()
    {
        // "Định hướng đến năm 2030" is a first-row cell beside the group; the bare years after it are the group's
        const string text = "STT\nNội dung chỉ tiêu\nĐơn vị\ntính\nLộ trình thực hiện\nĐịnh hướng\nđến năm 2030\n2026\n2027\n2028\n"
            + "1\nTỷ lệ hồ sơ được xử lý trực tuyến toàn trình\n%\n≥ 85\n88\n92\n95\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(85, 2026), (88, 2027), (92, 2028), (95, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
    }

    [Fact]
    public void FlattenedTable_GroupRowsMarkedWithLetters_KeepTheRowsAroundThem()
    {
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nThực hiện\nnăm 2025\nKế hoạch\n2026\n"
            + "A\nHẠ TẦNG SỐ\n1\nTỷ lệ dân số được phủ sóng 5G\n%\n38,5\n60\n"
            + "2\nXếp hạng Chỉ số chuyển đổi số (DTI)\ncấp tỉnh\nThứ hạng\n29\n25\n"
            + "B\nKINH TẾ SỐ\n3\nTỷ trọng kinh tế số trong GRDP\n%\n8,9\n11,5\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(38.5, 2025), (60, 2026), (29, 2025), (25, 2026), (8.9, 2025), (11.5, 2026)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
    }

    [Fact]
    public void FlattenedTable_WithAPlanAndDoneColumn_ReadsBoth()
    {
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nKế hoạch\nnăm 2025\nThực hiện\nđến\n30/9/2025\nTỷ lệ so\nvới kế\nhoạch (%)\n"
            + "1\nTỷ lệ dịch vụ công trực tuyến phát sinh\nhồ sơ\n%\n70\n58,4\n83,4\n2\nSố sản phẩm OCOP được đưa lên sàn\nsản phẩm\n10\n07\n70\n";
        var got = Some.Candidates(Some.Header2025 + text);
        // the ratio of done to planned is neither a target nor a baseline
        Assert.Equal(
            [(70, 2025, TargetKind.Target), (58.4, 2025, TargetKind.Baseline), (10, 2025, TargetKind.Target), (7, 2025, TargetKind.Baseline)],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
    }

    [Fact]
    public void FlattenedTable_RankCellsAndAUnitBrokenInsideItsWord_KeepTheRowsAfterThem()
    {
        // "Top 10" is a figure cell; a narrow unit column breaks "doanh nghiệp" into "doanh" / "nghiệp"
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nNăm 2026\nNăm 2027\n"
            + "1\nXếp hạng Chỉ số chuyển đổi số của\nphường trong tỉnh\nThứ bậc\nTop 10\nTop 5\n"
            + "2\nSố doanh nghiệp công nghệ số\ndoanh\nnghiệp\n196\n230\n"
            + "3\nSố lớp “Bình dân học vụ số”\nlớp\n12\n15\n";
        var got = Some.Candidates(Some.Header2025 + "\n" + text);
        Assert.Equal(
            [(10, 2026, "rank"), (5, 2027, "rank"), (196, 2026, "doanh nghiệp"), (230, 2027, "doanh nghiệp"), (12, 2026, "lớp"), (15, 2027, "lớp")],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Unit)));
    }

    [Fact]
    public void FlattenedTable_WithoutAUnitColumn_TakesTheUnitTheIndicatorNames()
    {
        // no unit column: "(%)" in the indicator, or a rate, gives the unit; "trên 80" is a figure cell
        const string text = "TT\nNội dung chỉ tiêu\nHiện trạng\n(năm 2024)\nMục tiêu đến\nnăm 2030\nCơ quan chủ trì\n"
            + "1\nTỷ lệ dịch vụ công trực tuyến\ntoàn trình (%)\n45\n≥ 80\nVăn phòng\n"
            + "2\nTỷ lệ người dân sử dụng thanh\ntoán không dùng tiền mặt\n50\ntrên 80\nPhòng Kinh tế\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal(
            [(45, "=", 2024, TargetKind.Baseline), (80, ">=", 2030, TargetKind.Target), (50, "=", 2024, TargetKind.Baseline), (80, ">", 2030, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Comparator, c.Year!.Value, c.Kind)));
        Assert.All(got, c => Assert.Equal("%", c.Unit));
    }

    [Fact]
    public void FlattenedTable_FiguresWithTheirNouns_AreCells()
    {
        // "08 tổ", "500 người": a figure cell in a plan's column counts in its own noun, a plain one included
        const string text = "STT\nChỉ tiêu\nKế hoạch\nnăm 2026\nGhi chú\nI\nChính quyền số\n"
            + "1\nVăn bản đi được ký số\n≥ 95%\n"
            + "II\nXã hội số\n2\nTổ công nghệ số cộng đồng hoạt\nđộng hiệu quả\n08 tổ\nmỗi thôn 01 tổ\n"
            + "3\nNgười dân được tập huấn kỹ\nnăng số cơ bản\n500 người\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal(
            [(95, "%", 2026), (8, "tổ", 2026), (500, "người", 2026)],
            got.Select(c => (c.Value!.Value, c.Unit, c.Year!.Value)));
        Assert.Equal("Người dân được tập huấn kỹ năng số cơ bản", got[2].Indicator);
    }

    [Fact]
    public void FlattenedTable_UnitInTheColumnHeader_IsTheFiguresUnit()
    {
        const string text = "STT\nChỉ tiêu\nKế hoạch năm\n2026 (người)\n1\nNgười dân được tập huấn kỹ năng số\n500\n2\nThành viên tổ công nghệ số cộng đồng\n120\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(500, "người", 2026), (120, "người", 2026)], got.Select(c => (c.Value!.Value, c.Unit, c.Year!.Value)));
    }

    [Fact]
    public void FlattenedTable_IndicatorLineOpeningWithAUnitsWord_StaysTheIndicators()
    {
        // "hồ sơ" is a unit, but here it goes on the indicator: the unit cell is the one the figures follow
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nKế hoạch\nnăm 2026\n1\nTỷ lệ người dân có\nhồ sơ sức khỏe điện tử\n%\n90\n"
            + "2\nChi ngân sách cho khoa học, công nghệ\n% tổng chi\nngân sách xã\n≥ 3\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(90, "%"), (3, "%")], got.Select(c => (c.Value!.Value, c.Unit)));
        Assert.Equal("Tỷ lệ người dân có hồ sơ sức khỏe điện tử", got[0].Indicator);
    }

    [Fact]
    public void FlattenedTable_YearsWrappedInTheHeader_AndComparatorsWrappedInCells()
    {
        // "Năm" / "2027": a narrow header wraps its year; "Trên" / "80": a narrow cell wraps its comparator
        const string text = "TT\nChỉ tiêu\nNăm\n2027\nNăm\n2030\nGhi chú\n"
            + "1\nTỷ lệ người dân trưởng thành có\ntài khoản định danh điện tử (%)\nTrên\n80\n95\nMức độ 2\n"
            + "2\nTỷ lệ dân số trưởng thành có chữ\nký số cá nhân (%)\n50\nTrên\n70\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(80, ">", 2027), (95, "=", 2030), (50, "=", 2027), (70, ">", 2030)], got.Select(c => (c.Value!.Value, c.Comparator, c.Year!.Value)));
    }

    [Fact]
    public void FlattenedTable_BareYearsUnderASecondChiTieuCell_AreItsColumns()
    {
        // "Chỉ tiêu theo năm (%)" groups the bare years after it; the estimate before it is a baseline
        const string text = "TT\nChỉ tiêu\nƯớc thực\nhiện 2025\n(%)\nChỉ tiêu theo năm (%)\n2026\n2028\n2030\n"
            + "1\nTỷ lệ sử dụng dịch vụ công trực\ntuyến của người dân\n55\n65\n75\n85\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal(
            [(55, 2025, TargetKind.Baseline), (65, 2026, TargetKind.Target), (75, 2028, TargetKind.Target), (85, 2030, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
    }

    [Fact]
    public void FlattenedTable_GroupRowsOnOneLine_AndTheSectionAfterIt()
    {
        // "II. CHÍNH QUYỀN SỐ" before a row is a group row; "III. TỔ CHỨC THỰC HIỆN" before prose ends the table
        const string text = "STT\nChỉ tiêu\nĐơn vị\ntính\nNăm 2026\nNăm 2030\nI. HẠ TẦNG SỐ\n1\nTỷ lệ thôn được phủ sóng 5G\n%\n60\n100\n"
            + "II. CHÍNH QUYỀN SỐ\n2\nTỷ lệ hồ sơ được xử lý trực tuyến\n%\n≥ 80\n95\nIII. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị xây dựng kế hoạch chi tiết và báo cáo định kỳ.\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(60, 2026), (100, 2030), (80, 2026), (95, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
        Assert.Equal("Tỷ lệ hồ sơ được xử lý trực tuyến", got[2].Indicator);
    }

    [Fact]
    public void FlattenedTable_TextColumnsBeforeTheIndicator_AreCellsOfTheirOwn()
    {
        // "Cơ quan chủ trì" before "Chỉ tiêu": its cell is a line and what goes on from it without a capital
        const string text = "STT\nCơ quan chủ\ntrì\nChỉ tiêu\nNăm 2026\nNăm 2030\n"
            + "1\nPhòng Văn hóa\n- Xã hội\nTỷ lệ học sinh trung học được\ntrang bị kỹ năng số\n80%\n100%\n"
            + "2\nCông an xã\nSố camera an ninh được kết nối\nhệ thống giám sát (camera)\n15 - 20\n50\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(80, 2026), (100, 2030), (15, 2026), (50, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
        Assert.Equal("Tỷ lệ học sinh trung học được trang bị kỹ năng số", got[0].Indicator);
        Assert.Equal("Số camera an ninh được kết nối hệ thống giám sát (camera)", got[2].Indicator);
    }

    [Fact]
    public void FlattenedTable_AStatusColumnBeforeTheYears_IsNoGroupOverThem()
    {
        const string text = "STT\nChỉ tiêu\nĐơn vị tính\nHiện trạng\nNăm 2026\nNăm 2030\n1\nTỷ lệ hồ sơ xử lý trực tuyến\n%\n45\n60\n90\n"
            + "2\nTỷ lệ thanh toán trực tuyến\n%\n30\n50\n80\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal(
            [(45, 2025, TargetKind.Baseline), (60, 2026, TargetKind.Target), (90, 2030, TargetKind.Target),
             (30, 2025, TargetKind.Baseline), (50, 2026, TargetKind.Target), (80, 2030, TargetKind.Target)],
            got.Select(c => (c.Value!.Value, c.Year!.Value, c.Kind)));
    }

    [Fact]
    public void FlattenedTable_ASectionHeadingAfterItAndAPageNumber_EndTheTable()
    {
        const string text = "STT\nChỉ tiêu\nĐơn vị tính\nNăm 2026\n1\nTỷ lệ hồ sơ xử lý trực tuyến\n%\n60\nIII. TỔ CHỨC THỰC HIỆN\n3\nCác cơ quan, đơn vị xây dựng kế hoạch chi tiết, gửi Văn phòng trước ngày 31/12/2025 để tổng hợp.\n";
        var s = new Ingest.Core.Stages.Structure.StructureStage(Some.Lexicon).Run(Ingest.Core.Stages.Load.PlainTextReader.FromText("t.txt", "0", Some.Header2025 + text), RepairSummary.None);
        Assert.Contains(s.Sections, x => x.Title.StartsWith("TỔ CHỨC", StringComparison.Ordinal));
    }

    [Fact]
    public void FlattenedTable_ASecondChiTieuCell_HeadsTheFigures()
    {
        // the year is only in the heading above the table
        const string text = "Các chỉ tiêu cụ thể đến năm 2030:\nSTT\nTên chỉ tiêu\nĐơn vị\ntính\nChỉ tiêu\n1\nTỷ lệ dân số trưởng thành có\nđiện thoại thông minh\n%\n≥ 90\n"
            + "2\nSố hộ dân được hướng dẫn cài\nđặt ứng dụng VNeID\nhộ\n1.200\n";
        var got = Some.Candidates(Some.Header2025 + text);
        Assert.Equal([(90, ">=", 2030), (1200, "=", 2030)], got.Select(c => (c.Value!.Value, c.Comparator, c.Year!.Value)));
        Assert.Equal("Tỷ lệ dân số trưởng thành có điện thoại thông minh", got[0].Indicator);
    }
}
