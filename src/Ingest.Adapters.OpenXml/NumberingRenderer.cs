using DocumentFormat.OpenXml.Wordprocessing;

namespace Ingest.Adapters.OpenXml;

/// <summary>
/// Renders Word list numbering as the reader sees it ("2.1.", "a)", "-"), keeping one counter per
/// list and level, so that numbered headings survive into the text.
/// </summary>
internal sealed class NumberingRenderer(Numbering? numbering)
{
    private readonly Dictionary<(int Num, int Level), int> _counters = new();

    public string? Label(Paragraph p)
    {
        var numPr = p.ParagraphProperties?.NumberingProperties;
        if (numbering == null || numPr?.NumberingId?.Val?.Value is not int numId || numId == 0) return null;
        int ilvl = numPr.NumberingLevelReference?.Val?.Value ?? 0;
        var num = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var absId = num?.AbstractNumId?.Val?.Value;
        var abs = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == absId);
        if (abs == null) return null;
        var levels = abs.Elements<Level>().ToDictionary(l => l.LevelIndex?.Value ?? 0);
        if (!levels.TryGetValue(ilvl, out var level)) return null;

        foreach (var key in _counters.Keys.Where(k => k.Num == numId && k.Level > ilvl).ToList()) _counters.Remove(key);
        int start = level.StartNumberingValue?.Val?.Value ?? 1;
        _counters[(numId, ilvl)] = _counters.TryGetValue((numId, ilvl), out var c) ? c + 1 : start;

        var format = level.NumberingFormat?.Val?.Value;
        var text = level.LevelText?.Val?.Value ?? "";
        if (format == NumberFormatValues.Bullet) return "-";
        for (int l = 0; l <= ilvl; l++)
        {
            int value = _counters.TryGetValue((numId, l), out var v) ? v : levels.TryGetValue(l, out var lv) ? lv.StartNumberingValue?.Val?.Value ?? 1 : 1;
            var f = levels.TryGetValue(l, out var lvl) ? lvl.NumberingFormat?.Val?.Value : null;
            text = text.Replace($"%{l + 1}", Render(value, f));
        }
        return text.Trim();
    }

    private static string Render(int value, NumberFormatValues? f)
    {
        if (f == NumberFormatValues.LowerLetter) return ((char)('a' + (value - 1) % 26)).ToString();
        if (f == NumberFormatValues.UpperLetter) return ((char)('A' + (value - 1) % 26)).ToString();
        if (f == NumberFormatValues.UpperRoman) return Roman(value);
        if (f == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
        if (f == NumberFormatValues.DecimalZero) return value.ToString("00");
        return value.ToString();
    }

    private static string Roman(int n)
    {
        var map = new[] { (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") };
        var s = "";
        foreach (var (v, r) in map)
            while (n >= v) { s += r; n -= v; }
        return s;
    }
}
