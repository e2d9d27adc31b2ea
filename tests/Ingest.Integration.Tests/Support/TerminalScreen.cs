using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Integration.Tests.Support;

/// <summary>
/// Plays what a program wrote to a terminal into the lines the terminal then shows, scrollback
/// included: text, carriage return, line feed, and the cursor-up and erase sequences a live
/// display uses; other escapes (colours, cursor hiding) are skipped.
/// </summary>
public static partial class TerminalScreen
{
    [GeneratedRegex(@"\x1b\[([0-9;?]*)([A-Za-z])|\x1b[=>]|\r|\n|\P{M}\p{M}*")]
    private static partial Regex Token();

    public static IReadOnlyList<string> Play(string output)
    {
        var lines = new List<List<string>> { new() };
        int row = 0, col = 0;
        void Reach() { while (lines.Count <= row) lines.Add([]); }
        foreach (Match m in Token().Matches(output))
        {
            var t = m.Value;
            if (m.Groups[2].Success)
            {
                int n = int.TryParse(m.Groups[1].Value, out var v) ? v : 1;
                switch (m.Groups[2].Value)
                {
                    case "A": row = Math.Max(0, row - n); break;
                    case "B": row += n; Reach(); break;
                    case "G": col = n - 1; break;
                    case "K" when m.Groups[1].Value == "2": Reach(); lines[row].Clear(); break;
                    case "K": Reach(); if (col < lines[row].Count) lines[row].RemoveRange(col, lines[row].Count - col); break;
                    case "J":
                        Reach();
                        if (col < lines[row].Count) lines[row].RemoveRange(col, lines[row].Count - col);
                        for (int i = row + 1; i < lines.Count; i++) lines[i].Clear();
                        break;
                }
                continue;
            }
            if (t.StartsWith('\u001b')) continue;
            if (t == "\r") { col = 0; continue; }
            if (t == "\n") { row++; col = 0; Reach(); continue; }
            Reach();
            var line = lines[row];
            while (line.Count < col) line.Add(" ");
            if (col < line.Count) line[col] = t;
            else line.Add(t);
            col++;
        }
        return lines.Select(l => string.Concat(l).TrimEnd()).ToList();
    }
}
