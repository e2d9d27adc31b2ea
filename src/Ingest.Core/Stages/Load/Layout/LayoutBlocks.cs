using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Structure;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// Turns positioned pages (a PDF text layer, OCR, or both mixed) into the blocks of the document
/// model: page numbers in the margins dropped, tables rebuilt from geometry and continued across
/// pages when they run on without repeating their header.
/// </summary>
public sealed partial class LayoutBlocks(Lexicon lexicon)
{
    [GeneratedRegex(@"^\s*(-\s*)?\d{1,3}(\s*-)?\s*$")]
    private static partial Regex PageNumber();

    // built once per reader, not per document: the header recogniser compiles its patterns
    private readonly HeadingParser _headings = new(lexicon);
    private readonly TableRebuilder _rebuilder = new(lexicon);

    public IReadOnlyList<Block> Build(IEnumerable<LayoutPage> pages)
    {
        var blocks = new List<Block>();
        ColumnLayout? carry = null;
        double previousHeight = 0;
        foreach (var page in pages)
        {
            var lines = page.Lines
                .Select((l, i) => (Line: l, Number: i + 1))
                .Where(l => !IsFurniture(page, l.Line))
                .ToList();
            if (lines.Count == 0) continue;
            var result = _rebuilder.Rebuild(page, lines, carry, t => _headings.Parse(t) is { Rank: <= 1 });
            // a table that runs on without repeating its header is the same table, a running footer under it or not
            int last = blocks.Count - 1;
            while (last >= 0 && TableRebuilder.IsFooter(blocks[last], previousHeight)) last--;
            if (carry != null && result.Blocks.FirstOrDefault() is TableBlock next && !next.Rows.Any(r => r.IsHeader)
                && last >= 0 && blocks[last] is TableBlock previous)
            {
                blocks[last] = previous with { Rows = [.. previous.Rows, .. next.Rows] };
                blocks.AddRange(result.Blocks.Skip(1));
            }
            else blocks.AddRange(result.Blocks);
            carry = result.Carry;
            previousHeight = page.Height;
        }
        return blocks;
    }

    // a lone page number in the top or bottom margin: alone on its row, where a table's first row
    // on a new page has its number beside its cells ("22 | Tỷ lệ … | 72 | 82")
    private static bool IsFurniture(LayoutPage page, LayoutLine line) =>
        PageNumber().IsMatch(line.Text) && (line.Box.Y1 < page.Height * 0.1 || line.Box.Y0 > page.Height * 0.9)
        && !page.Lines.Any(o => o != line && o.Box.VerticalOverlap(line.Box) > line.Box.Height / 2);
}
