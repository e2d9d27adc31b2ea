using Ingest.Core.Lexicons;
using Ingest.Core.Stages.Repair;
using Ingest.Core.Stages.Repair.Training;
using Ingest.Core.Text;

namespace Ingest.Core.Tests.Stages.Repair;

public class VietOrthographyTests
{
    [Fact]
    public void BothTonePlacementsShareOneKey()
    {
        Assert.Equal(VietOrthography.ToneKey("hoá"), VietOrthography.ToneKey("hóa"));
        Assert.Equal(VietOrthography.ToneKey("thuỷ"), VietOrthography.ToneKey("thủy"));
        Assert.NotEqual(VietOrthography.ToneKey("hoà"), VietOrthography.ToneKey("hoá"));
    }

    [Fact]
    public void StripMarksLeavesAsciiLetters() =>
        Assert.Equal("Den het nam 2025, ty le dat", VietOrthography.StripMarks("Đến hết năm 2025, tỷ lệ đạt"));

    [Theory]
    [InlineData('ệ', true)]
    [InlineData('ư', true)]
    [InlineData('đ', true)]
    [InlineData('ä', false)]
    [InlineData('ø', false)]
    [InlineData('ñ', false)]
    public void KnowsTheVietnameseAlphabet(char c, bool expected) => Assert.Equal(expected, VietOrthography.IsVietnameseLetter(c));
}

public class RepairTokenizerTests
{
    private static readonly RepairTokenizer Ocr = new(new HashSet<char> { '¢', '§', '&' });

    [Theory]
    [InlineData("Nghị quyết số 57-NQ/TW ngày 22/12/2024;  phủ sóng 5G ≥ 60%.")]
    [InlineData("  - C6 > 80% nguoi str dung, Ty 1¢ (VNelD)")]
    public void TokensJoinBackIntoTheLine(string line) =>
        Assert.Equal(line, string.Concat(Ocr.Tokenize(line).Select(t => t.Of(line))));

    [Theory]
    [InlineData("57-NQ/TW", RepairTokenKind.Code)]
    [InlineData("5G", RepairTokenKind.Code)]
    [InlineData("VNeID", RepairTokenKind.Code)]
    [InlineData("22/12/2024", RepairTokenKind.Number)]
    [InlineData("88,69", RepairTokenKind.Number)]
    [InlineData("S6", RepairTokenKind.Word)]
    [InlineData("1¢", RepairTokenKind.Word)]
    [InlineData("k§", RepairTokenKind.Word)]
    [InlineData("thwe", RepairTokenKind.Word)]
    public void SaysWhatATokenIs(string token, RepairTokenKind kind)
    {
        var tokens = Ocr.Tokenize(token);
        Assert.Single(tokens);
        Assert.Equal(kind, tokens[0].Kind);
    }

    [Theory]
    // a bracket without its partner is OCR's reading of a mark; a pair, or a list marker, is punctuation
    [InlineData("si]", "si]")]
    [InlineData("[ng", "[ng")]
    [InlineData("ch|t", "ch|t")]
    [InlineData("[1]", "1")]
    [InlineData("a)", "a")]
    [InlineData("[xem]", "xem")]
    public void StrayBracketsBelongToTheWord(string chunk, string word) =>
        Assert.Equal(word, Ocr.Tokenize(chunk).Where(t => t.Kind is RepairTokenKind.Word or RepairTokenKind.Number).Single().Of(chunk));

    [Theory]
    // a question mark after a letter, with the sentence going on, is a misread hooked letter
    [InlineData("chi?c va", "chi?c")]
    [InlineData("si? dung", "si?")]
    [InlineData("(thuong mai dien tt?)", "tt?")]
    [InlineData("dien ti?.", "ti?")]
    [InlineData("co khong? Co.", "khong")]
    [InlineData("chu ky dien ti?", "ti?")]
    [InlineData("la ? va", "la")]
    public void AQuestionMarkInsideASentenceIsAMisreadLetter(string line, string word) =>
        Assert.Contains(word, Ocr.Tokenize(line).Where(t => t.Kind == RepairTokenKind.Word).Select(t => t.Of(line)));

