using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Ports;
using Ingest.Core.Stages.Structure;

namespace Ingest.Adapters.Poppler;

/// <summary>
/// PDF with a text layer, through poppler: pdfinfo for encryption and damage, pdftotext
/// -bbox-layout for words with positions. Page numbers printed at the top or bottom of a page are
/// dropped; tables are rebuilt from geometry. Pages without text are reported (they need OCR).
/// </summary>
public sealed partial class PdfTextReader(PopplerTools tools, Lexicon? lexicon = null) : IDocumentReader
{
    private readonly Lexicon _lexicon = lexicon ?? Lexicon.Default;

    public SourceFormat Format => SourceFormat.Pdf;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) =>
        head.Length >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-' ||
        extension == ".pdf" && head.IndexOf("%PDF-"u8) >= 0;

    [GeneratedRegex(@"^\s*(-\s*)?\d{1,3}(\s*-)?\s*$")]
    private static partial Regex PageNumber();

    public LoadedDocument Read(string path, string sha256, CancellationToken ct)
    {
        var info = tools.Run("pdfinfo", [path], ct);
        if (info.ExitCode != 0)
        {
            var err = FirstMeaningful(info.StdErr);
            if (err.Contains("password", StringComparison.OrdinalIgnoreCase) || err.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
                throw new DocumentFailure("encrypted PDF (password required)");
            throw new DocumentFailure($"corrupt or unreadable PDF ({err})");
        }
        var text = tools.Run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", path, "-"], ct);
        if (text.ExitCode != 0)
        {
            var err = FirstMeaningful(text.StdErr);
            if (err.Contains("password", StringComparison.OrdinalIgnoreCase)) throw new DocumentFailure("encrypted PDF (password required)");
            throw new DocumentFailure($"pdftotext failed ({err})");
        }
        var pages = BBoxLayoutParser.Parse(text.StdOut);
        if (pages.Count == 0) throw new DocumentFailure("PDF has no pages");
        return Build(path, sha256, pages);
    }

    /// <summary>The document model from parsed pages (kept apart from the processes so tests can feed it).</summary>
    public LoadedDocument Build(string path, string sha256, IReadOnlyList<PdfPage> pages)
    {
        var headings = new HeadingParser(_lexicon);
        var rebuilder = new PdfTableRebuilder(_lexicon);
        var blocks = new List<Block>();
        var diagnostics = new List<Diagnostic>();
        ColumnLayout? carry = null;
        int textPages = 0;
        foreach (var page in pages)
        {
            var lines = page.Lines
                .Select((l, i) => (Line: l, Number: i + 1))
                .Where(l => !IsFurniture(page, l.Line))
                .ToList();
            if (lines.Count == 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "load", "page has no text layer (scanned page; OCR needed)", page.Number));
                continue;
            }
            textPages++;
            var result = rebuilder.Rebuild(page, lines, carry, t => headings.Parse(t) is { Rank: <= 1 });
            // a table that runs on without repeating its header is the same table
            if (carry != null && result.Blocks.FirstOrDefault() is TableBlock next && !next.Rows.Any(r => r.IsHeader)
                && blocks.LastOrDefault() is TableBlock previous)
            {
                blocks[^1] = previous with { Rows = [.. previous.Rows, .. next.Rows] };
                blocks.AddRange(result.Blocks.Skip(1));
            }
            else blocks.AddRange(result.Blocks);
            carry = result.Carry;
        }
        if (textPages == 0)
            throw new DocumentFailure("PDF has no text layer (a scan): OCR is needed and not available in this build");
        return new LoadedDocument(path, SourceFormat.Pdf, sha256, pages.Count, false, blocks, diagnostics);
    }

    // a lone page number in the top or bottom margin
    private static bool IsFurniture(PdfPage page, PdfLine line) =>
        PageNumber().IsMatch(line.Text) && (line.Box.Y1 < page.Height * 0.1 || line.Box.Y0 > page.Height * 0.9);

    private static string FirstMeaningful(string stderr)
    {
        var line = stderr.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no message";
        return line.Length > 160 ? line[..160] : line;
    }
}
