using Ingest.Core.Model;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

/// <summary>Cases written for the extractor, in the shapes other provinces' plans use.</summary>
public class ExtractionTests
{
    [Fact]
    public void RunningProse_TwoDeadlinesInOneSentence_EachValueTakesItsOwnYear()
    {
        var t = Some.Targets("- Tỷ lệ hồ sơ được xử lý trực tuyến đến năm 2027 đạt 70%, đến năm 2030 đạt 90%.");
        Assert.Equal(2, t.Count);
        Assert.Equal((70.0, 2027), (t[0].Candidate.Value!.Value, t[0].Candidate.Year!.Value));
        Assert.Equal((90.0, 2030), (t[1].Candidate.Value!.Value, t[1].Candidate.Year!.Value));
    }

    [Theory]
    [InlineData("Năm nay, tỷ lệ này mới đạt 72%.", true)]               // the next sentence
    [InlineData("Đến năm 2030 con số này là 100%.", true)]
    [InlineData("Hiện tỷ lệ chỉ tiêu trên mới là 38%.", true)]
    // a figure that names its own indicator, after a lead-in that points back
    [InlineData("Để đạt chỉ tiêu này, 100% cán bộ, công chức được tập huấn kỹ năng số.", false)]
    [InlineData("Ngoài các chỉ tiêu trên, phấn đấu 80% trường học ứng dụng học bạ số.", false)]
    [InlineData("Để đạt chỉ tiêu này, xã phấn đấu tỷ lệ trường học ứng dụng học bạ số đạt 80%.", false)]
    public void AFigureThatPointsBack_TakesTheIndicatorNamedBeforeIt(string sentence, bool same)
    {
        var t = Some.Targets("Đến năm 2028 xã phấn đấu có 90% hộ gia đình sử dụng Internet cáp quang. " + sentence);
        Assert.Equal(2, t.Count);
        Assert.Equal(same, t[0].Candidate.Indicator == t[1].Candidate.Indicator);
    }

    [Theory]
    // after a percentage, the whole it is a share of ends its words: what follows is the next figure's
    [InlineData("Năm 2024, kinh tế số của thành phố ước chiếm 17,2% GRDP và chi cho nghiên cứu và phát triển mới đạt khoảng 0,6% GRDP.", "KTS.KINH_TE_SO_GRDP", "KHCN.CHI_RD")]
    [InlineData("Đến năm 2030, kinh tế số đạt 30% GDP, chi cho nghiên cứu và phát triển đạt 2% GDP.", "KTS.KINH_TE_SO_GRDP", "KHCN.CHI_RD")]
    [InlineData("Phấn đấu đến năm 2030 kinh tế số chiếm 25% GDP và chi cho nghiên cứu và phát triển đạt 1,5% GDP.", "KTS.KINH_TE_SO_GRDP", "KHCN.CHI_RD")]
    [InlineData("Đến năm 2030, chi cho nghiên cứu và phát triển đạt 2% GRDP, tỷ lệ hộ gia đình có cáp quang đạt 95%.", "KHCN.CHI_RD", "HT.CAP_QUANG_HO_GIA_DINH")]
    // and a date after the whole is still the figure's
    [InlineData("Kinh tế số năm 2026 chiếm 13% GRDP, tiến tới đạt 25% GRDP vào năm 2030.", "KTS.KINH_TE_SO_GRDP", "KTS.KINH_TE_SO_GRDP")]
    public void AShareOfAWhole_TakesItsIndicatorFromTheWordsBeforeIt(string sentence, string first, string second)
    {
        var t = Some.Targets(sentence);
        Assert.Equal([first, second], t.Select(x => x.Catalogue?.Code ?? "none"));
    }

    [Theory]
    [InlineData("Kinh tế số năm 2026 chiếm 13% GRDP, tiến tới đạt 25% GRDP vào năm 2030.", 2030)]
    [InlineData("Phấn đấu chi cho nghiên cứu và phát triển đạt 2% GRDP vào năm 2030, trong đó chi từ xã hội chiếm hơn 60%.", 2030)]
    public void AShareOfAWhole_KeepsTheDateThatFollowsTheWhole(string sentence, int year)
    {
        var t = Some.Targets(sentence);
        Assert.Equal(year, t.First(x => x.Candidate.Value is 25 or 2).Candidate.Year);
    }