    [Fact]
    public void AnAmpersandBetweenSpacesIsNotAWord() =>
        Assert.Equal(RepairTokenKind.Punct, Ocr.Tokenize("R & D").Single(t => t.Length == 1 && t.Start == 2).Kind);
}

public class LegacyEncodingTests
{
    // a small syllable inventory stands in for the repair model's
    private static readonly HashSet<string> Inventory =
        [.. "cộng hoà hòa xã hội chủ nghĩa việt nam đến hết năm tỷ lệ phủ sóng đạt phấn đấu có người dân sử dụng dịch vụ công trực tuyến tối thiểu hồ sơ được xử lý".Split(' ')];

    private static readonly LegacyEncodings Encodings = LegacyEncodings.Load(Inventory.Contains);

    [Fact]
    public void Tcvn3IsDetectedAndConverted()
    {
        string[] lines = ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§Õn hÕt n¨m 2025, tû lÖ phñ sãng ®¹t 60%"];
        Assert.Equal("tcvn3", Encodings.Detect(lines));
        var converted = Encodings.ConvertLines(lines, "tcvn3");
        Assert.Equal("Cộng hoà xã hội chủ nghĩa Việt Nam", converted[0]);
        Assert.Equal("Đến hết năm 2025, tỷ lệ phủ sóng đạt 60%", converted[1]);
    }

    [Fact]
    public void VniIsDetectedAndConverted()
    {
        string[] lines = ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Ñeán heát naêm 2025, tyû leä phuû soùng ñaït 60%"];
        Assert.Equal("vni", Encodings.Detect(lines));
        var converted = Encodings.ConvertLines(lines, "vni");
        Assert.Equal("Cộng hòa xã hội chủ nghĩa Việt Nam", converted[0]);
        Assert.Equal("Đến hết năm 2025, tỷ lệ phủ sóng đạt 60%", converted[1]);
    }

    [Fact]
    public void UnicodeTextIsLeftAlone()
    {
        string[] lines = ["Phấn đấu đến năm 2030 có 90% người dân sử dụng dịch vụ công trực tuyến; tối thiểu 80% hồ sơ được xử lý."];
        Assert.Null(Encodings.Detect(lines));
    }
}

public class KneserNeyTests
{
    /// <summary>A model of random sentences over a few words, the first two of them more frequent.</summary>
    private static SyllableLanguageModel RandomModel(int words, int sentences, int seed)
    {
        var kn = new KneserNeyTrainer(Vocabulary.FirstWord + words);
        var rng = new Random(seed);
        for (int s = 0; s < sentences; s++)
            kn.Add(Enumerable.Range(0, 2 + rng.Next(6)).Select(_ => Vocabulary.FirstWord + (rng.Next(10) < 6 ? rng.Next(2) : rng.Next(words))).ToArray());
        return kn.Build(trigramCutoff: 1);
    }

    [Fact]
    public void ProbabilitiesOfEveryNextWordSumToOne()
    {
        const int vocab = Vocabulary.FirstWord + 5;
        var lm = RandomModel(5, 300, seed: 7);
        // seen and unseen contexts alike: the smoothing leaves no mass out and invents none
        foreach (var (u, v) in new[] { (Vocabulary.SentenceStart, Vocabulary.SentenceStart), (Vocabulary.FirstWord, Vocabulary.FirstWord + 1),
                     (Vocabulary.FirstWord + 4, Vocabulary.FirstWord + 3), (Vocabulary.Unknown, Vocabulary.Number) })
        {
            double sum = 0;
            for (int w = 1; w < vocab; w++) sum += Math.Exp(lm.LogProb(u, v, w));
            Assert.InRange(sum, 0.99, 1.01);
        }
    }

    [Fact]
    public void AskingAfterAContextGivesTheSameProbabilities()
    {
        const int vocab = Vocabulary.FirstWord + 6;
        var lm = RandomModel(6, 200, seed: 11);
        for (int u = 0; u < vocab; u++)
            for (int v = 0; v < vocab; v++)
            {
                var context = lm.ContextOf(u, v);
                for (int w = 1; w < vocab; w++) Assert.Equal(lm.LogProb(u, v, w), lm.LogProb(context, w));
            }
    }

