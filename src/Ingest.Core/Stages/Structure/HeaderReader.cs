using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// Reads the administrative header of a plan from its first lines. On the left the issuing body,
/// perhaps under its parent ("ĐẢNG BỘ TỈNH GIA LAI / ĐẢNG ỦY XÃ CHƯ SÊ"), and the number ("Số:
/// 12-KH/ĐU"); on the right a motto and the place and date ("Chư Sê, ngày 05 tháng 3 năm 2025");
/// then the document type ("KẾ HOẠCH") and its subject lines. OCR puts the two columns side by side
/// on one line and a Word cell may hold a whole column in one paragraph, so the header is read in
/// pieces: its lines with the mottos taken out. A resolution may name its enacting body only under
/// its title ("HỘI ĐỒNG NHÂN DÂN XÃ … / KHOÁ XIII, NHIỆM KỲ …"). The place is the name written before
/// ", ngày"; a document that writes none is placed where its issuer is, as the rules for
/// administrative documents place it.
/// </summary>
public sealed partial class HeaderReader
{
    // the header stands at the top: a document type further down is a heading of the body
    private const int MaxTypeLine = 25;
    // without a document type, the lines that may still hold a header
    private const int LinesWithoutType = 12;
    // longer than this, a line of capitals that starts with a document type is a heading, not the type line
    private const int MaxTypeLineLength = 60;
    private const int MaxSubjectLines = 8;
    // a line's pieces a place and date may run over ("Hà Nội, ngày 9" / "tháng 1 năm 2025")
    private const int DatePieces = 3;

    [GeneratedRegex(@"^[\p{L}\d.]*[-/][\p{L}\d./\-]*$")]
    private static partial Regex NumberShape();

    [GeneratedRegex(@"\s*[-_=*.]{3,}\s*$")]
    private static partial Regex TrailingRule();

    // a code broken after its hyphen at a line end: "57-" / "NQ/TW"
    [GeneratedRegex(@"[\p{L}\d]-$")]
    private static partial Regex BrokenCode();

    private readonly HeadingParser _headings;
    private readonly (string Folded, string Written)[] _issuers;
    private readonly string[] _units, _terms, _skip, _signatures, _types, _preamble, _bodyStarts;
    private readonly Regex[] _mottos;
    private readonly Regex _placeDate, _dateTail, _numberLabel;