    [Theory]
    // a clause whose own words only name a stretch of time goes on with its sentence's subject
    [InlineData("Tỷ lệ hộ gia đình sử dụng Internet cáp quang tăng từ 54% năm 2020 lên 83,6% năm 2025; nhiệm kỳ tới phấn đấu đạt trên 95% vào năm 2030.", true)]
    [InlineData("Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 74,5%, phấn đấu đạt 95% vào cuối nhiệm kỳ.", true)]
    [InlineData("Tỷ lệ thanh toán không dùng tiền mặt năm 2025 đạt 60%; giai đoạn tới phấn đấu đạt 80%.", true)]
    [InlineData("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo tăng từ 18% năm 2025 lên 40% vào cuối giai đoạn.", true)]
    [InlineData("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 18%, phấn đấu đạt 40% đến cuối giai đoạn.", true)]
    // so does one whose own words only call its figure the target or the plan
    [InlineData("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,5%, vượt chỉ tiêu 75% mà kế hoạch đề ra cho cả năm.", true)]
    [InlineData("Mạng 5G mới phủ khoảng 54% dân số, trong khi mục tiêu đến cuối năm là 70%.", true)]
    // one that names its own does not
    [InlineData("Tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,5%; mục tiêu tỷ lệ thanh toán trực tuyến đạt 60%.", false)]
    [InlineData("Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt 74,5%; nhiệm kỳ tới, 100% cán bộ xã được bồi dưỡng kỹ năng số.", false)]
    public void AClauseNamingOnlyAStretchOfTime_TakesItsSentencesIndicator(string sentence, bool same)
    {
        var t = Some.Targets(sentence);
        Assert.Equal(same, t[0].Candidate.Indicator == t[^1].Candidate.Indicator);
    }

    [Theory]
    // where a figure holds ("tại khu vực …", "ở khu vực …") qualifies it: the measure is the sentence's
    [InlineData("Tỷ lệ phủ sóng 5G theo dân số đạt 100% tại khu vực đô thị và 70% tại khu vực nông thôn.", "Tỷ lệ phủ sóng 5G theo dân số")]
    [InlineData("Tỷ lệ hộ gia đình sử dụng Internet cáp quang đạt 95% ở khu vực thành thị, 80% ở khu vực nông thôn.", "Tỷ lệ hộ gia đình sử dụng Internet cáp quang")]
    public void APlaceAfterAFigure_QualifiesTheSentencesMeasure(string sentence, string indicator)
    {
        var t = Some.Targets(sentence);
        Assert.Equal(2, t.Count);
        Assert.All(t, x => Assert.Equal(indicator, x.Candidate.Indicator));
        Assert.All(t, x => Assert.StartsWith("khu vực", x.Candidate.Qualifier?.Split(' ', 2)[1] ?? ""));
    }

    [Theory]
    // a part of a whole in brackets beside a percentage is the present level, an aside of its own
    [InlineData("100% tổ dân phố có điểm phát Wi-Fi công cộng miễn phí (hiện có 14/22 tổ dân phố).", new[] { 100.0, 14 })]
    [InlineData("Phấn đấu 100% thôn có Tổ công nghệ số cộng đồng (năm 2025: 09/12 thôn).", new[] { 100.0, 9 })]
    // beside its own share, or outside the brackets, the percentage is the value as before
    [InlineData("Năm 2025 có 38/41 cán bộ được tập huấn (đạt 92,7%).", new[] { 92.7 })]
    [InlineData("Có 38/41 cán bộ được tập huấn, đạt 92,7% (kế hoạch 90%).", new[] { 92.7, 90 })]
    // brackets that give a share's own base restate it
    [InlineData("100% cán bộ, công chức xã (31/31 người) được cấp chữ ký số cá nhân.", new[] { 100.0 })]
    [InlineData("Tỷ lệ hồ sơ trực tuyến đạt 81% (3.910/4.826 hồ sơ).", new[] { 81.0 })]
    public void APartOfAWholeInBrackets_IsReadWithinThem(string sentence, double[] values)
    {
        Assert.Equal(values, Some.Targets(sentence).Select(t => t.Candidate.Value!.Value));
    }

