using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Adapters.Poppler;

/// <summary>Parses the XHTML of `pdftotext -bbox-layout` into pages, lines and words.</summary>
public static partial class BBoxLayoutParser
{
    [GeneratedRegex(@"<page width=""(?<w>[\d.]+)"" height=""(?<h>[\d.]+)"">(?<body>.*?)</page>", RegexOptions.Singleline)]
    private static partial Regex Page();

    [GeneratedRegex(@"<line xMin=""(?<x0>[\d.\-]+)"" yMin=""(?<y0>[\d.\-]+)"" xMax=""(?<x1>[\d.\-]+)"" yMax=""(?<y1>[\d.\-]+)"">(?<body>.*?)</line>", RegexOptions.Singleline)]
    private static partial Regex Line();

    [GeneratedRegex(@"<word xMin=""(?<x0>[\d.\-]+)"" yMin=""(?<y0>[\d.\-]+)"" xMax=""(?<x1>[\d.\-]+)"" yMax=""(?<y1>[\d.\-]+)"">(?<t>.*?)</word>", RegexOptions.Singleline)]
    private static partial Regex Word();

    public static IReadOnlyList<LayoutPage> Parse(string xhtml)
    {
        var pages = new List<LayoutPage>();
        foreach (Match pm in Page().Matches(xhtml))
        {
            var lines = new List<LayoutLine>();
            foreach (Match lm in Line().Matches(pm.Groups["body"].Value))
            {
                var words = Word().Matches(lm.Groups["body"].Value)
                    .Select(wm => new LayoutWord(WebUtility.HtmlDecode(wm.Groups["t"].Value), Box(wm)))
                    .Where(w => w.Text.Length > 0)
                    .ToList();
                if (words.Count > 0) lines.Add(new LayoutLine(words, Box(lm)));
            }
            pages.Add(new LayoutPage(pages.Count + 1, D(pm.Groups["w"].Value), D(pm.Groups["h"].Value), lines));
        }
        return pages;
    }

    private static BBox Box(Match m) => new(D(m.Groups["x0"].Value), D(m.Groups["y0"].Value), D(m.Groups["x1"].Value), D(m.Groups["y1"].Value));

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
