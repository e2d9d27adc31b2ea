using System.Reflection;
using System.Text;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// Text typed in the legacy Vietnamese font encodings (TCVN3/ABC, VNI) reads as Latin-1 junk
/// once taken for Unicode ("Vi»t Nam", "Vieät Nam"). This finds which encoding, if any, turns a
/// document's words into Vietnamese syllables, and converts the lines that gain from it.
/// The tables are data: models/legacy-encodings.tsv.
/// </summary>
public sealed class LegacyEncodings
{
    private readonly Dictionary<string, Dictionary<string, string>> _tables;
    private readonly Func<string, bool> _isWord;

    /// <param name="tableLines">lines of legacy-encodings.tsv</param>
    /// <param name="isWord">whether a lower-case word is Vietnamese: best a syllable inventory, since
    /// one encoding's text read in the other can still look syllable-shaped</param>
    public LegacyEncodings(IEnumerable<string> tableLines, Func<string, bool> isWord)
    {
        _isWord = isWord;
        _tables = new(StringComparer.Ordinal);
        foreach (var line in tableLines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (!_tables.TryGetValue(f[0], out var t)) _tables[f[0]] = t = new(StringComparer.Ordinal);
            t[f[1]] = f[2];
        }
    }

    public static LegacyEncodings Load(Func<string, bool> isWord)
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ingest.legacy-encodings.tsv")
            ?? throw new InvalidOperationException("legacy-encodings.tsv is not embedded");
        using var r = new StreamReader(s, Encoding.UTF8);
        var lines = new List<string>();
        while (r.ReadLine() is { } l) lines.Add(l);
        return new LegacyEncodings(lines, isWord);
    }

    public IReadOnlyCollection<string> Encodings => _tables.Keys;

    /// <summary>
    /// The encoding that makes clearly more of the text's words Vietnamese (at least a tenth more,
    /// and half of all words), or null for text that is already Unicode.
    /// </summary>
    public string? Detect(IReadOnlyList<string> lines)
    {
        var chunks = lines.SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Take(5000).ToArray();
        if (chunks.Length == 0) return null;
        double baseline = ValidShare(chunks);
        string? best = null;
        double bestShare = baseline;
        foreach (var enc in _tables.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            double share = ValidShare(chunks.Select(c => Convert(c, enc)));
            if (share > bestShare) { bestShare = share; best = enc; }
        }
        return best != null && bestShare >= baseline + 0.1 && bestShare >= 0.5 ? best : null;
    }

    /// <summary>Converts the lines that have more Vietnamese words in the given encoding; others stay.</summary>
    public IReadOnlyList<string> ConvertLines(IReadOnlyList<string> lines, string encoding) =>
        lines.Select(l =>
        {
            var converted = Convert(l, encoding);
            var before = l.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var after = converted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return ValidShare(after) > ValidShare(before) ? converted : l;
        }).ToArray();

    public string Convert(string text, string encoding)
    {
        var table = _tables[encoding];
        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (i + 1 < text.Length && table.TryGetValue(text.Substring(i, 2), out var two)) { sb.Append(two); i += 2; continue; }
            if (table.TryGetValue(text.Substring(i, 1), out var one)) { sb.Append(one); i++; continue; }
            sb.Append(text[i]); i++;
        }
        return CapitalizeWords(sb.ToString());
    }

    // Capital fonts of TCVN3 reuse the small-letter codes: a word of ASCII capitals with small marked letters is all capitals
    private static string CapitalizeWords(string s)
    {
        var words = s.Split(' ');
        for (int w = 0; w < words.Length; w++)
        {
            var word = words[w];
            bool asciiUpper = word.Any(c => c < 0x80 && char.IsUpper(c)), asciiLower = word.Any(c => c < 0x80 && char.IsLower(c));
            if (asciiUpper && !asciiLower && word.Count(char.IsLetter) > 1) words[w] = word.ToUpperInvariant();
        }
        return string.Join(' ', words);
    }

    private double ValidShare(IEnumerable<string> chunks)
    {
        int n = 0, valid = 0;
        foreach (var c in chunks)
        {
            var word = c.Trim('.', ',', ';', ':', '(', ')', '"', '“', '”', '-', '!', '?');
            if (word.Length == 0 || word.Any(char.IsDigit)) continue;
            n++;
            if (word.All(VietOrthography.IsVietnameseLetter) && _isWord(word.ToLowerInvariant())) valid++;
        }
        return n == 0 ? 0 : valid / (double)n;
    }
}