    [Fact]
    public void AChangeInPointsOfARate_IsNoTarget_AndTheFigureBeforeItKeepsItsIndicator()
    {
        var t = Assert.Single(Some.Targets("Năm 2025, tỷ lệ thanh toán không dùng tiền mặt đạt 76,4% (chỉ tiêu giao 70%), vượt 6,4 điểm phần trăm."),
            x => x.Candidate.Value != 76.4);
        Assert.Equal(70, t.Candidate.Value);
        Assert.DoesNotContain("điểm", t.Candidate.Indicator);
    }

    [Fact]
    public void PeriodBlock_GivesItsEndYear()
    {
        var t = Some.Targets("2. Mục tiêu cụ thể\nGiai đoạn 2025-2027:\n- 85% hồ sơ thủ tục hành chính được số hóa.\n");
        Assert.Single(t);
        Assert.Equal(2027, t[0].Candidate.Year);
    }

    [Fact]
    public void PastYearMention_IsABaseline()
    {
        var t = Some.Targets("Ngày 10 tháng 3 năm 2025\n- Năm 2024 tỷ lệ người dân có tài khoản định danh điện tử mới đạt 62,5%.");
        Assert.Single(t);
        Assert.Equal(TargetKind.Baseline, t[0].Candidate.Kind);
        Assert.Equal(62.5, t[0].Candidate.Value);
        Assert.Equal(2024, t[0].Candidate.Year);
    }

    [Theory]
    [InlineData("- Có ≥ 90% cán bộ được bồi dưỡng kỹ năng số.", 90, ">=")]
    [InlineData("- Có trên 80% người dân có tài khoản định danh điện tử.", 80, ">")]
    [InlineData("- Có từ 85% trở lên hồ sơ xử lý trực tuyến.", 85, ">=")]
    [InlineData("- Có khoảng 80% cán bộ, công chức được bồi dưỡng kỹ năng số.", 80, "~")]
    [InlineData("- Duy trì chi ngân sách tối thiểu 3% cho khoa học, công nghệ.", 3, ">=")]
    [InlineData("- Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 90%1.", 90, "=")]
    public void Comparators_AreReadFromWordsAndSymbols(string line, double value, string cmp)
    {
        var t = Assert.Single(Some.Targets("Đến năm 2030:\n" + line));
        Assert.Equal(value, t.Candidate.Value);
        Assert.Equal(cmp, t.Candidate.Comparator);
        Assert.Equal(2030, t.Candidate.Year);
    }

    [Fact]
    public void Range_KeepsBothEnds()
    {
        var t = Assert.Single(Some.Targets("Đến năm 2040:\n- 80% - 90% dân số trưởng thành thường xuyên sử dụng dịch vụ số."));
        Assert.Equal((80.0, 90.0, "range"), (t.Candidate.Value!.Value, t.Candidate.ValueMax!.Value, t.Candidate.Comparator));
    }

    [Fact]
    public void SeveralTargetsOnOneLine_AreAllFound_ButDefiningNumbersAreNot()
    {
        var t = Some.Targets("Đến năm 2025:\n- 100% thôn có sóng di động 4G, phấn đấu phủ sóng 5G ≥ 60%; có ≥ 80% người sử dụng truy cập băng rộng cố định tốc độ trên 01 Gb/s; dịch vụ công mức độ 3, 4.");
        Assert.Equal([100.0, 60.0, 80.0], t.Select(x => x.Candidate.Value!.Value));
        Assert.Equal(["HT.4G_THON", "HT.5G_PHU_SONG", "HT.BANG_RONG_CO_DINH_1GBPS"], t.Select(x => x.Catalogue?.Code));
    }

