using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Ingest.Adapters.OpenXml;

/// <summary>
/// Word (.docx) through DocumentFormat.OpenXml: paragraphs in order with their list numbering
/// rendered ("1.", "a)", "-"), tables as tables (merged cells kept once, with their span), and
/// footnotes placed right after the paragraph that cites them. Pages follow the breaks Word
/// recorded; lines are paragraphs within a page.
/// </summary>
public sealed class DocxReader(long maxUncompressedBytes = 256L * 1024 * 1024) : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Docx;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        extension == ".docx" || head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && extension is not (".xlsx" or ".pptx" or ".zip");

    public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> pages, CancellationToken ct)
    {
        CheckContainer(path);
        try
        {
            using var doc = WordprocessingDocument.Open(path, false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new DocumentFailure("not a Word document (no main document part)");
            var numbering = new NumberingRenderer(doc.MainDocumentPart!.NumberingDefinitionsPart?.Numbering);
            var footnotes = doc.MainDocumentPart.FootnotesPart?.Footnotes?.Elements<Footnote>()
                .ToDictionary(f => f.Id?.Value ?? 0, f => f) ?? [];
            var state = new PageState();
            var blocks = new List<Block>();
            foreach (var el in body.ChildElements)
            {
                ct.ThrowIfCancellationRequested();
                switch (el)
                {
                    case W.Paragraph p:
                        AddParagraph(p, blocks, state, numbering, footnotes);
                        break;
                    case W.Table t:
                        blocks.Add(ReadTable(t, state, numbering));
                        break;
                }
            }
            if (!blocks.Any()) throw new DocumentFailure("empty document: no text");
            return new LoadedDocument(path, SourceFormat.Docx, sha256, state.Page, false, blocks, []);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new DocumentFailure($"not a valid DOCX file ({e.GetType().Name}: {e.Message.Split('\n')[0]})", e);
        }
    }

    private void CheckContainer(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using (var fs = File.OpenRead(path))
        {
            int n = fs.Read(head);
            if (n >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
                throw new DocumentFailure("encrypted or legacy Word (.doc) file: save it as .docx without a password");
            if (n < 4 || head[0] != 'P' || head[1] != 'K')
                throw new DocumentFailure("not a DOCX file (not a zip container)");
        }
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            foreach (var e in zip.Entries)
            {
                total += e.Length;
                // a zip bomb expands far past its size; refuse before anything is inflated
                if (total > maxUncompressedBytes || e.CompressedLength > 0 && e.Length / e.CompressedLength > 1000 && e.Length > 50_000_000)
                    throw new DocumentFailure($"DOCX expands to more than {maxUncompressedBytes / (1024 * 1024)} MiB (zip bomb?)");
            }
            if (zip.GetEntry("word/document.xml") == null) throw new DocumentFailure("not a Word document (zip has no word/document.xml)");
        }
        catch (InvalidDataException e) { throw new DocumentFailure($"corrupt DOCX zip: {e.Message}", e); }
    }

    private sealed class PageState
    {
        public int Page = 1;
        public int Line;
        public SourceLine Next(string text)
        {
            Line++;
            return new SourceLine(Page, Line, text);
        }
        public void Break()
        {
            Page++;
            Line = 0;
        }
    }

    private static void AddParagraph(W.Paragraph p, List<Block> blocks, PageState state, NumberingRenderer numbering, Dictionary<long, Footnote> footnotes)
    {
        if (BreaksBefore(p)) state.Break();
        var text = ParagraphText(p, numbering);
        if (text.Trim().Length > 0)
            blocks.Add(new TextBlock([state.Next(text)], IsWholeParagraph: true));
        foreach (var r in p.Descendants<FootnoteReference>())
            if (r.Id?.Value is long id && footnotes.TryGetValue(id, out var fn))
            {
                var ft = string.Join(" ", fn.Elements<W.Paragraph>().Select(x => ParagraphText(x, numbering)).Where(t => t.Trim().Length > 0));
                if (ft.Trim().Length > 0)
                    blocks.Add(new TextBlock([state.Next($"{id} {ft.Trim()}")], IsWholeParagraph: true, TextRole.Footnote));
            }
        if (p.ParagraphProperties?.SectionProperties != null) state.Break();
    }

    private static bool BreaksBefore(W.Paragraph p) =>
        p.ParagraphProperties?.PageBreakBefore != null ||
        p.Descendants<LastRenderedPageBreak>().Any() ||
        p.Descendants<Break>().Any(b => b.Type?.Value == BreakValues.Page);

    private static string ParagraphText(W.Paragraph p, NumberingRenderer numbering)
    {
        var sb = new System.Text.StringBuilder();
        var label = numbering.Label(p);
        if (label != null) sb.Append(label).Append(' ');
        foreach (var el in p.Descendants())
        {
            switch (el)
            {
                case W.Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break b when b.Type == null || b.Type.Value == BreakValues.TextWrapping: sb.Append(' '); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString();
    }

    private static TableBlock ReadTable(W.Table t, PageState state, NumberingRenderer numbering)
    {
        var rows = new List<Core.Model.TableRow>();
        int firstPage = state.Page;
        foreach (var tr in t.Elements<W.TableRow>())
        {
            bool header = tr.TableRowProperties?.GetFirstChild<TableHeader>() != null;
            var cells = new List<Core.Model.TableCell>();
            foreach (var tc in tr.Elements<W.TableCell>())
            {
                int span = tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                var vmerge = tc.TableCellProperties?.VerticalMerge;
                bool continuation = vmerge != null && (vmerge.Val == null || vmerge.Val.Value == MergedCellValues.Continue);
                var lines = new List<SourceLine>();
                if (!continuation)
                    foreach (var p in tc.Descendants<W.Paragraph>())
                    {
                        if (BreaksBefore(p)) state.Break();
                        var text = ParagraphText(p, numbering);
                        if (text.Trim().Length > 0) lines.Add(state.Next(text));
                    }
                cells.Add(new Core.Model.TableCell(lines, span) { MergedFromAbove = continuation });
            }
            rows.Add(new Core.Model.TableRow(cells, header));
        }
        return new TableBlock(rows, firstPage);
    }
}
