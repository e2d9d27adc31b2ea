using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;

namespace Ingest.Core.Tests.Stages;

/// <summary>The scope model: each cue shape on its own ("phrase → cue"), the resolver on scope paths, and prose rules.</summary>
public class ScopeTests
{
    private static readonly CueFinder Finder = new(Some.Lexicon);

    [Theory]
    [InlineData("đến năm 2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("Đến hết năm 2025", CueKind.Deadline, 2025, YearForm.Lead)]
    [InlineData("đến cuối năm 2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("trong năm 2026", CueKind.Deadline, 2026, YearForm.Lead)]
    [InlineData("vào năm 2030", CueKind.Deadline, 2030, YearForm.Lead)]
    [InlineData("giai đoạn 2026 - 2030", CueKind.Deadline, 2030, YearForm.Lead)]
    [InlineData("2026-2030", CueKind.Deadline, 2030, YearForm.Period)]
    [InlineData("năm 2026", CueKind.Deadline, 2026, YearForm.Plain)]
    [InlineData("trước 31/12/2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("trước ngày 31/12/2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("hoàn thành đến ngày 31/12/2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("giai đoạn từ 2026 - 2030", CueKind.Deadline, 2030, YearForm.Period)]
    [InlineData("Tầm nhìn đến năm 2045", CueKind.Deadline, 2045, YearForm.Lead)]
    [InlineData("Đến 2030", CueKind.Deadline, 2030, YearForm.Lead)]
    [InlineData("từ nay đến năm 2030", CueKind.Deadline, 2030, YearForm.Lead)]
    [InlineData("tính đến ngày 30/9/2025", CueKind.Baseline, 2025, YearForm.Lead)]
    [InlineData("tính đến hết năm 2024", CueKind.Deadline, 2024, YearForm.Lead)]
    [InlineData("ngày 22/12/2024", CueKind.Deadline, 2024, YearForm.Date)]
    [InlineData("tháng 9 năm 2025", CueKind.Deadline, 2025, YearForm.Date)]
    [InlineData("Đến tháng 6/2025", CueKind.Deadline, 2025, YearForm.Lead)]
    [InlineData("Đến Quý IV/2027", CueKind.Deadline, 2027, YearForm.Lead)]
    [InlineData("trong quý 2 năm 2026", CueKind.Deadline, 2026, YearForm.Lead)]
    [InlineData("quý III/2026", CueKind.Deadline, 2026, YearForm.Date)]
    public void TimePhrase_GivesItsCue(string phrase, CueKind kind, int year, YearForm form)
    {
        var cue = Assert.Single(Finder.Find(phrase));
        Assert.Equal((kind, year, form), (cue.Kind, cue.Year!.Value, cue.Form));
    }

    [Theory]
    [InlineData("hằng năm", CueKind.Annual)]
    [InlineData("hàng năm", CueKind.Annual)]
    [InlineData("mỗi năm", CueKind.Annual)]
    [InlineData("bình quân hằng năm", CueKind.Annual)]
    [InlineData("hiện nay", CueKind.Baseline)]
    [InlineData("đã đạt", CueKind.Baseline)]
    [InlineData("so với cùng kỳ", CueKind.Baseline)]
    [InlineData("phấn đấu", CueKind.Target)]
    [InlineData("mục tiêu", CueKind.Target)]
    public void Word_GivesItsCue(string phrase, CueKind kind) =>
        Assert.Equal(kind, Assert.Single(Finder.Find(phrase)).Kind);

    [Theory]
    [InlineData("so với năm 2024")]
    [InlineData("Nghị quyết số 41/2025/NQ-HĐND")]
    [InlineData("từ năm 2021")]
    [InlineData("HỘI ĐỒNG NHÂN DÂN XÃ KHOÁ XIII, NHIỆM KỲ 2021-2026")]
    [InlineData("đạt 2025 lượt")]
    public void Reference_IsNoGoverningCue(string text) =>
        Assert.DoesNotContain(Finder.Find(text), c => c.Form != YearForm.Bare);

    [Theory]
    [InlineData("Kết quả đạt được", CueKind.Baseline)]
    [InlineData("I. THỰC TRẠNG KHOA HỌC, CÔNG NGHỆ", CueKind.Baseline)]
    [InlineData("Tình hình thực hiện", CueKind.Baseline)]
    [InlineData("KẾT QUẢ NĂM 2025", CueKind.Baseline)]
    [InlineData("ĐẶC ĐIỂM TÌNH HÌNH", CueKind.Baseline)]
    [InlineData("Mục tiêu cụ thể", CueKind.Target)]
    // a capital's tone misread by OCR
    [InlineData("KẾT QUÁ ĐẠT ĐƯỢC NHIỆM KỲ 2020 - 2025", CueKind.Baseline)]
    [InlineData("KẾT QUÁ THỰC HIỆN", CueKind.Baseline)]
    [InlineData("TÌNH HỈNH THỰC HIỆN", CueKind.Baseline)]
    public void Heading_StatesAStatus(string title, CueKind kind)
    {
        var t = title.StartsWith("I. ") ? title[3..] : title;
        Assert.Equal(kind, Finder.StatusOfHeading(t)!.Kind);
    }

    [Theory]
    [InlineData("Thực hiện hiệu quả các nhiệm vụ chuyển đổi số")]
    [InlineData("Đánh giá, xếp loại cán bộ")]
    // tones are read through only in a phrase of three syllables or more
    [InlineData("Chi tiêu ngân sách cho chuyển đổi số")]
    [InlineData("THỰC TRÁNG ĐÔ THỊ")]
    // what a plan expects to achieve is a target
    [InlineData("Kết quả dự kiến")]
    public void TaskHeading_StatesNoStatus(string title) => Assert.Null(Finder.StatusOfHeading(title));

    [Theory]
    [InlineData("Thực hiện năm 2024", CueKind.Baseline, 2024)]
    [InlineData("Năm 2025 (ước)", CueKind.Baseline, 2025)]
    [InlineData("Kế hoạch năm 2025", CueKind.Target, 2025)]
    [InlineData("Hiện trạng 2024", CueKind.Baseline, 2024)]
    public void ColumnHeader_GivesStatusAndYear(string header, CueKind status, int year)
    {
        var cues = Finder.ColumnCues(header);
        Assert.Contains(cues, c => c.Kind == status);
        Assert.Contains(cues, c => c.Year == year);
    }

    private static Cue Deadline(int year, YearForm form = YearForm.Lead) => new(0, 1, CueKind.Deadline, year, $"năm {year}", form);
    private static Cue Word(CueKind kind) => new(0, 1, kind, null, kind.ToString());
    private static ScopeNode Node(ScopeLevel level, params Cue[] cues) => new(level, cues);

    [Fact]
    public void InnermostYear_Wins()
    {
        var d = ScopeResolver.Decide([Node(ScopeLevel.Value, Deadline(2030)), Node(ScopeLevel.Sentence, Deadline(2027)), Node(ScopeLevel.Section, Deadline(2025))], 2025);
        Assert.Equal((2030, TargetKind.Target), (d.Year!.Value, d.Kind));
        Assert.Equal(ScopeLevel.Value, d.YearCue!.Level);
    }

    [Fact]
    public void ExplicitRecurrence_BeatsTheBlockYear()
    {
        var d = ScopeResolver.Decide([Node(ScopeLevel.Value, Word(CueKind.Annual)), Node(ScopeLevel.LeadIn, Deadline(2030))], 2025);
        Assert.Equal((null, true), (d.Year, d.Annual));
    }

    [Fact]
    public void YearAndStatus_AreDecidedSeparately()
    {
        // a baseline section, a past year in the sentence
        var d = ScopeResolver.Decide([Node(ScopeLevel.Sentence, Deadline(2024)), Node(ScopeLevel.Section, Word(CueKind.Baseline))], 2025);
        Assert.Equal((2024, TargetKind.Baseline), (d.Year!.Value, d.Kind));
    }

    [Fact]
    public void Baseline_WithoutAYear_TakesTheDocumentYear()
    {
        var d = ScopeResolver.Decide([Node(ScopeLevel.Sentence, Word(CueKind.Baseline)), Node(ScopeLevel.Document, Deadline(2030))], 2025);
        Assert.Equal((2025, TargetKind.Baseline), (d.Year!.Value, d.Kind));
    }

    [Fact]
    public void PastYearNearTheValue_MakesABaseline()
    {
        var d = ScopeResolver.Decide([Node(ScopeLevel.Sentence, Deadline(2024, YearForm.Plain))], 2025);
        Assert.Equal((2024, TargetKind.Baseline), (d.Year!.Value, d.Kind));
    }

    [Fact]
    public void PastYearOfAHeading_StaysATarget()
    {
        // "2.1. Đến hết năm 2025" in a plan dated 2026 still holds targets
        var d = ScopeResolver.Decide([Node(ScopeLevel.Section, Deadline(2025))], 2026);
        Assert.Equal((2025, TargetKind.Target), (d.Year!.Value, d.Kind));
    }

    [Fact]
    public void NearerStatusWord_Wins()
    {
        var d = ScopeResolver.Decide([Node(ScopeLevel.Sentence, Word(CueKind.Target), Word(CueKind.Baseline))], 2025);
        Assert.Equal(TargetKind.Target, d.Kind);
    }

    [Fact]
    public void BareYear_GovernsOnlyFromAColumn()
    {
        Assert.Null(ScopeResolver.Decide([Node(ScopeLevel.Sentence, Deadline(2027, YearForm.Bare))], 2025).Year);
        Assert.Equal(2027, ScopeResolver.Decide([Node(ScopeLevel.Column, Deadline(2027, YearForm.Bare))], 2025).Year);
    }

    private const string Resolution2030 = "ĐẢNG ỦY XÃ THẠCH BÀN\nSố: 09-NQ/ĐU\nThạch Bàn, ngày 26 tháng 9 năm 2025\nNGHỊ QUYẾT\nvề đẩy mạnh chuyển đổi số xã Thạch Bàn đến năm 2030\n";

    public static TheoryData<string, double[], int?[], string[]> ProseCases => new()
    {
        // a year after a value binds to that value
        { "Tỷ lệ phủ sóng 5G theo dân số đạt 60% vào năm 2027 và 95% vào năm 2030.", [60, 95], [2027, 2030], ["target", "target"] },
        // a year alone in a bracket after a value, or set before it with a dash, dates that value
        { "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 85% (năm 2027), 95% (2030).", [85, 95], [2027, 2030], ["target", "target"] },
        { "Tỷ lệ thanh toán trực tuyến: 2026 - 50%; 2027 - 60%; 2028 - 70%.", [50, 60, 70], [2026, 2027, 2028], ["target", "target", "target"] },
        { "Số doanh nghiệp công nghệ số: 2026 - 120 doanh nghiệp; 2027 - 150 doanh nghiệp.", [120, 150], [2026, 2027], ["target", "target"] },
        // as many years after the figures as figures: each its own, in order
        { "Tỷ lệ hồ sơ trực tuyến toàn trình lần lượt đạt 75%, 85% và 95% vào các năm 2026, 2027 và 2028.", [75, 85, 95], [2026, 2027, 2028], ["target", "target", "target"] },
        // or a span of as many years; the years close their ';' clause, the next clause is not theirs
        { "Tỷ lệ hộ gia đình có cáp quang lần lượt đạt 40%, 50%, 60%, 70% và 80% trong các năm từ 2026 đến 2030.", [40, 50, 60, 70, 80], [2026, 2027, 2028, 2029, 2030], ["target", "target", "target", "target", "target"] },
        { "Đến năm 2030, tỷ lệ phủ sóng 5G lần lượt đạt 60%, 80% và 99% vào các năm 2026, 2028 và\n2030; 100% hộ gia đình có cáp quang.", [60, 80, 99, 100], [2026, 2028, 2030, 2030], ["target", "target", "target", "target"] },
        // a bracket that says more than a year is its own ("chỉ tiêu năm 2025 là 50%", below)
        // a year in a sentence governs its later values across ',' and ';'
        { "Đến năm 2030, tỷ lệ hộ gia đình có cáp quang đạt 50%; tỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 60%.", [50, 60], [2030, 2030], ["target", "target"] },
        { "Tỷ trọng kinh tế số năm 2026 đạt 12%, năm 2028 đạt 16% và đến năm 2030 đạt tối thiểu 20%.", [12, 16, 20], [2026, 2028, 2030], ["target", "target", "target"] },
        // a sentence may start with a figure: the year of the one before stays there
        { Some.Header2025 + "Kinh tế số chiếm 9,4% GRDP năm 2024. 100% xã có cáp quang vào năm 2027.", [9.4, 100], [2024, 2027], ["baseline", "target"] },
        // a lead-in ending in ':' governs its list
        { "Đến năm 2025, kế hoạch đặt ra các mục tiêu sau:\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n- Tỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 90%.", [80, 90], [2025, 2025], ["target", "target"] },
        { "Các chỉ tiêu chủ yếu năm 2026 như sau:\n- Tỷ lệ hộ gia đình có cáp quang đạt 80%;\n- Tỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 90%.", [80, 90], [2026, 2026], ["target", "target"] },
        // an item that opens a list of its own keeps the lead-in open for that list's lines
        { "2. Mục tiêu đến năm 2030\nRiêng trong năm 2026, phấn đấu:\n- Về chính quyền số:\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 90%.\nTỷ lệ văn bản được ký số đạt 95%.", [90, 95], [2026, 2026], ["target", "target"] },
        // and only its list: a plain paragraph after the items goes back to the heading's year
        { "2. Mục tiêu đến năm 2030\n- Tỷ lệ hộ gia đình có cáp quang đạt 98%.\nRiêng trong năm 2026, hoàn thành các chỉ tiêu sau:\n- 100% cán bộ được bồi dưỡng kỹ năng số;\n- 02 tuyến phố thanh toán không dùng tiền mặt.\nTỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt 60%.", [98, 100, 2, 60], [2030, 2026, 2026, 2030], ["target", "target", "target", "target"] },
        // the opening words of an earlier sentence govern the later sentences of the paragraph
        { "Với kinh tế số, đến năm 2025, tỷ trọng kinh tế số đạt 20% GDP. Bên cạnh đó, phấn đấu có 50% số xã có thương nhân bán hàng qua mạng.", [20, 50], [2025, 2025], ["target", "target"] },
        // a sentence stating no figure governs what follows
        { "Chương trình xác định các mục tiêu phải đạt vào năm 2030.\n\nTỷ lệ giao dịch không dùng tiền mặt đạt trên 80%.", [80], [2030], ["target"] },
        // the opening deadline of a paragraph carries to the next one that names no time
        { "Theo Chiến lược, đến 2025 dịch vụ 5G có mặt tại 100% tỉnh.\nCùng với đó, ít nhất 2 tuyến cáp quang biển mới được đưa vào khai thác.", [100, 2], [2025, 2025], ["target", "target"] },
        { "Năm 2030: sóng 5G phủ tới 99% dân số.\nÍt nhất 6 tuyến cáp quang biển mới được triển khai.", [99, 6], [2030, 2030], ["target", "target"] },
        // a recurrence stays in its ';' clause; the block's year governs the next ones
        { "Đến năm 2030:\n- Các chỉ tiêu chủ yếu: (1) Tốc độ tăng trưởng bình quân hằng năm đạt 10%; (2) Kinh tế số chiếm 30% giá trị sản xuất; (3) Tỷ lệ đô thị hóa đạt 40%.", [10, 30, 40], [null, 2030, 2030], ["target", "target", "target"] },
        // a recurrence inside a measure's words is that measure's; one that opens its clause frames the clause
        { "Đến năm 2030, bố trí hằng năm ít nhất 3% tổng chi ngân sách cho khoa học, đóng góp của TFP vào tăng trưởng đạt trên 55%.", [3, 55], [null, 2030], ["target", "target"] },
        { "Đến năm 2030:\n- Hằng năm, 100% thủ tục hành chính được công khai, 95% người dân hài lòng.", [100, 95], [null, null], ["target", "target"] },
        // an explicit recurrence makes the target annual inside a year block
        { "Đến năm 2030:\n- Dành tối thiểu 3% tổng chi ngân sách xã hằng năm cho khoa học.", [3], [null], ["target"] },
        // a recurrence in a bracket after the value, or in a heading that states no figure, recurs the same
        { "Đến năm 2030:\n- Tỷ lệ văn bản được ký số đạt 100% (duy trì hằng năm).\n- Tỷ lệ hồ sơ trực tuyến đạt 90% (năm 2027).", [100, 90], [null, 2027], ["target", "target"] },
        { "II. MỤC TIÊU ĐẾN NĂM 2030\n1. Chỉ tiêu chung\n- Tỷ lệ hồ sơ trực tuyến toàn trình đạt 90%.\n2. Chỉ tiêu thực hiện hằng năm\n- Tỷ lệ cán bộ được tập huấn an toàn thông tin đạt 100%.", [90, 100], [2030, null], ["target", "target"] },
        { "II. MỤC TIÊU ĐẾN NĂM 2030\n1. Tốc độ tăng năng suất lao động bình quân hằng năm đạt trên 7%; đóng góp của TFP vào tăng trưởng đạt trên 55%.", [7, 55], [null, 2030], ["target", "target"] },
        // status: present-tense cue, as-of date, a results section, brackets, "so với cùng kỳ"
        { Some.Header2025 + "Hiện nay, tỷ lệ người dân có tài khoản định danh mới đạt 81,4%.", [81.4], [2025], ["baseline"] },
        { Some.Header2025 + "Tính đến ngày 30/9/2025, tỷ lệ hồ sơ trực tuyến đạt 52,36%; tỷ lệ thanh toán trực tuyến đạt 41,8%.", [52.36, 41.8], [2025, 2025], ["baseline", "baseline"] },
        // a word that names the present dates its figure by the document, not by an earlier sentence's year
        { Some.Header2025 + "Năm 2024, tỷ lệ hộ gia đình dùng cáp quang đạt 62,4%. Hiện nay, 100% cán bộ xã có chữ ký số.", [62.4, 100], [2024, 2025], ["baseline", "baseline"] },
        // other status words leave the earlier sentence's year in force
        { Some.Header2025 + "Năm 2024, tỷ lệ hộ gia đình dùng cáp quang đạt 62,4%. Tỷ lệ thanh toán trực tuyến đã đạt 41,8%.", [62.4, 41.8], [2024, 2024], ["baseline", "baseline"] },
        { Some.Header2025 + "1. Kết quả đạt được\nĐến hết năm 2024, 99,2% thôn có sóng 4G; tỷ lệ hộ gia đình dùng cáp quang đạt 76,5%.", [99.2, 76.5], [2024, 2024], ["baseline", "baseline"] },
        { Some.Header2025 + "Tính đến ngày 30/9/2025, tỷ lệ dân số được phủ sóng 5G đạt 46,8% (chỉ tiêu năm 2025 là 50%); tỷ lệ hộ gia đình dùng cáp quang đạt 81,3%.", [46.8, 50, 81.3], [2025, 2025, 2025], ["baseline", "target", "baseline"] },
        { Some.Header2025 + "Năm 2024, tỷ lệ hộ gia đình dùng cáp quang đạt 81,3%, so với cùng kỳ tăng 6,1%.", [81.3, 6.1], [2024, 2024], ["baseline", "baseline"] },
        // a comparison with the same period states a result for its whole clause, unless the sentence aims at its figures
        { Some.Header2025 + "\n" + "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 61,3%, tăng 9,8% so với cùng kỳ năm trước.", [61.3, 9.8], [2025, 2025], ["baseline", "baseline"] },
        { Some.Header2025 + "\n" + "Phấn đấu năm 2026 tỷ lệ hồ sơ trực tuyến đạt 80%, tăng 5% so với cùng kỳ.", [80, 5], [2026, 2025], ["target", "baseline"] },
        { Some.Header2025 + "\n" + "Tỷ lệ hồ sơ giải quyết trễ hạn hiện chỉ còn 1,2%.", [1.2], [2025], ["baseline"] },
        // a present word anywhere nearer than the earlier year, whichever word says baseline ("mới đạt")
        { Some.Header2025 + "Năm 2024, tỷ lệ hộ gia đình dùng cáp quang đạt 62,4%. Hiện nay, tỷ lệ thanh toán trực tuyến mới đạt 41,8%.", [62.4, 41.8], [2024, 2025], ["baseline", "baseline"] },
        // years named from the document's: this year, next year, the end of the year with no year after it
        { Some.Header2025 + "Năm nay, tỷ lệ hồ sơ trực tuyến toàn trình đạt 70%. Năm tới, tỷ lệ thanh toán trực tuyến đạt 80%.", [70, 80], [2025, 2026], ["target", "target"] },
        { Some.Header2025 + "\nI. MỤC TIÊU\nĐến cuối năm, 75% người dân có chữ ký số; đến cuối năm 2027, 90%.", [75, 90], [2025, 2027], ["target", "target"] },
        { "Năm nay, tỷ lệ hồ sơ trực tuyến toàn trình đạt 70%.", [70], [null], ["target"] },
        // a figure whose own verb is in the past was done; a past word inside the indicator's name says nothing of the figure
        { Some.Header2025 + "Đến năm 2030:\n- Toàn tỉnh đã tổ chức 2.315 lớp tập huấn kỹ năng số.\n- Tỷ lệ khai thác dữ liệu đã được số hóa đạt 80%.", [2315, 80], [2025, 2030], ["baseline", "target"] },
        // a cumulative count as of a date or a year is what was done by then, in a section of aims too
        { Some.Header2025 + "\nI. MỤC TIÊU\nLũy kế đến ngày 30/11/2025, 24.716/26.902 người dân trưởng thành có tài khoản định danh điện tử, đạt 91,9%.", [91.9], [2025], ["baseline"] },
        { Some.Header2025 + "\nI. MỤC TIÊU\nLũy kế đến năm 2024, toàn xã có 12 tổ công nghệ số cộng đồng.", [12], [2024], ["baseline"] },
        // a year farther from the figure than the present word before it is another figure's ("hiện còn" dates its own)
        { Some.Header2025 + "\nNhiệm kỳ qua, kinh tế tăng trưởng khá; thu nhập bình quân đầu người năm 2024 đạt 61,2 triệu đồng; tỷ lệ hộ nghèo hiện còn 1,8%; tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt 74%.", [61.2, 1.8, 74], [2024, 2025, 2025], ["baseline", "baseline", "baseline"] },
        { Some.Header2025 + "\nHiện nay, tỷ lệ hộ nghèo năm 2024 còn 1,8%.", [1.8], [2024], ["baseline"] },
        // "thực hiện đạt" names no present: the plan's year dates what was done
        { Some.Header2025.Replace("năm 2025", "năm 2026") + "\n1. Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình năm 2025: thực hiện đạt 92,4%.", [92.4], [2025], ["baseline"] },
        // so was one whose own subject's verb after it is, unless something in its scope aims at it
        // (the count before it, which nothing dates, describes the ward: no target)
        { Some.Header2025 + "\nPhường có 34 tổ dân phố; 100% tổ dân phố đã thành lập Tổ công nghệ số cộng đồng.", [100], [2025], ["baseline"] },
        { Some.Header2025 + "\nKhoảng 40% hộ kinh doanh đã dùng mã QR để thanh toán.", [40], [2025], ["baseline"] },
        { Some.Header2025 + "\nGiai đoạn 2029 - 2030: 100% dữ liệu đã số hóa được khai thác, sử dụng lại.", [100], [2030], ["target"] },
        { Some.Header2025 + "\nPhấn đấu 100% hộ gia đình đã có điện thoại thông minh.", [100], [null], ["target"] },
        // the end of the year and a quarter with no year after them are the document's
        { Some.Header2025 + "\nTrong quý IV, mỗi tổ dân phố hướng dẫn ít nhất 50 người dân; phấn đấu cuối năm có 25% người dân có chữ ký số.", [50, 25], [2025, 2025], ["target", "target"] },
        // so is the present after a multiple or "so với": the sentence's deadline still holds
        { Some.Header2025 + "\nĐến năm 2030, tỉnh phấn đấu có 250 doanh nghiệp công nghệ số, gấp gần 3 lần hiện nay, kinh tế số đạt 22% GRDP.", [250, 22], [2030, 2030], ["target", "target"] },
        { Some.Header2025 + "\nĐến năm 2030, số doanh nghiệp công nghệ số tăng 50% so với hiện nay.", [50], [2030], ["target"] },
        { Some.Header2025 + "\nHiện nay, tỷ lệ hộ gia đình có cáp quang đạt 70%.", [70], [2025], ["baseline"] },
        { Some.Header2025 + "\nGiai đoạn 2026 - 2030, số doanh nghiệp công nghệ số tăng từ 120 doanh nghiệp hiện nay lên 300 doanh nghiệp.", [120, 300], [2025, 2030], ["baseline", "target"] },
        // a year after a multiple is what the figure is compared with, not its own
        { Some.Header2025 + "\nNăm 2025, giá trị sản phẩm bán qua sàn thương mại điện tử đạt 4,2 tỷ đồng, gấp 7 lần năm 2021.", [4.2], [2025], ["target"] },
        // a wrapped line of the body that holds a date is no dateline: its sentence goes on
        { Some.Header2025 + "\nTính đến ngày 30/9/2024, tỷ lệ\nhồ sơ trực tuyến toàn trình đạt 52,4%.", [52.4], [2024], ["baseline"] },
        // a plain year after a speaker's label opens the paragraph, and the answer under it goes on with it
        { Some.Header2025 + "\nPV: Năm 2026, xã đặt ra những chỉ tiêu gì?\nBà Hoa: Chúng tôi đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.", [80], [2026], ["target"] },
        { Some.Header2025 + "\nPhóng viên hỏi bà về những chỉ tiêu mà xã đã đặt ra cho: năm 2026 thì sao?\nBà Hoa: Chúng tôi đặt mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.", [80], [null], ["target"] },
        // a paragraph that reports frames nothing after it; one that aims does
        { Some.Header2025 + "\nNăm 2024, con số này ước đạt 6,7%.\nTỷ lệ thanh toán không dùng tiền mặt đạt 70%.", [6.7, 70], [2024, null], ["baseline", "target"] },
        { Some.Header2025 + "\nĐến năm 2030, tỷ lệ hộ có cáp quang đạt 90%.\nTỷ lệ thanh toán không dùng tiền mặt đạt 70%.", [90, 70], [2030, 2030], ["target", "target"] },
        // "năm tới" after a number or "những" is a span ahead; the end of the year a heading frames is that year's
        { Some.Header2025 + "\nĐến năm 2030:\n- Trong những năm tới, tỷ trọng kinh tế số đạt 20% GRDP.\n- Trong 5 năm tới, 100% thôn có điểm phát wifi.", [20, 100], [2030, 2030], ["target", "target"] },
        { Some.Header2025 + "\nII. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026\n- Phấn đấu đến cuối năm, 100% thôn có wifi công cộng.", [100], [2026], ["target"] },
        { Some.Header2025 + "\nTỷ lệ hộ gia đình có cáp quang đạt 80%, hoàn thành trong quý IV, trước 31/12/2027.", [80], [2027], ["target"] },
        // a sentence with a deadline keeps its figure a target beside a comparison with the same period
        { Some.Header2025 + "\nĐến năm 2026, tỷ lệ hộ gia đình có cáp quang đạt 85%, tăng 5% so với cùng kỳ năm trước.", [85, 5], [2026, 2025], ["target", "baseline"] },
        // a past word in a rate's name; a span of years without "lần lượt" pairs nothing in turn
        { Some.Header2025 + "\nĐến năm 2026, tỷ lệ lao động đã qua đào tạo đạt 80%.", [80], [2026], ["target"] },
        { Some.Header2025 + "\nĐến năm 2026, 100% xã và 80% thôn có điểm phát wifi công cộng trong giai đoạn 2025 - 2026.", [100, 80], [2026, 2026], ["target", "target"] },
        // "hình ảnh:" in a list is no photo's credit; a recurrence in a heading's bracket says how targets are assessed
        { "II. MỤC TIÊU ĐẾN NĂM 2030\n1. Số hóa tài liệu\n- Tài liệu giấy: 80%\n- Tài liệu hình ảnh: 100%\n2. Hạ tầng số\n- 100% thôn có điểm phát wifi.", [80, 100, 100], [2030, 2030, 2030], ["target", "target", "target"] },
        { "II. MỤC TIÊU ĐẾN NĂM 2030\n3. Chỉ tiêu cụ thể (đánh giá hằng năm)\n- 100% thôn có điểm phát wifi công cộng.", [100], [2030], ["target"] },
        // the starting level of a rise, dated by the year after it
        { Some.Header2025 + "Tỷ trọng kinh tế số tăng từ 6,8% năm 2022 lên 9,1% năm 2024.", [6.8, 9.1], [2022, 2024], ["baseline", "baseline"] },
        // a year in the starting level's words is that level's: the level risen to takes its year from the sentence or further out
        { Some.Header2025 + "\nĐến năm 2030, tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo tăng từ 18% năm 2024 lên 40%.", [18, 40], [2024, 2030], ["baseline", "target"] },
        { Some.Header2025 + "\nII. MỤC TIÊU ĐẾN NĂM 2030\nTỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo tăng từ 18% năm 2024 lên 40% vào cuối giai đoạn.", [18, 40], [2024, 2030], ["baseline", "target"] },
        { Some.Header2025 + "\nTỷ lệ hộ gia đình sử dụng Internet cáp quang tăng từ 54% năm 2020 lên 83,6% năm 2025.", [54, 83.6], [2020, 2025], ["baseline", "baseline"] },
        // a past term that opens a sentence frames it as a period does; its years are no congress's name there
        { Resolution2030 + "\nNhiệm kỳ 2020 - 2025, chuyển đổi số trên địa bàn xã đạt một số kết quả bước đầu: 100% thôn có sóng di động 4G; tỷ lệ thanh toán trực tuyến đạt 47,3%.", [100, 47.3], [2025, 2025], ["baseline", "baseline"] },
        { Resolution2030 + "\nNhiệm kỳ 2025 - 2030, phấn đấu 100% thôn có sóng di động 5G.", [100], [2030], ["target"] },
        { Resolution2030 + "Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030 đề ra mục tiêu 100% thôn có sóng di động 5G.", [100], [2030], ["target"] },
        // the situation a section describes is the present
        { Resolution2030 + "I. TÌNH HÌNH\nChuyển đổi số trên địa bàn xã đạt một số kết quả bước đầu: 100% thôn có sóng di động 4G.\nII. MỤC TIÊU\n1. Đến năm 2030\n- 100% thôn được phủ sóng di động 5G.", [100, 100], [2025, 2030], ["baseline", "target"] },
        // a level only reached so far, beside the aim for the year
        { Some.Header2025 + "\nTiến độ giải ngân còn chậm, mới đạt 46% kế hoạch vốn. Mạng 5G mới phủ khoảng 54% dân số, trong khi mục tiêu đến cuối năm là 70%.", [54, 70], [2025, 2025], ["baseline", "target"] },
        // an item's own time is that item's; its sibling items keep the heading's
        { "2. Mục tiêu đến năm 2030\n(1) Ngay trong năm 2026, 100% thủ tục hành chính được cung cấp trực tuyến toàn trình.\n(2) Có tối thiểu 250 doanh nghiệp công nghệ số.\n(3) Hằng năm, chi cho khoa học chiếm tối thiểu 3% tổng chi ngân sách.\n(4) 100% đại biểu sử dụng thành thạo phần mềm họp trực tuyến.", [100, 250, 3, 100], [2026, 2030, null, 2030], ["target", "target", "target", "target"] },
        { "2. Mục tiêu đến năm 2030\na) Năm 2026, 100% thôn có điểm phát wifi công cộng.\nb) 80% hộ gia đình có cáp quang.", [100, 80], [2026, 2030], ["target", "target"] },
        // a paragraph's time still frames the items under it
        { "2. Mục tiêu đến năm 2030\nNăm 2026, tỷ lệ hộ gia đình có cáp quang đạt 80%.\n- 100% thôn có điểm phát wifi công cộng.", [80, 100], [2026, 2026], ["target", "target"] },
        // a paragraph that looks back over the past period reports, the document's year too
        { Some.Header2025 + "\nThời gian qua, chuyển đổi số của phường đạt kết quả tích cực. Năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt 79,5%; Chỉ số chuyển đổi số của phường xếp thứ 9/41 xã, phường của tỉnh.", [79.5, 9], [2025, 2025], ["baseline", "baseline"] },
        // a paragraph that goes on from a report in the document's own year reports too; a later year or a target's word does not
        { Some.Header2025 + "\nĐến nay, 100% chi bộ đã sử dụng Sổ tay đảng viên điện tử.\nNăm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt 79,5%.", [100, 79.5], [2025, 2025], ["baseline", "baseline"] },
        { Some.Header2025 + "\nĐến nay, 100% chi bộ đã sử dụng Sổ tay đảng viên điện tử.\nNăm 2026, tỷ lệ hồ sơ trực tuyến toàn trình đạt 85%.", [100, 85], [2025, 2026], ["baseline", "target"] },
        { Some.Header2025 + "\nĐến nay, 100% chi bộ đã sử dụng Sổ tay đảng viên điện tử.\nNăm 2025, phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt 85%.", [100, 85], [2025, 2025], ["baseline", "target"] },
        // a figure that went past its target is a result; the target it passed is one
        { Some.Header2025 + "\nTrong 6 tháng đầu năm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt 78,5%, vượt chỉ tiêu 75% của cả năm.", [78.5, 75], [2025, 2025], ["baseline", "target"] },
        { Some.Header2025 + "\nNăm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt 74,5%, vượt kế hoạch đề ra.", [74.5], [2025], ["baseline"] },
        { Some.Header2025 + "\nNăm 2025, tỷ lệ hồ sơ trực tuyến toàn trình đạt 92,4%, vượt 7,4 điểm phần trăm so với kế hoạch.", [92.4], [2025], ["baseline"] },
        // passing a mark is how a target is worded, not a result
        { Some.Header2025 + "\nĐến cuối năm, tỉnh phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình vượt mốc 75%.", [75], [2025], ["target"] },
    };

    [Theory]
    [MemberData(nameof(ProseCases))]
    public void Prose_ScopePath_GivesYearAndKind(string text, double[] values, int?[] years, string[] kinds)
    {
        var got = Some.Candidates(text);
        Assert.Equal(values, got.Select(c => c.Value!.Value));
        Assert.Equal(years, got.Select(c => c.Year));
        Assert.Equal(kinds, got.Select(c => c.Kind == TargetKind.Baseline ? "baseline" : "target"));
    }

    [Fact]
    public void RecurringRate_RaisedBlockByBlock_IsASeriesOfDeadlines()
    {
        var got = Some.Candidates("2.3. Đến năm 2035:\n- Phấn đấu 1,5% chi ngân sách hằng năm cho khoa học.\n2.4. Đến năm 2040:\n- Phấn đấu 2% chi ngân sách hằng năm cho khoa học.\n");
        Assert.Equal([(int?)2035, 2040], got.Select(c => c.Year));
        Assert.All(got, c => Assert.False(c.Annual));
        // once only, the recurrence stands
        var once = Assert.Single(Some.Candidates("Đến năm 2035:\n- Phấn đấu 1,5% chi ngân sách hằng năm cho khoa học.\n"));
        Assert.True(once.Annual);
    }

    [Fact]
    public void ValueNamingNoIndicator_SharesTheOneItsSentenceNamed()
    {
        var got = Some.Candidates("Tỷ trọng kinh tế số trong GRDP của tỉnh năm 2026 đạt 12%, năm 2028 đạt 16% và đến năm 2030 đạt tối thiểu 20%.");
        Assert.All(got, c => Assert.Equal("Tỷ trọng kinh tế số trong GRDP của tỉnh", c.Indicator));
    }

    [Fact]
    public void EveryTarget_NamesTheCueBehindItsYear()
    {
        var c = Assert.Single(Some.Candidates("Đến năm 2030, tỷ lệ hộ gia đình có cáp quang đạt 50%."));
        Assert.Equal("sentence: Đến năm 2030", c.YearCue);
    }

    [Fact]
    public void BlankLine_PartsParagraphs_UnlessTheTextIsDoubleSpaced()
    {
        Assert.Equal(2, Some.Extract("Tỷ lệ hộ gia đình có cáp quang đạt 50%\n\nTỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 60%\nvà còn tăng.").Document.Paragraphs.Count);
        Assert.Single(Some.Extract("Tỷ lệ hộ gia đình có cáp quang\n\nđạt 50% và tỷ lệ doanh nghiệp\n\ndùng hóa đơn điện tử đạt 60%").Document.Paragraphs);
        // one paragraph per line, each between blank lines (a news page): the blanks still part them
        Assert.Equal(3, Some.Extract("Tiêu đề bài viết về kinh tế số\n\nĐến năm 2030, kinh tế số đạt 30% GRDP\n\nTỷ lệ doanh nghiệp dùng hóa đơn điện tử đạt 60%").Document.Paragraphs.Count);
    }

    [Theory]
    // a counted item after a sentence's end or a heading opens a paragraph of its own
    [InlineData("2. Mục tiêu đến năm 2030\n(1) Kinh tế số chiếm 20% GRDP.\n(2) Có 250 doanh nghiệp công nghệ số.\nb) Có 3 sản phẩm số.", 4)]
    // a wrapped line that opens with a reference to an item goes on with its sentence
    [InlineData("Kinh tế số chiếm 20% GRDP theo mục tiêu tại điểm\n(1) của Nghị quyết.", 1)]
    public void CountedListItem_OpensAParagraph(string text, int paragraphs) =>
        Assert.Equal(paragraphs, Some.Extract(text).Document.Paragraphs.Count);

    [Fact]
    public void Headline_FramesANewsReport_AndIsNotCountedAgain()
    {
        var got = Some.Candidates("Đến 2030, kinh tế số chiếm ít nhất 30% GDP\n\nĐến 2030, kinh tế số chiếm ít nhất 30% GDP\nBài gốc\nNghị quyết đặt mục tiêu có ít nhất 5 doanh nghiệp công nghệ số.");
        // the headline's figure once, though a line repeats it
        Assert.Equal([(5.0, 2030), (30.0, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
    }

    [Theory]
    // a headline that states a figure with a plain year sums up one target: the article's other figures are its own
    [InlineData("Xã An Phú phấn đấu năm 2026 có 80% hồ sơ được xử lý trực tuyến", 2025)]
    // one whose year has a deadline's lead frames the article all the same
    [InlineData("Xã An Phú phấn đấu đến năm 2030 có 80% hồ sơ được xử lý trực tuyến", 2030)]
    // as does one that states no figure
    [InlineData("Xã An Phú: kế hoạch chuyển đổi số năm 2026", 2026)]
    public void Headline_FramesTheArticle_UnlessItSumsUpOneFigure(string headline, int year)
    {
        var got = Some.Candidates($"{headline}\nThứ Năm, 21/08/2025 - 15:42\n(AP) - Chiều 20/8, xã An Phú họp bàn kế hoạch.\nCác sở, ngành phải bảo đảm đến cuối năm tỷ lệ thanh toán trực tuyến đạt 60%.");
        var c = Assert.Single(got, x => x.Value == 60);
        Assert.Equal((60.0, year), (c.Value!.Value, c.Year!.Value));
    }

    [Theory]
    // a figure the headline alone states is the article's target; one the body restates is counted once, from the body
    [InlineData("Xã An Phú phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 92 triệu đồng", "Đại hội đã thông qua Nghị quyết nhiệm kỳ tới.", new[] { 92.0 })]
    [InlineData("Xã An Phú phấn đấu đến năm 2030 thu nhập bình quân đầu người đạt 92 triệu đồng", "Đến năm 2030, thu nhập bình quân đầu người của xã đạt 92 triệu đồng.", new[] { 92.0 })]
    [InlineData("Xã An Phú phấn đấu đến năm 2030 có 80% hồ sơ được xử lý trực tuyến", "Đến năm 2030, tỷ lệ hộ gia đình có cáp quang đạt 95%.", new[] { 95.0, 80 })]
    // the body may restate it in another form: a part of a whole beside its share gives the share alone
    [InlineData("An Phú: đến năm 2030, 78/96 thôn có điểm phát wifi công cộng", "Đến năm 2030, 78/96 thôn có điểm phát wifi công cộng, chiếm 81,3%.", new[] { 81.3 })]
    public void HeadlineFigure_TheBodyDoesNotState_IsKept(string headline, string body, double[] values)
    {
        var got = Some.Candidates($"{headline}\nThứ Năm, 21/08/2025 - 15:42\n(AP) - Chiều 20/8, xã An Phú tổ chức Đại hội.\n{body}");
        Assert.Equal(values, got.Select(c => c.Value!.Value));
        Assert.All(got, c => Assert.Equal(2030, c.Year));
    }

    [Theory]
    [InlineData("Thứ Năm, 21/08/2025 - 15:42")]
    [InlineData("12/09/2025 08:15")]
    [InlineData("Cập nhật: 14:20, 16/01/2026")]
    [InlineData("Thứ Sáu, 18/07/2025, 10:05 (GMT+7)")]
    [InlineData("Cập nhật lúc 09:12, Thứ Tư, 03/12/2025 (GMT+7)")]
    [InlineData("Đăng ngày: 16/09/2025 | Chuyên mục: Xây dựng Đảng")]
    [InlineData("Thứ Năm, 21/08/2025")]
    public void DatelineUnderAHeadline_PartsItFromTheSapo(string dateline)
    {
        // no blank line anywhere: the dateline alone says where the headline ends
        var got = Some.Candidates($"Xã An Phú phấn đấu năm 2026 có 80% hồ sơ được xử lý trực tuyến\n{dateline}\n(AP) - Chiều 20/8, xã An Phú họp bàn kế hoạch.\nNăm 2026, xã phấn đấu 80% hồ sơ được xử lý trực tuyến toàn trình.");
        var c = Assert.Single(got);
        Assert.Equal((80.0, 2026), (c.Value!.Value, c.Year!.Value));
    }

    [Fact]
    public void Caption_RestatingTheBody_IsNotCountedAgain_ButItsOwnFigureIs()
    {
        var got = Some.Candidates("Năm 2026, xã phấn đấu 80% hồ sơ được xử lý trực tuyến toàn trình.\n"
            + "Năm 2026, xã phấn đấu 80% hồ sơ được xử lý trực tuyến. Ảnh:\nMinh Khôi\n"
            + "Về dài hạn, đến năm 2030 xã có ít nhất 03 chợ không dùng tiền mặt.\n"
            + "Đến năm 2030, xã xây dựng thêm ít nhất 1 khu công nghệ thông tin tập trung. Ảnh: HOÀNG TRIỀU");
        Assert.Equal([(80.0, 2026), (3, 2030), (1, 2030)], got.Select(c => (c.Value!.Value, c.Year!.Value)));
    }
}

/// <summary>Footnotes whose markers a scan lost, found by their size at the foot of the page.</summary>
public class FootnoteZoneTests
{
    [Fact]
    public void SmallMarkedLinesAtThePageFoot_AreFootnotes()
    {
        SourceLine L(int n, string text, double height) => new(1, n, text, new BBox(100, n * 50, 2000, n * 50 + height));
        var lines = new List<SourceLine>();
        for (int i = 1; i <= 8; i++) lines.Add(L(i, $"- {i}0% hồ sơ thủ tục hành chính được xử lý trực tuyến,", 40));
        lines.Add(L(9, "- 100% cán bộ, công chức làm chủ kỹ năng số, ứng dụng công", 40));
        lines.Add(L(10, "nghệ trong quản lý, điều hành.", 40));
        lines.Add(L(11, "! Chỉ tiêu số 2, mục 2.2 tại Kế hoạch số 15/KH-UBND về", 30));
        lines.Add(L(12, "thực hiện chuyển đổi số trên địa bàn xã năm 2025.", 30));
        lines.Add(L(13, "* Số liệu Công an xã cung cấp, hiện nay đạt 88,69%.", 30));
        var paragraphs = new ParagraphBuilder(new HeadingParser(Some.Lexicon)).Build(lines.Select(l => new TextBlock([l], false)));
        TextRole RoleOf(string start) => paragraphs.Single(p => p.Lines[0].Text.StartsWith(start)).Role;
        Assert.Equal(TextRole.Footnote, RoleOf("! Chỉ tiêu"));
        Assert.Equal(TextRole.Footnote, RoleOf("* Số liệu"));
        Assert.Equal(TextRole.Body, RoleOf("- 100% cán bộ"));
        Assert.EndsWith("điều hành.", paragraphs.Single(p => p.Lines[0].Text.StartsWith("- 100% cán bộ")).Lines[^1].Text);
    }
}
