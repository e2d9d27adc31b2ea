using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;

namespace Ingest.Core.Tests.Support;

/// <summary>Lines of words as a reader lays them out, for the layout tests: each word 5 pt a letter, 3 pt apart.</summary>
public static class LayoutLines
{
    /// <summary>A line at <paramref name="y"/>, 10 pt tall, of cells given by their left edge and text.</summary>
    public static LayoutLine Line(double y, params (double X, string Text)[] cells) => Line(y, 10, cells);

    public static LayoutLine Line(double y, double height, params (double X, string Text)[] cells)
    {
        var words = new List<LayoutWord>();
        foreach (var (x0, text) in cells)
        {
            double x = x0;
            foreach (var w in text.Split(' '))
            {
                words.Add(new LayoutWord(w, new BBox(x, y, x + w.Length * 5, y + height)));
                x += w.Length * 5 + 3;
            }
        }
        return new LayoutLine(words, words.Skip(1).Aggregate(words[0].Box, (b, w) => b.Union(w.Box)));
    }
}