    public HeaderReader(Lexicon lexicon)
    {
        _headings = new HeadingParser(lexicon);
        string[] Folded(IEnumerable<string> words) => words.Select(VietText.Fold).Distinct().OrderByDescending(w => w.Length).ToArray();
        _issuers = lexicon.HeaderIssuerWords.Select(w => (VietText.Fold(w), w)).DistinctBy(w => w.Item1).OrderByDescending(w => w.Item1.Length).ToArray();
        _units = Folded(lexicon.AdminUnitWords);
        _terms = Folded(lexicon.IssuerTermWords);
        _skip = Folded(lexicon.HeaderSkipWords);
        _signatures = Folded(lexicon.SignatureMarks);
        _types = Folded(lexicon.TitleWords);
        _preamble = Folded(lexicon.PreambleStarts);
        _bodyStarts = Folded(lexicon.BodyStarts);
        _mottos = lexicon.HeaderMottos.Select(m => new Regex(string.Join(@"\s*", VietText.Fold(m)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t is "-" or "–" or "—" ? "[-–—−]" : Regex.Escape(t))), RegexOptions.CultureInvariant)).ToArray();
        // matched on the text without marks, so that old OCR's "ngay 5 thang 3 nam 2025" is read too
        string Bare(IEnumerable<string> words) => string.Join('|', words.Select(w => Regex.Escape(VietText.StripMarksSameLength(w))));
        _placeDate = new Regex($@"(?<![\p{{L}}\d/.\-])(?<place>\p{{Lu}}\p{{L}}*(?: \p{{Lu}}\p{{L}}*){{0,4}}) ?, ?(?i:{Bare(lexicon.DayWords)})(?!\p{{L}})(?<tail>.*)$", RegexOptions.CultureInvariant);
        // between the words, anything but letters and digits: spaces, and the stray marks OCR reads in a blank ("ngày ˆ tháng 8")
        const string gap = @"[^\p{Lu}\p{Ll}\p{Lt}\p{Lo}\d]*";
        _dateTail = new Regex($@"^{gap}(?<d>\d{{1,2}})?{gap}(?:(?i:{Bare(lexicon.MonthWords)}){gap}(?<m>\d{{1,2}})?{gap}(?:(?i:{Bare(lexicon.YearWords)}){gap}(?<y>(?:19|20)\d{{2}}))?)?", RegexOptions.CultureInvariant);
        // the label of the header's number is written with a capital ("Số:", "SỐ"); "số 57-NQ/TW" in a sentence cites another document
        var labels = lexicon.NumberLabels.SelectMany(l => new[] { Capitalised(l), l.ToUpper(CultureInfo.InvariantCulture) });
        _numberLabel = new Regex($@"(?<![\p{{L}}\d])(?:{Bare(labels)})(?!\p{{L}})\s*:?\s*(?<n>[^\s:]+)?(?:\s+(?<n2>[^\s]+))?", RegexOptions.CultureInvariant);
    }

    public DocumentHeader Read(IReadOnlyList<string> firstLines)
    {
        var lines = firstLines.Select(l => VietText.Squash(VietText.Clean(l))).Where(l => l.Length > 0).Take(60).ToList();
        var type = DocumentType(lines);
        var pieces = Pieces(lines.Take(type?.At ?? Math.Min(LinesWithoutType, lines.Count)));

        string? title = null;
        Issuer? issuer = null;
        for (int i = 0; i < pieces.Count && issuer == null; i++)
            issuer = ReadIssuer(pieces, i);
        if (type is { } t)
        {
            title = ReadTitle(lines, t, out int next);
            // the enacting body of a resolution, named under its title
            while (issuer == null && next < lines.Count && !lines[next].Any(char.IsLetterOrDigit)) next++;
            if (issuer == null && next < lines.Count && IsUpper(lines[next]) && StartsWithIssuerWord(lines[next]))
                issuer = ReadIssuer(lines, next);
        }
        var (place, date) = ReadPlaceAndDate(pieces);
        if (issuer?.Name is { } name)
        {
            var (fp, fn) = (VietText.Fold(place ?? ""), VietText.Fold(name));
            if (place == null) place = name;
            // stray marks OCR read before the place ("T Kon Chiéng, ngày"): the issuer names the place
            else if (fp.EndsWith(" " + fn, StringComparison.Ordinal)) place = place[^name.Length..];
        }
        return new DocumentHeader(title, issuer?.Text, place, ReadNumber(pieces), date);
    }

    /// <summary>The issuing body as it should be written, and the name of the unit it governs ("Kon Chiêng"), if any.</summary>
    private sealed record Issuer(string Text, string? Name);

    /// <summary>The lines with every motto taken out; what stood on either side of a motto is a piece of its own.</summary>
    private List<string> Pieces(IEnumerable<string> lines)
    {
        var pieces = new List<string>();
        foreach (var line in lines)
        {
            var folded = VietText.FoldSameLength(line);
            var cuts = _mottos.SelectMany(m => m.Matches(folded)).OrderBy(m => m.Index).ToList();
            int at = 0;
            foreach (var c in cuts)
            {
                if (c.Index < at) continue;
                pieces.Add(line[at..c.Index].Trim());
                at = c.Index + c.Length;
            }
            pieces.Add(line[at..].Trim());
        }
        pieces.RemoveAll(p => p.Length == 0);
        return pieces;
    }

    /// <summary>
    /// The issuer in piece <paramref name="i"/>: capitals from an issuer word ("ỦY BAN NHÂN DÂN") up to a
    /// motto, a term ("KHOÁ XIII, NHIỆM KỲ …"), or the first word that is not in capitals ("Số:"), with the
    /// next piece when that goes on with the unit ("XÃ XỐP"). A signing line ("TM. BAN THƯỜNG VỤ") names none.
    /// </summary>
    private Issuer? ReadIssuer(List<string> pieces, int i)
    {
        var words = IssuerWords(pieces[i]);
        if (words == null) return null;
        if (words.Count == WordCount(IssuerWordOf(words)) && i + 1 < pieces.Count)
        {
            var next = IssuerWords(string.Join(' ', words) + " " + pieces[i + 1]);
            var rest = next?.Skip(words.Count).ToList();
            if (rest is { Count: > 0 } && _units.Any(u => VietText.StartsWithWord(VietText.Fold(string.Join(' ', rest)), u))) words = next!;
        }
        return Written(words);
    }

    /// <summary>The capital words of an issuer in a piece, from its issuer word on; null when the piece names none.</summary>
    private List<string>? IssuerWords(string piece)
    {
        var folded = VietText.FoldSameLength(piece);
        int best = -1, length = 0;
        foreach (var (w, _) in _issuers)
        {
            int k = VietText.IndexOfWord(folded, w);
            if (k >= 0 && (best < 0 || k < best)) (best, length) = (k, w.Length);
        }
        if (best < 0 || !IsUpper(piece.Substring(best, length))) return null;
        if (folded[..best].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(t => _signatures.Contains(t))) return null;
        var words = new List<string>();
        var tokens = piece[best..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = 0; k < tokens.Length; k++)
        {
            var rest = VietText.Fold(string.Join(' ', tokens[k..]));
            if (k > 0 && (_terms.Concat(_skip).Any(s => VietText.StartsWithWord(rest, s)) || !IsUpper(tokens[k]))) break;
            var word = tokens[k].TrimEnd(',', ';', ':', '.');
            if (word.Length > 0) words.Add(word);
            if (word.Length < tokens[k].Length) break;
        }
        return words;
    }

    private string IssuerWordOf(IReadOnlyList<string> words)
    {
        var folded = VietText.Fold(string.Join(' ', words));
        return _issuers.First(w => VietText.StartsWithWord(folded, w.Folded)).Folded;
    }

    /// <summary>
    /// "ỦY BAN NHÂN DÂN XÃ KON CHIÊNG" → "Ủy ban nhân dân xã Kon Chiêng": issuer words as the lexicon
    /// spells them, unit words in small letters, and the name after the unit (or, with no unit, after
    /// the issuer word: "TỈNH ỦY GIA LAI") with capitals; other words before the unit ("BAN CHẤP HÀNH
    /// ĐẢNG BỘ XÃ …") open with a capital, and an acronym ("HĐND") stays as it is.
    /// </summary>
    private Issuer Written(List<string> words)
    {
        var parts = new List<string>();
        bool inRun = false;
        for (int k = 0; k < words.Count;)
        {
            var rest = VietText.Fold(string.Join(' ', words.Skip(k)));
            var iw = _issuers.FirstOrDefault(w => VietText.StartsWithWord(rest, w.Folded));
            if (iw.Folded != null)
            {
                parts.Add(iw.Written);
                k += WordCount(iw.Folded);
                inRun = false;
                continue;
            }
            var unit = _units.FirstOrDefault(u => VietText.StartsWithWord(rest, u));
            if (unit != null)
            {
                parts.Add(unit);
                return Named(k + WordCount(unit));
            }
            if (!_units.Any(u => VietText.IndexOfWord(rest, u) >= 0)) return Named(k);
            parts.Add(IsAcronym(words[k]) ? words[k] : inRun ? words[k].ToLower(CultureInfo.InvariantCulture) : Capitalised(words[k]));
            inRun = true;
            k++;
        }
        return new Issuer(string.Join(' ', parts), null);

        Issuer Named(int from)
        {
            var name = from < words.Count ? string.Join(' ', words.Skip(from).Select(Capitalised)) : null;
            if (name != null) parts.Add(name);
            return new Issuer(string.Join(' ', parts), name);
        }
    }

    private static int WordCount(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // every Vietnamese syllable has a vowel; capitals without one are an abbreviation
    private static bool IsAcronym(string word) =>
        word.Length > 1 && !VietText.StripMarksSameLength(word).ToLowerInvariant().Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y');

    private bool StartsWithIssuerWord(string line)
    {
        var folded = VietText.Fold(line);
        return _issuers.Any(w => VietText.StartsWithWord(folded, w.Folded));
    }

    /// <summary>"Số: 412/KH-UBND", "Số 05-NQ/ĐU", "Số:      /KH-HĐND" (a number left blank keeps its sign); the number may stand in the next piece.</summary>
    private string? ReadNumber(List<string> pieces)
    {
        for (int i = 0; i < pieces.Count; i++)
        {
            var bare = VietText.StripMarksSameLength(pieces[i]);
            foreach (Match m in _numberLabel.Matches(bare))
            {
                // the label opens the piece or follows the issuer's capitals ("ỦY BAN NHÂN DÂN TỈNH … Số: …")
                var before = pieces[i][..m.Index];
                if (before.Any(char.IsLetter) && !IsUpper(before)) continue;
                string? Group(string g) => m.Groups[g].Success ? pieces[i].Substring(m.Groups[g].Index, m.Groups[g].Length) : null;
                var (n, n2) = (Group("n"), Group("n2"));
                if (n == null && i + 1 < pieces.Count)
                {
                    var next = pieces[i + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    (n, n2) = (next[0], next.Length > 1 ? next[1] : null);
                }
                // OCR may part the number from its sign: "97 /KH-UBND"
                if (n != null && n.All(char.IsDigit) && n2 != null && (n2.StartsWith('/') || n2.StartsWith('-'))) n += n2;
                if (n != null && NumberShape().IsMatch(n) && n.Contains('/') && n.Any(char.IsLetter)) return n;
            }
        }
        return null;
    }

    /// <summary>The place before ", ngày" and the date after it, which may run on over the next pieces; the date as far as it is filled in.</summary>
    private (string? Place, string? Date) ReadPlaceAndDate(List<string> pieces)
    {
        for (int i = 0; i < pieces.Count; i++)
        {
            var joined = string.Join(' ', pieces.Skip(i).Take(DatePieces));
            var m = _placeDate.Match(VietText.StripMarksSameLength(joined));
            var at = m.Groups["place"];
            if (!m.Success || at.Index + at.Length > pieces[i].Length) continue;
            var tail = _dateTail.Match(m.Groups["tail"].Value);
            return (joined.Substring(at.Index, at.Length), Date(tail));
        }
        return (null, null);
    }

    private static string? Date(Match tail)
    {
        if (!tail.Groups["y"].Success) return null;
        var y = tail.Groups["y"].Value;
        int? Part(string g, int max) => tail.Groups[g].Success && int.Parse(tail.Groups[g].Value, CultureInfo.InvariantCulture) is var v && v >= 1 && v <= max ? v : null;
        var (m, d) = (Part("m", 12), Part("d", 31));
        return m == null ? y : d == null ? $"{y}-{m:00}" : $"{y}-{m:00}-{d:00}";
    }

    private sealed record TypeLine(int At, string Type, string? Rest);

    /// <summary>
    /// The line that names the document type: capitals that are a type ("KẾ HOẠCH HÀNH ĐỘNG"), or start
    /// with one in a short line, or a type in capitals followed by the subject on the same line, as a
    /// Word paragraph with a line break gives it ("KẾ HOẠCH Triển khai …").
    /// </summary>
    private TypeLine? DocumentType(List<string> lines)
    {
        for (int i = 0; i < Math.Min(MaxTypeLine, lines.Count); i++)
        {
            var words = lines[i].Split(' ');
            int caps = words.TakeWhile(IsUpper).Count();
            if (caps == 0) continue;
            var prefix = VietText.Fold(string.Join(' ', words[..caps]));
            var type = _types.FirstOrDefault(w => VietText.StartsWithWord(prefix, w));
            if (type == null) continue;
            int typeWords = type.Split(' ').Length;
            string? Rest(int from) => from < words.Length ? string.Join(' ', words[from..]) : null;
            if (caps == words.Length && (prefix == type || lines[i].Length < MaxTypeLineLength)) return new TypeLine(i, type, Rest(typeWords));
            if (caps < words.Length && prefix == type) return new TypeLine(i, type, Rest(typeWords));
        }
        return null;
    }

    /// <summary>
    /// The type and the subject lines under it, up to a rule, the preamble ("Căn cứ …"), a heading, the
    /// body ("Thực hiện …" after the first line), or a change between capitals and small letters (the
    /// enacting body under a subject in small letters); <paramref name="next"/> is the line after it.
    /// </summary>
    private string ReadTitle(List<string> lines, TypeLine type, out int next)
    {
        var parts = new List<string>();
        bool? capitals = null;
        bool ruled = false;
        if (type.Rest != null) Add(type.Rest);
        next = type.At + 1;
        for (; next < lines.Count && parts.Count < MaxSubjectLines && !ruled; next++)
        {
            var l = lines[next];
            if (!l.Any(char.IsLetterOrDigit)) break;
            var f = VietText.Fold(l);
            if (_preamble.Any(p => VietText.StartsWithWord(f, p)) || _headings.Parse(l) != null) break;
            if (parts.Count > 0)
            {
                if (char.IsUpper(l[0]) && _bodyStarts.Any(b => VietText.StartsWithWord(f, b))) break;
                if (l.Any(char.IsLetter) && IsUpper(l) != capitals) break;
                if (IsUpper(l) && StartsWithIssuerWord(l)) break;
            }
            Add(l);
        }
        var typeWritten = char.ToUpper(type.Type[0], CultureInfo.InvariantCulture) + type.Type[1..];
        var subject = SentenceStart(JoinLines(parts));
        return subject.Length > 0 ? $"{typeWritten} {subject}" : typeWritten;

        void Add(string line)
        {
            var rule = TrailingRule().Match(line);
            if (rule.Success) { line = line[..rule.Index]; ruled = true; }
            // underscores are rules or OCR's reading of them ("_của"), never words of a title
            line = VietText.Squash(line.Replace('_', ' '));
            if (line.Length == 0) return;
            parts.Add(line);
            if (line.Any(char.IsLetter)) capitals ??= IsUpper(line);
        }
    }

    private static string JoinLines(List<string> parts)
    {
        var sb = new StringBuilder();
        foreach (var p in parts)
        {
            if (sb.Length > 0 && !(BrokenCode().IsMatch(sb.ToString()) && (char.IsUpper(p[0]) || char.IsDigit(p[0])))) sb.Append(' ');
            sb.Append(p);
        }
        return sb.ToString();
    }

    /// <summary>A subject that opens like a sentence ("Triển khai thực hiện …") goes on from the type in small letters; names and capitals stay.</summary>
    private static string SentenceStart(string subject)
    {
        var words = subject.Split(' ');
        if (words.Length < 2 || words[0].Length < 2) return subject;
        bool sentence = char.IsUpper(words[0][0]) && words[0][1..].All(c => !char.IsLetter(c) || char.IsLower(c))
                        && words[1].Length > 0 && char.IsLower(words[1][0]);
        return sentence ? char.ToLower(subject[0], CultureInfo.InvariantCulture) + subject[1..] : subject;
    }

    private static string Capitalised(string word)
    {
        var lower = word.ToLower(CultureInfo.InvariantCulture);
        return lower.Length == 0 ? lower : char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
    }

    private static bool IsUpper(string s) => s.Any(char.IsLetter) && s.Where(char.IsLetter).All(char.IsUpper);
}
