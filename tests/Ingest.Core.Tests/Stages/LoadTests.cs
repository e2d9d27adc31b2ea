using System.Text;
using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;
using Ingest.Core.Stages.Load;

namespace Ingest.Core.Tests.Stages;

public class LoadTests
{
    [Fact]
    public void Utf16WithBom_AndCrlf_AndFormFeed_AreRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Dòng một\r\nDòng hai\fTrang hai")).ToArray();
        var text = PlainTextReader.Decode(bytes);
        var doc = PlainTextReader.FromText("x.txt", "0", text);
        Assert.Equal(2, doc.PageCount);
        Assert.Equal(2, doc.Blocks.OfType<TextBlock>().Last().Page);
    }

    [Fact]
    public void BinaryJunk_FailsWithAReason() =>
        Assert.Contains("binary", Assert.Throws<DocumentFailure>(() => PlainTextReader.Decode([0x00, 0x01, 0x02, 0xFF, 0x00, 0x10])).Message);

    [Fact]
    public void EmptyFile_Fails() => Assert.Throws<DocumentFailure>(() => PlainTextReader.Decode([]));

    [Theory]
    [InlineData("88,69", 88.69)]
    [InlineData("24.530", 24530)]
    [InlineData("1.5", 1.5)]
    [InlineData("01", 1)]
    public void VietnameseNumbers_Parse(string s, double v)
    {
        Assert.True(NumberParser.TryParse(s, out var x));
        Assert.Equal(v, x, 6);
    }
}

public class GlobTests
{
    [Theory]
    [InlineData("kế-hoạch*.txt", "a/kế-hoạch-xã.txt")]
    [InlineData("**/kế-hoạch.pdf", "xã/kế-hoạch.pdf")]
    public void PatternInNfc_MatchesANameStoredInNfd(string pattern, string path) =>
        Assert.True(new Ingest.Core.Batch.Glob(pattern.Normalize(System.Text.NormalizationForm.FormC))
            .Matches(path.Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("*.pdf", "a/b/plan.pdf", true)]
    [InlineData("*.pdf", "a/b/plan.docx", false)]
    [InlineData("**/*.pdf", "plan.pdf", true)]
    [InlineData("**/*.pdf", "x/y/plan.PDF", true)]
    [InlineData("sub/*.txt", "sub/a.txt", true)]
    [InlineData("sub/*.txt", "sub/deeper/a.txt", false)]
    [InlineData("sub/**", "sub/deeper/a.txt", true)]
    [InlineData("*scan*", "x/plan.scan.pdf", true)]
    [InlineData("plan?.txt", "plan12.txt", false)]
    public void Glob_MatchesLikeAShell(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new Ingest.Core.Batch.Glob(pattern).Matches(path));
}
