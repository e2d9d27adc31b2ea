using System.Text;
using Ingest.Core.Model;
using Ingest.Core.Ports;

namespace Ingest.Core.Stages.Load;

/// <summary>
/// Plain text: UTF-8 or UTF-16 (with or without BOM), CRLF or LF, form feeds as page breaks.
/// Every physical line becomes its own block; Structure joins the hard-wrapped ones.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Txt;

    public bool CanRead(string extension, ReadOnlySpan<byte> head) => extension is ".txt" or ".text";

    public LoadedDocument Read(string path, string sha256, IProgress<PagesRead> pages, CancellationToken ct)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Decode(bytes);
        return FromText(path, sha256, text);
    }

    public static LoadedDocument FromText(string path, string sha256, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DocumentFailure("empty document: no text");
        var blocks = new List<Block>();
        var pages = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\f');
        // a blank line parts paragraphs, unless the text is double-spaced (a blank after most lines)
        var all = pages.SelectMany(p => p.Split('\n')).ToArray();
        int filled = all.Count(l => l.Trim().Length > 0);
        int afterBlank = all.Where((l, i) => l.Trim().Length > 0 && i > 0 && all[i - 1].Trim().Length == 0).Count();
        // double-spaced hard-wrapped text runs its sentences on across the blanks (the next line goes
        // on in lower case); between paragraphs, and a paragraph per line, it does not
        int runOn = all.Where((l, i) => l.Trim().Length > 0 && i > 1 && all[i - 1].Trim().Length == 0
            && all[i - 2].Trim().Length > 0 && char.IsLower(l.TrimStart()[0])).Count();
        bool blankParts = afterBlank * 2 < filled || runOn * 5 < afterBlank;
        for (int p = 0; p < pages.Length; p++)
        {
            var lines = pages[p].Split('\n');
            bool blank = false;
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) { blank = true; continue; }
                var line = new SourceLine(p + 1, i + 1, lines[i].TrimEnd());
                blocks.Add(new TextBlock([line], IsWholeParagraph: false) { AfterBlankLine = blank && blankParts });
                blank = false;
            }
        }
        return new LoadedDocument(path, SourceFormat.Txt, sha256, pages.Length, false, blocks, []);
    }

    /// <summary>Decodes by BOM, else by the NUL pattern of UTF-16, else strict UTF-8.</summary>
    public static string Decode(byte[] b)
    {
        if (b.Length == 0) throw new DocumentFailure("empty file (0 bytes)");
        if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return Utf8(b.AsSpan(3));
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return Encoding.Unicode.GetString(b, 2, b.Length - 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(b, 2, b.Length - 2);
        int sample = Math.Min(b.Length, 4096), evenNul = 0, oddNul = 0;
        for (int i = 0; i < sample; i++)
            if (b[i] == 0) { if (i % 2 == 0) evenNul++; else oddNul++; }
        if (oddNul > sample / 8 && evenNul == 0 && LooksLikeText(Encoding.Unicode.GetString(b))) return Encoding.Unicode.GetString(b);
        if (evenNul > sample / 8 && oddNul == 0 && LooksLikeText(Encoding.BigEndianUnicode.GetString(b))) return Encoding.BigEndianUnicode.GetString(b);
        if (evenNul + oddNul > 0) throw new DocumentFailure("not a text file (binary content)");
        var text = Utf8(b);
        if (!LooksLikeText(text)) throw new DocumentFailure("not a text file (binary content)");
        return text;
    }

    private static bool LooksLikeText(string s)
    {
        int control = s.Count(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f'));
        return control <= s.Length / 100;
    }

    private static string Utf8(ReadOnlySpan<byte> b)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(b); }
        catch (DecoderFallbackException)
        {
            throw new DocumentFailure("not UTF-8 or UTF-16 text (legacy 8-bit encodings are not supported yet)");
        }
    }
}
