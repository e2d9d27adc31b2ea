namespace Ingest.Core.Stages.Extract;

/// <summary>Splits a paragraph into sentences, and sentences into clauses at semicolons, keeping offsets.</summary>
public static class Clauses
{
    /// <summary>Clauses: cut at sentence ends and at semicolons.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text) => Cut(text, semicolons: true);

    /// <summary>Sentences: cut at a full stop followed by a capital or a dash, not inside a number.</summary>
    public static IReadOnlyList<(int Start, int End)> Sentences(string text) => Cut(text, semicolons: false);

    private static List<(int Start, int End)> Cut(string text, bool semicolons)
    {
        var list = new List<(int Start, int End)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool cut = semicolons && c == ';' ||
                       c is '.' or '!' or '?' or '…' && i + 2 < text.Length && text[i + 1] == ' ' && StartsSentence(text[i + 2]) && !EndsListNumber(text, i);
            if (!cut) continue;
            if (i > start) list.Add((start, i));
            start = i + 1;
        }
        if (start < text.Length) list.Add((start, text.Length));
        return list;
    }

    // a sentence starts with a capital, a figure ("… năm 2024. 100% xã …"), a dash, a quote or a bracket
    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '-' or '"' or '“' or '(';

    // "2.1. Về …", "1. Kết quả": a short number that opens the text or ends a multi-level number
    // numbers a heading; "năm 2024. Tỷ lệ", "xếp thứ 15. Năm 2025" end sentences
    private static bool EndsListNumber(string s, int i)
    {
        int k = i;
        while (k > 0 && char.IsDigit(s[k - 1])) k--;
        if (i - k is 0 or >= 3) return false;
        return s[..k].Trim().Length == 0 || s[k - 1] == '.';
    }

    /// <summary>Where the first joining word between two positions starts, or -1.</summary>
    public static int FirstJoiner(string text, int from, int to, IReadOnlyList<string> joiners)
    {
        if (to <= from) return -1;
        var between = text[from..to];
        int first = -1;
        foreach (var j in joiners)
            if (between.IndexOf($" {j} ", StringComparison.Ordinal) is var k and >= 0 && (first < 0 || k < first)) first = k;
        return first < 0 ? -1 : from + first + 1;
    }

    /// <summary>
    /// Where the text between two values divides: after the last comma, else before the last
    /// coordinating word, else in the middle. Left of it belongs to the first value.
    /// </summary>
    public static int Divide(string text, int from, int to, IReadOnlyList<string> joiners)
    {
        if (to <= from) return from;
        var between = text[from..to];
        int comma = between.LastIndexOf(',');
        if (comma >= 0) return from + comma + 1;
        foreach (var j in joiners)
        {
            int k = between.LastIndexOf($" {j} ", StringComparison.Ordinal);
            if (k >= 0) return from + k + 1;
        }
        return from + between.Length / 2;
    }
}
