using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// The Structure stage: paragraphs from lines, the heading tree with its year blocks, tables with
/// column roles, and the document header. Pure: the same loaded document gives the same structure.
/// </summary>
public sealed class StructureStage
{
    private readonly Lexicon _lexicon;
    private readonly HeadingParser _headings;
    private readonly YearPhrases _years;
    private readonly ParagraphBuilder _paragraphs;
    private readonly TableInterpreter _tables;
    private readonly HeaderReader _header;

    public StructureStage(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _headings = new HeadingParser(lexicon);
        _years = new YearPhrases(lexicon);
        _paragraphs = new ParagraphBuilder(_headings);
        _tables = new TableInterpreter(lexicon, _years);
        _header = new HeaderReader(lexicon);
    }

    public StructuredDocument Run(LoadedDocument doc, RepairSummary repair)
    {
        var sections = new List<Section>();
        var paragraphs = new List<Paragraph>();
        var tables = new List<StructuredTable>();
        var stack = new List<(Section Section, int Rank)>();
        var pendingText = new List<TextBlock>();

        Section? Current() => stack.Count == 0 ? null : stack[^1].Section;

        void Open(string number, string title, int rank, int? year, SourceLine at)
        {
            while (stack.Count > 0 && stack[^1].Rank >= rank) stack.RemoveAt(stack.Count - 1);
            var s = new Section(number, title, stack.Count + 1, year, at.Page, at.LineNumber, Current());
            sections.Add(s);
            stack.Add((s, rank));
        }

        void FlushText()
        {
            if (pendingText.Count == 0) return;
            Section? footnoteHome = null;
            foreach (var raw in _paragraphs.Build(pendingText))
            {
                var (text, spans) = ParagraphBuilder.Join(raw.Lines);
                if (raw.Role == TextRole.Body)
                {
                    var firstLine = VietText.Squash(VietText.Clean(raw.Lines[0].Text));
                    var h = _headings.Parse(firstLine);
                    if (h != null)
                    {
                        var title = TitleOf(h.Title);
                        Open(h.Number, title, h.Rank, _years.BlockYear(title), raw.Lines[0]);
                    }
                    else if (IsYearBlockLine(text) is { } y)
                        Open("", text.Trim().TrimStart('-', '+', '*', ' ').TrimEnd(':', ' '), HeadingParser.YearBlockRank, y, raw.Lines[0]);
                    footnoteHome = Current();
                }
                paragraphs.Add(new Paragraph(text, spans, raw.Role == TextRole.Footnote ? footnoteHome ?? Current() : Current(), raw.Role));
            }
            pendingText.Clear();
        }

        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    pendingText.Add(t);
                    break;
                case TableBlock tb:
                    FlushText();
                    tables.Add(_tables.Interpret(tb, Current()));
                    break;
            }
        }
        FlushText();

        var header = _header.Read(FirstLines(doc, 60));
        return new StructuredDocument(doc, header, sections, paragraphs, tables, repair);
    }

    /// <summary>A short heading title: the text before a colon, at most one sentence.</summary>
    private static string TitleOf(string title)
    {
        var t = title;
        int colon = t.IndexOf(':');
        if (colon > 0) t = t[..colon];
        return t.Trim().TrimEnd('.', ';', ' ');
    }

    /// <summary>A short unnumbered line that only names a deadline ("Đến năm 2030:", "Giai đoạn 2025-2027").</summary>
    private int? IsYearBlockLine(string text)
    {
        var t = text.Trim().TrimStart('-', '+', '*', '•', ' ');
        if (t.Contains('%')) return null;
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        bool shortEnough = words <= 8 || words <= 14 && t.EndsWith(':');
        if (!shortEnough) return null;
        var year = _years.BlockYear(t.TrimEnd(':'));
        if (year == null) return null;
        // the line must be mostly time words: no other numbers but the years
        var mentions = _years.Find(t);
        int digitsOutside = 0;
        var folded = VietText.Fold(t);
        for (int i = 0; i < folded.Length; i++)
            if (char.IsDigit(folded[i]) && !mentions.Any(m => i >= m.Start && i < m.End)) digitsOutside++;
        return digitsOutside == 0 ? year : null;
    }

    private static List<string> FirstLines(LoadedDocument doc, int n)
    {
        var lines = new List<string>();
        foreach (var b in doc.Blocks)
        {
            if (lines.Count >= n) break;
            if (b is TextBlock t) lines.AddRange(t.Lines.Select(l => l.Text));
            else if (b is TableBlock tb)
                foreach (var row in tb.Rows)
                    foreach (var c in row.Cells)
                        lines.AddRange(c.Lines.Select(l => l.Text));
        }
        return lines;
    }
}
