using Ingest.Cli.Commands;
using Ingest.Core.Output;
using Ingest.Core.Stages.Repair;
using Ingest.Core.Text;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The shipped repair model on text it must restore, and on text it must leave alone.</summary>
public class RepairTests
{
    private static readonly Lazy<NoisyChannelRepairer> Repairer = new(() =>
        RepairModels.Load(Path.Combine(Repo.Root, "models", RepairModel.DefaultFileName)) ?? throw new InvalidOperationException("no repair model"));

    private static string[] Repair(params string[] lines) => Repairer.Value.Repair(lines).Lines.ToArray();

    /// <summary>The damaged lines repaired as one document, each close enough to its clean line.</summary>
    private static string[] AssertRepaired(string[] damaged, string[] clean, double minAccuracy)
    {
        var repaired = Repair(damaged);
        for (int i = 0; i < clean.Length; i++) Assert.True(WordAccuracy(clean[i], repaired[i]) >= minAccuracy, repaired[i]);
        return repaired;
    }

    private static double WordAccuracy(string expected, string actual)
    {
        var a = expected.Split(' ');
        var b = actual.Split(' ');
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Count(p => VietText.Fold(p.First) == VietText.Fold(p.Second)) / (double)a.Length;
    }

    [Fact]
    public void CleanSamplesAreAlmostUntouched()
    {
        int words = 0, changed = 0;
        foreach (var name in Repo.CleanPlans)
        {
            var lines = File.ReadAllLines(Path.Combine(Repo.Samples, name + ".txt")).Select(VietText.Clean).ToArray();
            var result = Repairer.Value.Repair(lines);
            words += result.Words;
            changed += result.ChangedWords;
            Assert.True(result.Damage.Kept >= 0.9, $"{name}: read as damaged ({result.Damage})");
        }
        Assert.True(changed < words / 1000.0, $"{changed} of {words} words changed");
    }

    [Theory]
    // targets in running prose, a baseline, a period block: none of these lines is in the samples
    [InlineData("Phấn đấu đến năm 2027 đạt 70%, đến năm 2030 đạt 90% người dân có tài khoản định danh điện tử.")]
    [InlineData("Năm 2024 tỷ lệ hồ sơ được xử lý trực tuyến mới đạt 62,5%, thấp hơn mức bình quân của tỉnh.")]
    [InlineData("Giai đoạn 2025-2027: mỗi thôn, làng có ít nhất một tổ công nghệ số cộng đồng hoạt động hiệu quả.")]
    public void StrippedSentencesAreRestored(string clean)
    {
        var repaired = Repair(VietOrthography.StripMarks(clean))[0];
        Assert.True(WordAccuracy(clean, repaired) >= 0.9, repaired);
    }

    [Fact]
    public void NumbersCodesAndPunctuationSurvive()
    {
        var line = "Nghi quyet so 57-NQ/TW ngay 22/12/2024: phu song 5G dat 62,5% (VNeID), 01 Gb/s; 2.1.";
        var repaired = Repair(line)[0];
        foreach (var kept in new[] { "57-NQ/TW", "22/12/2024:", "5G", "62,5%", "(VNeID),", "01", "Gb/s;", "2.1." })
            Assert.Contains(kept, repaired.Split(' '));
        Assert.StartsWith("Nghị quyết số", repaired);
    }

    [Fact]
    public void OldOcrDamageIsRepaired()
    {
        // the kinds of damage an OCR without Vietnamese does, written for this test
        string[] damaged = ["- Ty 1e phu song 5G trén dia ban x4 dat 80% vao nim 2027.", "Dén hét nim 2030, c6 trén 90% ngudi dan st dung dich vu s6."];
        string[] clean = ["- Tỷ lệ phủ sóng 5G trên địa bàn xã đạt 80% vào năm 2027.", "Đến hết năm 2030, có trên 90% người dân sử dụng dịch vụ số."];
        AssertRepaired(damaged, clean, 0.85);
    }

    [Fact]
    public void CapitalsInsideDamagedWordsAreMisreadLettersButBrandsStay()
    {
        // an OCR without Vietnamese reads some marked vowels as capitals ("mUnh" for "mạnh"), written for this test
        string[] damaged = ["Phat huy thJ mUnh clla dia philng, triJn khai img dung IoT va tai khoUn VNeID.", "Nang cUo hilu qua cUi cach hanh chinh trén dia ban x4."];
        string[] clean = ["Phát huy thế mạnh của địa phương, triển khai ứng dụng IoT và tài khoản VNeID.", "Nâng cao hiệu quả cải cách hành chính trên địa bàn xã."];
        var repaired = AssertRepaired(damaged, clean, 0.85);
        foreach (var word in new[] { "mạnh", "triển", "khoản" }) Assert.Contains(word, repaired[0].Split(' '));
        foreach (var brand in new[] { "IoT", "VNeID." }) Assert.Contains(brand, repaired[0].Split(' '));
        // in clean text the same capitals are a brand's own spelling
        Assert.Equal(clean, Repair(clean));
    }