    [Fact]
    public void CountsAndRanks_HaveTheirUnits()
    {
        var t = Some.Targets("Đến năm 2030:\n- Tổ chức tối thiểu 03 cuộc giám sát chuyên đề về chuyển đổi số.\n- Xếp hạng năng lực cạnh tranh số: phấn đấu vào Top 15 của tỉnh.");
        Assert.Equal(2, t.Count);
        Assert.Equal((3.0, "cuộc", ">="), (t[0].Candidate.Value!.Value, t[0].Candidate.Unit, t[0].Candidate.Comparator));
        Assert.Equal((15.0, "rank", "<="), (t[1].Candidate.Value!.Value, t[1].Candidate.Unit, t[1].Candidate.Comparator));
    }

    [Fact]
    public void Annual_WithoutYearBlock_IsRecurring()
    {
        var t = Assert.Single(Some.Targets("3. Nhiệm vụ\n- Bố trí ít nhất 2% tổng chi ngân sách cho chuyển đổi số hằng năm."));
        Assert.True(t.Candidate.Annual);
        Assert.Null(t.Candidate.Year);
    }

    [Fact]
    public void NumbersWithoutAUnit_AreNotTargets()
    {
        Assert.Empty(Some.Targets("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024; Điều 3 khoản 2; người từ 15 tuổi trở lên; mạng 5G."));
    }

    [Fact]
    public void LostDigits_AreUnreadableAndFlagged()
    {
        var t = Assert.Single(Some.Targets("ĐẾN NĂM 2030\n- Tỷ lệ dân số trưởng thành có chữ ký số % >00 Phòng Văn hóa"));
        Assert.Null(t.Candidate.Value);
        Assert.True(t.NeedsReview);
    }

    [Fact]
    public void IndicatorOutsideTheCatalogue_StaysUnmatched()
    {
        var t = Assert.Single(Some.Targets("Đến năm 2030:\n- 100% hộ nghèo được hỗ trợ giống cây trồng chất lượng cao."));
        Assert.Null(t.Catalogue);
    }

    // one value over coordinated parts: a part is a target of its own only when it matches a code as a target must
    [Theory]
    [InlineData("Định hướng đến năm 2045:\n- 100% người dân có định danh và chữ ký số cá nhân;", 2)]
    // "dịch vụ … di động" shares two generic words with the 4G entry (0.41): a detail, not a target
    [InlineData("Đến năm 2027:\n- 90% dịch vụ công trực tuyến đạt mức độ 4, sử dụng được trên nhiều loại phương tiện, kể cả trên thiết bị di động;", 1)]
    [InlineData("Đến năm 2027:\n- 90% dịch vụ công trực tuyến đạt mức độ 4, kể cả trên thiết bị di động;", 1)]
    // the administrative bodies' reports are not the People's Council's cloud systems
    [InlineData("Đến năm 2026:\n- 100% cơ quan hành chính cấp huyện và cấp xã thực hiện điều hành trên môi trường điện tử, kết nối với Hệ thống thông tin báo cáo của tỉnh.", 1)]
    // parts of what a rank is about share the words up to "về"
    [InlineData("Đến năm 2030:\n- Tỉnh vào nhóm 10 địa phương dẫn đầu cả nước về năng lực cạnh tranh và phát triển chính quyền số.", 2)]
    public void CoordinatedIndicators_ShareOneValue(string text, int targets)
    {
        var t = Some.Targets(text);
        Assert.Equal(targets, t.Count);
        Assert.DoesNotContain(t, x => x.Catalogue?.Code is "HT.4G_THON" or "HDND.DIEN_TOAN_DAM_MAY");
        Assert.All(t, x => Assert.Equal(int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"\d{4}").Value), x.Candidate.Year));
    }

    // a later figure of a list is named by the words that open the list when its own words name nothing
    [Theory]
    [InlineData("Đến năm 2027:\n- Mạng cáp quang băng rộng được kéo tới 90% hộ gia đình và 100% thôn.", "HT.CAP_QUANG_HO_GIA_DINH", "HT.CAP_QUANG_XA")]
    [InlineData("Đến năm 2028:\n- Tỷ trọng kinh tế số trong GRDP đạt 25%, sau đó tăng lên 35%.", "KTS.KINH_TE_SO_GRDP", "KTS.KINH_TE_SO_GRDP")]
    // a semicolon opens an item of its own: the poor households' seeds are not the digital economy
    [InlineData("Đến năm 2030:\n- Tỷ trọng kinh tế số trong GRDP đạt 30%; 100% hộ nghèo được hỗ trợ giống cây trồng chất lượng cao.", "KTS.KINH_TE_SO_GRDP", null)]
    // nor is a figure whose own words say enough to be another indicator
    [InlineData("Đến năm 2030:\n- Tỷ trọng kinh tế số trong GRDP đạt 30%, 100% hộ nghèo được hỗ trợ giống cây trồng chất lượng cao.", "KTS.KINH_TE_SO_GRDP", null)]
    // a figure whose own words match keeps its own code
    [InlineData("Đến năm 2027:\n- Tỷ trọng kinh tế số trong GRDP đạt 25%, 80% người dân trưởng thành có điện thoại thông minh.", "KTS.KINH_TE_SO_GRDP", "XHS.DIEN_THOAI_THONG_MINH")]
    public void LaterFiguresOfAList_ShareTheWordsThatOpenIt(string text, string firstCode, string? secondCode)
    {
        var t = Some.Targets(text);
        Assert.Equal(2, t.Count);
        Assert.Equal(firstCode, t[0].Catalogue?.Code);
        Assert.Equal(secondCode, t[1].Catalogue?.Code);
    }
}

