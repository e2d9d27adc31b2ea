using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Tests.Support;
using Ingest.Core.Text;

namespace Ingest.Core.Tests.Stages;

/// <summary>The page-level decisions of loading: which text layers to trust, and tables from geometry.</summary>
public class LayoutTests
{
    private static readonly TextLayerCheck Check = new(new SyllableShape(Some.Lexicon));

    [Theory]
    [InlineData("nghiêng", true)]
    [InlineData("quyết", true)]
    [InlineData("gì", true)]
    [InlineData("trường", true)]
    [InlineData("Đảng", true)]
    [InlineData("xyz", false)]
    [InlineData("Tá»·", false)]
    [InlineData("strength", false)]
    public void SyllableShape_TellsVietnameseFromOtherTokens(string token, bool expected) =>
        Assert.Equal(expected, new SyllableShape(Some.Lexicon).IsSyllable(token));

    [Fact]
    public void RealVietnameseTextLayer_IsTrusted()
    {
        var v = Check.AssessText(1, "Đến năm 2027, tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang đạt 90%; phấn đấu đến năm 2030 đạt 100%.");
        Assert.Equal(TextLayerVerdict.Real, v.Verdict);
    }

    [Fact]
    public void MojibakeTextLayer_IsOcrd()
    {
        // UTF-8 read as Latin-1, as a PDF with a broken font encoding yields
        var v = Check.AssessText(1, "Ä\u0090áº¿n nÄƒm 2027, tá»· lá»‡ há»™ gia Ä‘Ã¬nh cÃ³ káº¿t ná»‘i Internet bÄƒng rá»™ng cÃ¡p quang Ä‘áº¡t 90%");
        Assert.Equal(TextLayerVerdict.Garbage, v.Verdict);
    }

    [Fact]
    public void GlyphsWithoutUnicode_AreOcrd()
    {
        var v = Check.AssessText(1, "\uE001\uE002\uE003 \uE004\uE005 năm 2030 \uE006\uE007\uE008\uE009 đạt 90% \uE00A\uE00B");
        Assert.Equal(TextLayerVerdict.Garbage, v.Verdict);
    }

    [Fact]
    public void PagesWithoutText_AndPagesRepeatingAnother_AreOcrd()
    {
        var body = string.Join(" ", Enumerable.Repeat("Tỷ lệ người dân sử dụng dịch vụ công trực tuyến đạt tám mươi phần trăm.", 5));
        var verdicts = Check.Assess([Page(1, body), Page(2, body), Page(3, "12")]);
        Assert.Equal(TextLayerVerdict.Real, verdicts[0].Verdict);
        Assert.Equal(TextLayerVerdict.Garbage, verdicts[1].Verdict);
        Assert.Contains("page 1", verdicts[1].Reason);
        Assert.Equal(TextLayerVerdict.Empty, verdicts[2].Verdict);
    }

    [Fact]
    public void TableWithRowRules_AndNoNumberColumn_IsRebuiltRowByRow()
    {
        // an OCR'd table whose "TT" column was lost: three header phrases, row borders from the image,
        // a two-line indicator cell beside one-line unit and result cells
        var lines = new List<LayoutLine>
        {
            Line(100, (60, "Chỉ tiêu"), (300, "Đơn vị"), (400, "Kết quả")),
            Line(122, (60, "Tỷ lệ hộ gia đình có kết nối")),
            Line(134, (60, "Internet cáp quang"), (300, "%"), (400, "95")),
            Line(146, (60, "băng rộng")),
            Line(170, (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
        };
        var rules = new[] { 95.0, 115, 160, 180 }.Select(y => new HorizontalRule(y, 50, 520)).ToList();
        var page = new LayoutPage(1, 595, 842, lines, rules);
        var blocks = new LayoutBlocks(Some.Lexicon).Build([page]);
        var table = Assert.IsType<TableBlock>(Assert.Single(blocks));
        Assert.Equal(3, table.Rows.Count);
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["Tỷ lệ hộ gia đình có kết nối Internet cáp quang băng rộng", "%", "95"], table.Rows[1].Cells.Select(c => c.Text));
        Assert.Equal(["Phủ sóng 5G", "%", "50"], table.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void ProseLineWithHeaderWords_IsNotATableHeader()
    {
        var lines = new List<LayoutLine> { Line(100, (60, "Kết quả"), (200, "Chỉ tiêu"), (300, "Đơn vị"), (400, "thực hiện tốt năm 2025")) };
        var blocks = new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)]);
        Assert.All(blocks, b => Assert.IsType<TextBlock>(b));
    }

    [Fact]
    public void OcrConfidence_OfTheValueWord_ReachesTheTarget()
    {
        var words = new[] { ("Đến", 95.0), ("năm", 96), ("2030", 94), ("tỷ", 93), ("lệ", 95), ("phủ", 92), ("sóng", 94), ("5G", 90), ("đạt", 95), ("90%.", 41) };
        var line = LayoutLine.ToSourceLine(1, 1, words.Select((w, i) => new LayoutWord(w.Item1, new BBox(i * 30, 0, i * 30 + 25, 10), w.Item2)).ToList(), new BBox(0, 0, 300, 10));
        var doc = new LoadedDocument("scan.png", SourceFormat.Image, "0", 1, true, [new TextBlock([line], false)], []);
        var target = Assert.Single(Some.Pipeline().Run(doc).Targets);
        Assert.Equal(90, target.Candidate.Value);
        Assert.Equal(41, target.Candidate.OcrConfidence);
        Assert.True(target.NeedsReview);
    }

    private static LayoutPage Page(int n, string text) =>
        new(n, 595, 842, [Line(100, (60, text))]);

    private static LayoutLine Line(double y, params (double X, string Text)[] cells)
    {
        var words = new List<LayoutWord>();
        foreach (var (x0, text) in cells)
        {
            double x = x0;
            foreach (var w in text.Split(' '))
            {
                words.Add(new LayoutWord(w, new BBox(x, y, x + w.Length * 5, y + 10)));
                x += w.Length * 5 + 3;
            }
        }
        return new LayoutLine(words, words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box)));
    }
}
