using System.Globalization;

namespace Ingest.Core.Stages.Repair;

public enum RepairTokenKind { Space, Word, Number, Code, Punct }

/// <summary>A piece of a line: its place in the line and what kind of thing it is.</summary>
public readonly record struct RepairToken(int Start, int Length, RepairTokenKind Kind)
{
    public string Of(string line) => line.Substring(Start, Length);
}

/// <summary>
/// Cuts a line into words, numbers, codes, punctuation and spaces so that every character is
/// in exactly one token: joining the tokens gives the line back, which is how repair keeps the
/// line's spacing and punctuation as they were.
/// </summary>
public sealed class RepairTokenizer(IReadOnlySet<char>? inWordSymbols = null)
{
    private readonly IReadOnlySet<char> _inWord = inWordSymbols ?? new HashSet<char>();
    // text that may come from OCR, where a lone bracket next to letters is a misread letter
    private readonly bool _ocr = inWordSymbols != null;

    /// <summary>A tokenizer for clean text: only letters and digits make words (and symbols no word has).</summary>
    public static RepairTokenizer Clean { get; } = new();

    public List<RepairToken> Tokenize(string line)
    {
        var tokens = new List<RepairToken>();
        int i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i]))
            {
                int s = i;
                while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
                tokens.Add(new RepairToken(s, i - s, RepairTokenKind.Space));
                continue;
            }
            int chunkStart = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            SplitChunk(line, chunkStart, i, tokens);
        }
        return tokens;
    }

    private bool IsWordChar(string line, int k) =>
        char.IsLetterOrDigit(line[k]) || char.GetUnicodeCategory(line[k]) == UnicodeCategory.NonSpacingMark
        || ((_inWord.Contains(line[k]) || IsJunkSymbol(line[k]) || (_ocr && (IsStrayBracket(line, k) || IsHookRead(line, k)))) && HasWordNeighbour(line, k));

    /// <summary>
    /// A bracket or bar with no partner in its run of non-spaces, touching a letter ("si]", "[ng"):
    /// OCR's reading of a marked letter, since brackets in prose come in pairs.
    /// </summary>
    private static bool IsStrayBracket(string line, int k)
    {
        var c = line[k];
        if (c == '|') return true;
        if (c is not (']' or '}' or '[' or '{')) return false;
        char partner = c switch { ']' => '[', '}' => '{', '[' => ']', _ => '}' };
        int step = c is ']' or '}' ? -1 : 1;
        for (int i = k + step; i >= 0 && i < line.Length && !char.IsWhiteSpace(line[i]); i += step)
            if (line[i] == partner) return false;
        return true;
    }

    /// <summary>
    /// A question mark right after a letter with the sentence going on after it ("chi?c", "si? dung",
    /// "điện tt?)"): OCR's reading of a hooked or horned letter (ử, ữ, ứ), whose mark looks like one.
    /// A question ends its sentence: a capital follows it. At a line's end the sentence may go on on
    /// the next line ("chữ ký điện ti?" / "cá nhân"), and plans ask no questions, so it is read as a letter.
    /// </summary>
    private static bool IsHookRead(string line, int k)
    {
        if (line[k] != '?' || k == 0 || !char.IsLetter(line[k - 1])) return false;
        int next = k + 1;
        while (next < line.Length && line[next] == ' ') next++;
        return next == line.Length || !char.IsUpper(line[next]);
    }

    /// <summary>
    /// A non-ASCII symbol that has no business inside a Vietnamese word ("¢", "§", "€", "‘"):
    /// next to letters it is OCR's reading of a marked letter, so it belongs to the word.
    /// </summary>
    public static bool IsJunkSymbol(char c) =>
        c > '\u007f' && !IsProsePunctuation(c)
        && char.GetUnicodeCategory(c) is UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol
            or UnicodeCategory.OtherPunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation;

    /// <summary>Non-ASCII punctuation that prose uses as such, never inside a word: quotes, dashes, ellipsis, bullet.</summary>
    public static bool IsProsePunctuation(char c) => c is '“' or '”' or '«' or '»' or '…' or '•' or '–' or '—';

    private static bool HasWordNeighbour(string line, int k) =>
        (k > 0 && char.IsLetterOrDigit(line[k - 1])) || (k + 1 < line.Length && char.IsLetterOrDigit(line[k + 1]));

    private void SplitChunk(string line, int start, int end, List<RepairToken> tokens)
    {
        // "57-NQ/TW", "22-KH/ĐU", "5G": codes pass through repair whole
        int coreStart = start, coreEnd = end;
        while (coreStart < coreEnd && !char.IsLetterOrDigit(line[coreStart])) coreStart++;
        while (coreEnd > coreStart && !char.IsLetterOrDigit(line[coreEnd - 1])) coreEnd--;
        bool code = coreEnd > coreStart && IsCode(line.AsSpan(coreStart, coreEnd - coreStart));

        int i = start;
        while (i < end)
        {
            if (code && i == coreStart)
            {
                tokens.Add(new RepairToken(coreStart, coreEnd - coreStart, RepairTokenKind.Code));
                i = coreEnd;
                continue;
            }
            if (!IsWordChar(line, i))
            {
                tokens.Add(new RepairToken(i, 1, RepairTokenKind.Punct));
                i++;
                continue;
            }
            int s = i;
            bool letter = false;
            while (i < end && (IsWordChar(line, i) || IsNumberJoint(line, i, s, end)))
            {
                if (char.IsLetter(line[i]) || _inWord.Contains(line[i]) || IsJunkSymbol(line[i])) letter = true;
                i++;
            }
            tokens.Add(new RepairToken(s, i - s, letter ? RepairTokenKind.Word : RepairTokenKind.Number));
        }
    }

    // "1.5", "88,69", "22/12/2024" stay one number
    private static bool IsNumberJoint(string line, int k, int runStart, int end) =>
        line[k] is '.' or ',' or '/' && k > runStart && k + 1 < end
        && char.IsDigit(line[k - 1]) && char.IsDigit(line[k + 1]);

    /// <summary>
    /// A code: a number followed by capitals ("5G"; but "S6" is a damaged word), or parts joined by "-" or "/" where
    /// one part has a digit or two capitals ("57-NQ/TW"), or anything with "/" ("Gb/s"), or a capital after a small letter
    /// ("VNeID", "IoT").
    /// </summary>
    public static bool IsCode(ReadOnlySpan<char> s)
    {
        bool digit = false, joint = false, lower = false, slash = false;
        int capitals = 0, letters = 0;
        for (int k = 0; k < s.Length; k++)
        {
            var c = s[k];
            if (char.IsDigit(c)) digit = true;
            else if (c is '-' or '/' or '.' or '_') { joint = true; slash |= c == '/'; }
            else if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) capitals++; else lower = true;
            }
        }
        if (letters == 0) return false;
        if (char.IsDigit(s[0]) && capitals > 0 && !lower && !joint) return true;
        // words are not joined by "/" in Vietnamese prose, units and codes are ("Gb/s", "km/h")
        if (slash || (joint && (digit || capitals >= 2))) return true;
        return HasInnerCapital(s);
    }

    /// <summary>
    /// Letters only, with a capital after a small letter: a brand or code in clean text ("VNeID",
    /// "IoT"), but OCR's reading of a marked vowel in damaged text ("triJn", "mUnh").
    /// </summary>
    public static bool IsMixedCase(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsLetter(c)) return false;
        return HasInnerCapital(s);
    }

    private static bool HasInnerCapital(ReadOnlySpan<char> s)
    {
        for (int k = 1; k < s.Length; k++) if (char.IsUpper(s[k]) && char.IsLower(s[k - 1])) return true;
        return false;
    }
}
