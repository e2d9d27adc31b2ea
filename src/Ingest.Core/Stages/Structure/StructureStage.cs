using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
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
    private readonly CueFinder _cues;
    private readonly ParagraphBuilder _paragraphs;
    private readonly TableInterpreter _tables;
    private readonly HeaderReader _header;
    private readonly FlatTableRebuilder _flatTables;

    public StructureStage(Lexicon lexicon)
    {
        _lexicon = lexicon;
        _headings = new HeadingParser(lexicon);
        _cues = new CueFinder(lexicon);
        _paragraphs = new ParagraphBuilder(_headings, lexicon.CaptionMarks);
        var tableHeaders = new TableHeaderRecogniser(lexicon, _cues);
        _tables = new TableInterpreter(tableHeaders);
        _header = new HeaderReader(lexicon);
        _flatTables = new FlatTableRebuilder(lexicon, tableHeaders);
    }

    public StructuredDocument Run(LoadedDocument doc, RepairSummary repair)
    {
        var sections = new List<Section>();
        var paragraphs = new List<Paragraph>();
        var tables = new List<StructuredTable>();
        var stack = new List<(Section Section, int Rank)>();
        var pendingText = new List<TextBlock>();
        // footnotes by size are found over whole pages, not the runs of text between two tables
        var footnoteZone = ParagraphBuilder.FootnoteZone(doc.Blocks.OfType<TextBlock>().Where(b => !b.IsWholeParagraph).SelectMany(b => b.Lines));

        Section? Current() => stack.Count == 0 ? null : stack[^1].Section;
        bool leadInItems = false, itemOpensList = false;

        void Open(string number, string title, int rank, IReadOnlyList<Cue> cues, SourceLine at)
        {
            while (stack.Count > 0 && stack[^1].Rank >= rank) stack.RemoveAt(stack.Count - 1);
            var year = cues.LastOrDefault(c => c.Kind == CueKind.Deadline)?.Year;
            var s = new Section(number, title, stack.Count + 1, year, at.Page, at.LineNumber, Current())
            {
                Cues = cues,
                IsLeadIn = rank == HeadingParser.YearBlockRank,
            };
            sections.Add(s);
            stack.Add((s, rank));
        }

        void FlushText()
        {
            if (pendingText.Count == 0) return;
            Section? footnoteHome = null;
            foreach (var raw in _paragraphs.Build(pendingText, footnoteZone))
            {
                var (text, spans) = ParagraphBuilder.Join(raw.Lines);
                if (raw.Role == TextRole.Body)
                {
                    var firstLine = VietText.Squash(VietText.Clean(raw.Lines[0].Text));
                    var h = _headings.Parse(firstLine);
                    // a lead-in governs its list: the first paragraph after the list's items that is not one
                    // closes it, unless the item before it opened a list of its own ("- Về chính quyền số:")
                    bool item = ListMarks.OpensItem(firstLine);
                    if (stack.Count > 0 && stack[^1].Section.IsLeadIn)
                    {
                        if (item) (leadInItems, itemOpensList) = (true, text.TrimEnd().EndsWith(':'));
                        else if (h == null && leadInItems && !itemOpensList) stack.RemoveAt(stack.Count - 1);
                    }
                    if (h != null)
                    {
                        var title = TitleOf(h.Title);
                        Open(h.Number, title, h.Rank, _cues.HeadingCues(title), raw.Lines[0]);
                    }
                    else if (LeadInCues(text) is { } cues)
                    {
                        Open("", text.Trim().TrimStart(ListMarks.Bullets).Trim().TrimEnd(':', ' '), HeadingParser.YearBlockRank, cues, raw.Lines[0]);
                        (leadInItems, itemOpensList) = (false, false);
                    }
                    footnoteHome = Current();
                }
                paragraphs.Add(new Paragraph(text, spans, raw.Role == TextRole.Footnote ? footnoteHome ?? Current() : Current(), raw.Role));
            }
            pendingText.Clear();
        }

        foreach (var block in _flatTables.Rebuild(doc.Blocks))
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

        var opening = FirstLines(doc, 60);
        var header = _header.Read(opening);
        var documentYear = header.Year ?? opening.SelectMany(l => _cues.Find(l))
            .Where(c => c.Form == YearForm.Date)
            .Select(c => c.Year).Max();
        // the title's deadline frames the whole plan ("… giai đoạn 2026 - 2030"); its other words say nothing of status
        IReadOnlyList<Cue> titleCues = header.Title is { } title ? _cues.HeadingCues(title).Where(c => c.IsTime).ToList() : [];
        var headline = header.Title == null ? Headline(paragraphs) : null;
        if (headline != null)
        {
            // a headline that states a figure with a plain year ("… phấn đấu năm 2026 có 80% hồ sơ …") sums
            // up one target of the article, as a numbered item does; "Đến năm 2030, … 30% GDP" still frames it
            var cues = _cues.Find(headline);
            bool figures = CueFinder.StatesAFigure(headline, cues);
            titleCues = cues.Where(c => c.IsTime && !c.Standalone && (!figures || c.Form is YearForm.Lead or YearForm.Period)).Take(1).ToList();
            for (int i = 0; i < paragraphs.Count; i++)
                if (VietText.Squash(paragraphs[i].Text) == headline) paragraphs[i] = paragraphs[i] with { Role = TextRole.Headline };
        }
        return new StructuredDocument(doc, header, sections, paragraphs, tables, repair) { TitleCues = titleCues, Headline = headline, DocumentYear = documentYear };
    }

    /// <summary>A short heading title: the text before a colon, at most one sentence.</summary>
    private static string TitleOf(string title)
    {
        var t = title;
        int colon = t.IndexOf(':');
        if (colon > 0) t = t[..colon];
        return t.Trim().TrimEnd('.', ';', ' ');
    }

    // longer figure-free paragraphs are statements of aims ("Bám sát quan điểm … đến năm 2030"), not frames
    private const int MaxLeadInWords = 25;

    // a headline is a line, not a paragraph of a report
    private const int MaxHeadlineWords = 25;

    /// <summary>
    /// The cues of a paragraph that governs what follows it, or null: one that ends in ":" and
    /// names a time ("Đến năm 2025, kế hoạch đặt ra các mục tiêu sau:"), or one that states no
    /// figure and names a deadline ("Chương trình xác định các mục tiêu phải đạt vào năm 2030.").
    /// </summary>
    private IReadOnlyList<Cue>? LeadInCues(string text)
    {
        var t = text.Trim();
        var cues = _cues.Find(t);
        var times = cues.Where(c => c.IsTime && !c.Standalone).ToList();
        if (times.Count == 0) return null;
        if (t.EndsWith(':')) return cues;
        bool strong = times.Any(c => c.Kind == CueKind.Deadline && c.Form is YearForm.Lead or YearForm.Period);
        if (!strong || t.Contains('%') || t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxLeadInWords) return null;
        for (int i = 0; i < t.Length; i++)
            if (char.IsDigit(t[i]) && !cues.Any(c => i >= c.Start && i < c.End)) return null;
        return cues;
    }

    /// <summary>
    /// The headline of a document without an administrative header: its first line of words,
    /// when that is short, not a heading and not a sentence.
    /// </summary>
    private string? Headline(IReadOnlyList<Paragraph> paragraphs)
    {
        var first = paragraphs.FirstOrDefault(p => p.Role == TextRole.Body && p.Text.Any(char.IsLetter));
        if (first == null || first.Section != null) return null;
        var t = first.Text.Trim();
        if (t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxHeadlineWords || t.EndsWith('.') || t.EndsWith(';') || t.EndsWith(':')) return null;
        return VietText.Squash(first.Text);
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