    [Fact]
    public void AFrequentContinuationBeatsARareOne()
    {
        var kn = new KneserNeyTrainer(Vocabulary.FirstWord + 3);
        int a = Vocabulary.FirstWord, b = a + 1, c = a + 2;
        for (int i = 0; i < 20; i++) kn.Add([a, b]);
        kn.Add([a, c]);
        var lm = kn.Build(trigramCutoff: 1);
        Assert.True(lm.LogProb(Vocabulary.SentenceStart, a, b) > lm.LogProb(Vocabulary.SentenceStart, a, c));
        Assert.True(lm.LogProb(Vocabulary.SentenceStart, a, c) > float.NegativeInfinity);
    }
}

public class ConfusionCountsTests
{
    // a prior that has "ổ" mostly read as "o" or "6", and seldom lost
    private static readonly ConfusionModel Prior = new(new Dictionary<(char, string), float>
    {
        [('ổ', "o")] = MathF.Log(0.6f), [('ổ', "6")] = MathF.Log(0.39f), [('ổ', "")] = MathF.Log(0.01f),
        [('d', "d")] = MathF.Log(0.99f), [('i', "i")] = MathF.Log(0.99f), [('đ', "d")] = MathF.Log(0.95f),
        [('a', "a")] = MathF.Log(0.99f),
    }, MathF.Log(0.001f), MathF.Log(3e-4f));

    private static readonly ChannelCosts OcrOnly = new(Prior, new Ingest.Core.Model.DamageMix(0, 0, 1));

    [Fact]
    public void ADocumentThatLosesALetterOftenTeachesThatLoss()
    {
        var counts = new ConfusionCounts();
        for (int k = 0; k < 30; k++) counts.Add("đổi", "di", OcrOnly);
        var adapted = counts.AdaptedFrom(Prior, strength: 20);
        Assert.True(adapted.TryLogP('ổ', "", out var lost));
        Assert.InRange(Math.Exp(lost), 0.5, 0.7); // (30 + 20·0.01) / (30 + 20)
        // letters this document never showed keep what was learnt before
        Assert.True(adapted.TryLogP('a', "a", out var a));
        Assert.Equal(Math.Log(0.99), a, 3);
    }

    [Fact]
    public void AFewReadingsMoveThePriorOnlyALittle()
    {
        var counts = new ConfusionCounts();
        counts.Add("đổi", "di", OcrOnly);
        var adapted = counts.AdaptedFrom(Prior, strength: 20);
        Assert.True(adapted.TryLogP('ổ', "", out var lost));
        Assert.InRange(Math.Exp(lost), 0.04, 0.06); // (1 + 0.2) / 21
        Assert.True(adapted.TryLogP('ổ', "o", out var o));
        Assert.True(Math.Exp(o) > 0.5);
    }
}

public class OcrNumberMarksTests
{
    [Theory]
    [InlineData("1j1", "1,1")]
    [InlineData("<0j5", "<0,5")]
    [InlineData("đạt 58j4% năm 2025", "đạt 58,4% năm 2025")]
    [InlineData("1,1", "1,1")]
    [InlineData("Hj1", "Hj1")]             // a letter before: no number
    [InlineData("1jun", "1jun")]           // a word after
    [InlineData("1234j5", "1234j5")]       // more digits than a number before its comma has here
    [InlineData("13j45j6", "13j45j6")]
    public void ACommaReadAsJBetweenDigits_IsACommaAgain(string read, string clean) =>
        Assert.Equal(clean, OcrNumberMarks.Clean(read));

    [Theory]
    [InlineData(true, "Chi ngân sách 1,1")]
    [InlineData(false, "Chi ngân sách 1j1")]   // typed text is left as typed
    public void OnlyOcrdLinesAreCleaned(bool ocr, string expected)
    {
        var line = new Ingest.Core.Model.SourceLine(1, 1, "Chi ngân sách 1j1");
        var doc = new Ingest.Core.Model.LoadedDocument("d", ocr ? Ingest.Core.Model.SourceFormat.Image : Ingest.Core.Model.SourceFormat.Txt, "0", 1, ocr,
            [new Ingest.Core.Model.TextBlock([line], false)], []);
        var (repaired, _) = new RepairStage(null, null).Run(doc);
        Assert.Equal(expected, Assert.IsType<Ingest.Core.Model.TextBlock>(repaired.Blocks[0]).Lines[0].Text);
    }
}
