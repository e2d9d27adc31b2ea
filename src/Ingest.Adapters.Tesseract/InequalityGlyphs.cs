using System.Globalization;

namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Puts back "≥" and "≤" where Tesseract read "&gt;" or "&lt;". The Vietnamese model's character set has
/// neither sign (its LSTM unicharset lists 271 characters), so it reads "≥ 90%" as "&gt; 90%". The
/// sign differs from what was read only by the bar under the chevron; the page image shows it.
/// </summary>
public static class InequalityGlyphs
{
    /// <summary>
    /// The TSV with each word that starts with "&gt;" or "&lt;" rewritten when a bar lies just under
    /// its first glyph. <paramref name="isDark"/> tells whether a pixel of the recognised image is ink.
    /// </summary>
    public static string Restore(string tsv, int width, int height, Func<int, int, bool> isDark)
    {
        if (tsv.IndexOf('>') < 0 && tsv.IndexOf('<') < 0) return tsv;
        var rows = tsv.Split('\n');
        bool changed = false;
        for (int i = 0; i < rows.Length; i++)
        {
            if (TsvLayout.WordRow(rows[i]) is not { } f || f[11].Length == 0 || f[11][0] is not ('>' or '<')) continue;
            int left = I(f[6]), top = I(f[7]), w = I(f[8]), h = I(f[9]);
            // a chevron is about as wide as it is tall: the first glyph of ">90%" is the word's left end
            int glyphWidth = Math.Min(w, h);
            if (!HasBarBelow(left, top, glyphWidth, h, width, height, isDark)) continue;
            f[11] = (f[11][0] == '>' ? '≥' : '≤') + f[11][1..];
            rows[i] = string.Join('\t', f);
            changed = true;
        }
        return changed ? string.Join('\n', rows) : tsv;
    }

    /// <summary>
    /// A row of ink under the glyph, a little below its box or in its lowest part, that spans most of
    /// the glyph and not much more (an underline or a table rule runs on past it).
    /// </summary>
    public static bool HasBarBelow(int left, int top, int w, int h, int width, int height, Func<int, int, bool> isDark)
    {
        if (w < 4 || h < 4) return false;
        int from = top + h - h / 6, to = Math.Min(height - 1, top + h + h / 2);
        for (int y = Math.Max(0, from); y <= to; y++)
        {
            int best = 0, bestStart = 0;
            for (int x = Math.Max(0, left - w / 4), run = 0, start = 0; x < Math.Min(width, left + w + w / 4); x++)
            {
                if (isDark(x, y)) { if (run++ == 0) start = x; if (run > best) { best = run; bestStart = start; } }
                else run = 0;
            }
            if (best < w * 0.6) continue;
            // follow the run past the window: a bar ends near the glyph's edges
            int end = bestStart + best;
            while (end < width && isDark(end, y)) end++;
            int begin = bestStart;
            while (begin > 0 && isDark(begin - 1, y)) begin--;
            if (end - begin <= w * 1.6) return true;
        }
        return false;
    }

    private static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