public class ReviewSheetTests
{
    private static readonly string[] Columns =
    [
        "SHA-256", "Key", "Value", "Value max", "Decision", "Corrected value", "Corrected value max", "Corrected unit",
        "Corrected comparator", "Corrected year", "Corrected code",
    ];

    private static (IReadOnlyList<Ingest.Core.Review.ReviewDecision> Decisions, IReadOnlyList<string> Errors) Import(
        IReadOnlyList<string> header, params (string Column, object? Value)[] cells)
    {
        var row = header.Select(h => cells.FirstOrDefault(c => c.Column == h).Value).ToList();
        var sheet = new Ingest.Core.Reports.Sheet("Review", header, [row]);
        return new Ingest.Core.Review.ReviewSheet(Ingest.Core.Catalogue.IndicatorCatalogue.Default)
            .Import(sheet, (_, _) => true, "tester", DateTimeOffset.UnixEpoch);
    }

    [Theory]
    [InlineData("75,5", 75.5)]
    [InlineData("24.530", 24530)]
    [InlineData("1.5", 1.5)]
    [InlineData("90 %", 90)]
    public void CorrectedValue_IsReadAsPlansWriteNumbers(string cell, double expected)
    {
        var (decisions, errors) = Import(Columns, ("SHA-256", "abc"), ("Key", "k1"), ("Decision", "correct"), ("Corrected value", cell));
        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(decisions).Corrections["value"]);
    }

    [Fact]
    public void MissingDecisionColumn_RejectsTheWorkbook()
    {
        // the "Corrected value" column deleted: a number typed there would land under "Corrected value max"
        var header = Columns.Where(c => c != "Corrected value").ToList();
        var (decisions, errors) = Import(header, ("SHA-256", "abc"), ("Key", "k1"), ("Decision", "correct"), ("Corrected value max", "75"));
        Assert.Empty(decisions);
        Assert.Contains(errors, e => e.Contains("no 'Corrected value' column"));
    }

    [Theory]
    [InlineData("90", "80", null)]
    [InlineData("90", null, "80")]
    public void InvertedRange_IsARowError(string correctedValue, string? correctedMax, string? readMax)
    {
        var (decisions, errors) = Import(Columns, ("SHA-256", "abc"), ("Key", "k1"), ("Decision", "correct"),
            ("Corrected value", correctedValue), ("Corrected value max", correctedMax), ("Value max", readMax));
        Assert.Empty(decisions);
        Assert.Contains(errors, e => e.StartsWith("row 2:") && e.Contains("above value max"));
    }

    [Fact]
    public void CorrectionWithoutADecision_IsARowError()
    {
        var (decisions, errors) = Import(Columns, ("SHA-256", "abc"), ("Key", "k1"), ("Corrected value", "75"));
        Assert.Empty(decisions);
        Assert.Contains(errors, e => e.StartsWith("row 2:") && e.Contains("no Decision"));
    }
}