    [Fact]
    public void AcronymsInDamagedTextStayAcronyms()
    {
        // capitals without a vowel are an acronym (perhaps with its Đ read as D), never a syllable; written for this test
        string[] damaged = ["Ban chi dUo CNTT clla HDND xa phii hilp vli UBND trién khai KT-XH.", "Dén hét nim 2030, TT hanh chinh cong cla x4 c6 100% hi sl tric tuyUn."];
        var repaired = Repair(damaged);
        foreach (var word in new[] { "CNTT", "HĐND", "UBND" }) Assert.Contains(word, repaired[0].Split(' '));
        Assert.Contains("TT", repaired[1].Split(' '));
    }

    [Fact]
    public void CapitalsNoSyllableSpellsStayInCleanText()
    {
        // indices and standards by their initials, each a letter or two from a syllable ("GII", "GIÁ"),
        // in a page of plain prose; written for this test
        string[] clean =
        [
            "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu.",
            "Đến năm 2030, tỉnh nằm trong nhóm 10 địa phương dẫn đầu về đổi mới sáng tạo (chỉ số GII).",
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt trên 80%.",
            "Hệ thống quản lý chất lượng của xã được chứng nhận theo tiêu chuẩn ISO.",
            "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử đạt trên 90%.",
            "Chỉ số hiệu quả quản trị công cấp tỉnh (PII) và chỉ số GII của tỉnh được cải thiện.",
            "Các cơ quan, đơn vị tiếp tục đẩy mạnh cải cách hành chính gắn với chuyển đổi số.",
        ];
        Assert.Equal(clean, Repair(clean));
    }

    [Fact]
    public void CapitalsNoSyllableSpellsStayAmidDamagedProse()
    {
        // the same initials in text old OCR stripped of its marks (written for this test): amid small
        // letters they are an acronym, while the damaged words around them are repaired
        string[] damaged =
        [
            "Den nam 2030, tinh nam trong nhom 10 dia phuong dan dau ve doi moi sang tao (chi so GII).",
            "Viet Nam nam trong nhom 50 quoc gia dung dau ve Chinh phu dien tu (chi so EGDI).",
            "Ty le ho so thu tuc hanh chinh duoc giai quyet truc tuyen toan trinh dat tren 80%.",
            "Ty le nguoi dan truong thanh co tai khoan dinh danh dien tu dat tren 90%.",
        ];
        var repaired = Repair(damaged);
        Assert.Contains("GII).", repaired[0].Split(' '));
        Assert.Contains("EGDI).", repaired[1].Split(' '));
        Assert.Contains("(chỉ", repaired[1].Split(' '));
    }

    [Fact]
    public void AVowelOcrLostIsPutBackWhenContextAsksForIt()
    {
        // "di" is a word as it stands, and reads as "đi", "để" or "độ"; only the words around it say "đổi" (written for this test)
        string[] damaged = ["Day minh chuyin di sf trong cac co quan dang, chinh quyin.", "Phat triin khoa hic, cong nghi, di mli sang tlo va chuyin di sf."];
        string[] clean = ["Đẩy mạnh chuyển đổi số trong các cơ quan đảng, chính quyền.", "Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số."];
        var repaired = AssertRepaired(damaged, clean, 0.9);
        Assert.Equal(3, repaired.Sum(l => l.Split(' ').Count(w => w.StartsWith("đổi", StringComparison.Ordinal))));
    }

    [Fact]
    public void ALegacyEncodedPlanGivesItsTargets()
    {
        // TCVN3 (ABC fonts) as the text reads once taken for Unicode
        var dir = Directory.CreateTempSubdirectory("ingest-tcvn3");
        var path = Path.Combine(dir.FullName, "plan.txt");
        File.WriteAllLines(path, [
            "KÕ ho¹ch chuyÓn ®æi sè",
            "1. §Õn hÕt n¨m 2026",
            "- Tû lÖ hå s¬ ®­îc xö lý trùc tuyÕn toµn tr×nh ®¹t 80%.",
        ]);
        var json = ContractJsonWriter.ToJson(Repo.Pipeline().Run(path), path);
        Assert.Contains("\"encoding\": \"tcvn3\"", json);
        Assert.Contains("\"value\": 80", json);
        Assert.Contains("\"year\": 2026", json);
        Assert.Contains("trực tuyến", json);
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task RepairCommandWritesTheTextLineForLine()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-repair");
        var path = Path.Combine(dir.FullName, "in.txt");
        File.WriteAllText(path, "Ke hoach chuyen doi so\n\n  - Ty le ho so dat 80%\n");
        var (code, stdout, stderr) = await CliProcess.RunAsync(CliProcess.Info("repair", path), TimeSpan.FromMinutes(2));
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(["Kế hoạch chuyển đổi số", "", "  - Tỷ lệ hồ sơ đạt 80%"], stdout.TrimEnd('\n').Split('\n'));
        dir.Delete(recursive: true);
    }
}
