namespace Ingest.Core.Stages.Extract;

/// <summary>Splits a paragraph into clauses at sentence ends and semicolons, keeping offsets.</summary>
public static class Clauses
{
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var list = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool cut = c == ';' ||
                       c == '.' && i + 2 < text.Length && text[i + 1] == ' ' && (char.IsUpper(text[i + 2]) || text[i + 2] == '-') && !char.IsDigit(Prev(text, i));
            if (!cut) continue;
            if (i > start) list.Add((start, i));
            start = i + 1;
        }
        if (start < text.Length) list.Add((start, text.Length));
        return list;
    }

    private static char Prev(string s, int i) => i > 0 ? s[i - 1] : ' ';

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
