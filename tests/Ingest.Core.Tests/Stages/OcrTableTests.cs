using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Stages.Structure;
using Ingest.Core.Tests.Support;
using Ingest.Core.Text;

namespace Ingest.Core.Tests.Stages;

/// <summary>
/// Tables rebuilt from the words of a poor OCR reading (a fax): header words run together or
/// marked by a border's remnants.
/// </summary>
public class OcrTableTests
{
    private static readonly TableHeaderRecogniser Header = new(Some.Lexicon, new CueFinder(Some.Lexicon));

    [Theory]
    [InlineData("đơnvị tính", "đơn vị tính", true)]
    [InlineData("chỉ ti êu", "chỉ tiêu", true)]
    [InlineData("ghichú", "ghi chú", true)]
    [InlineData("đơn vịtính", "đơn vị", false)]   // the phrase must end where a word ends
    [InlineData("tt1", "tt", false)]
    [InlineData("đơn giá", "đơn vị", false)]
    public void PhraseMatch_ReadsThroughLostAndStraySpaces(string text, string phrase, bool expected) =>
        Assert.Equal(expected, VietText.StartsWithWordSpacesAside(text, phrase));

    [Theory]
    [InlineData("Đơn vị tính", ColumnRole.Unit)]
    [InlineData("Đơnvị tính", ColumnRole.Unit)]
    [InlineData("Chỉtiêu", ColumnRole.Indicator)]
    [InlineData("Ghichú", ColumnRole.Notes)]
    [InlineData("'Chỉ tiêu", ColumnRole.Indicator)]   // a speck or a border before the words
    [InlineData(".. - Đơn vị", ColumnRole.Unit)]
    [InlineData("Tổng số", ColumnRole.Other)]
    public void HeaderCell_IsRecognised_ThroughOcrSpacingAndMarks(string text, ColumnRole role)
    {
        var cell = Header.Recognise(text);
        Assert.Equal(role, cell.Role);
        Assert.Equal(role != ColumnRole.Other, cell.Named);
    }

    [Theory]
    [InlineData("Thực hiện đến 30/9/2025", CueKind.Baseline)]
    [InlineData("Thựchiện đến 30/9/2025", CueKind.Baseline)]
    [InlineData("Kếhoạch năm 2025", CueKind.Target)]
    public void ColumnStatus_IsRead_ThroughLostSpaces(string header, CueKind status) =>
        Assert.Equal(status, new CueFinder(Some.Lexicon).StatusOfColumn(header)?.Kind);

    [Theory]
    [InlineData("Đơn vị")]
    [InlineData("Đơnvị")]
    public void HeaderWhoseUnitHeadingLostItsSpace_IsAHeader(string unit)
    {
        // with the year column unnamed, the unit heading is the second named one after "Chỉ tiêu"
        var table = Table(
            Line(100, (20, "STT"), (60, "Chỉ tiêu"), (300, unit), (400, "Năm 2025")),
            Line(130, (20, "1"), (60, "Phủ sóng 5G"), (300, "%"), (400, "50")),
            Line(160, (20, "2"), (60, "Cáp quang"), (300, "%"), (400, "95")));
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal(["2", "Cáp quang", "%", "95"], table.Rows[^1].Cells.Select(c => c.Text));
    }

    private static TableBlock Table(params LayoutLine[] lines) =>
        Assert.IsType<TableBlock>(Assert.Single(new LayoutBlocks(Some.Lexicon).Build([new LayoutPage(1, 595, 842, lines)])));

    private static LayoutLine Line(double y, params (double X, string Text)[] cells) => Line(y, 10, cells);

    private static LayoutLine Line(double y, double height, params (double X, string Text)[] cells)
    {
        var words = new List<LayoutWord>();
        foreach (var (x0, text) in cells)
        {
            double x = x0;
            foreach (var w in text.Split(' '))
            {
                words.Add(new LayoutWord(w, new BBox(x, y, x + w.Length * 5, y + height)));
                x += w.Length * 5 + 3;
            }
        }
        return new LayoutLine(words, words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box)));
    }
}
