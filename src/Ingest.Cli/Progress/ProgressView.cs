using System.Globalization;
using Ingest.Core.Batch;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ingest.Cli.Progress;

/// <summary>
/// The live part of the progress display, drawn from one snapshot: a line for the batch (bar,
/// documents, pages, rate, time left) and a line for each document being read, with its pages.
/// </summary>
public sealed class ProgressView(ProgressSnapshot snapshot) : Renderable
{
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        ((IRenderable)new Markup(string.Join('\n', Lines(snapshot, maxWidth, options.Unicode)))).Render(options, maxWidth);

    /// <summary>The display's lines as markup, none wider than <paramref name="width"/>.</summary>
    private static IReadOnlyList<string> Lines(ProgressSnapshot s, int width, bool unicode)
    {
        width = Math.Max(20, width);
        string spinner = unicode ? "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" : @"-\|/";
        var spin = spinner[(int)(s.Elapsed.TotalMilliseconds / 100) % spinner.Length];
        int barWidth = Math.Clamp(width / 6, 8, 30);
        int filled = (int)Math.Round(s.Fraction * barWidth);
        char full = unicode ? '━' : '=', empty = unicode ? '━' : '-';
        var bar = $"[green]{new string(full, filled)}[/][grey]{new string(empty, barWidth - filled)}[/]";
        var head = $"{spin} {bar} ";
        int headWidth = 2 + barWidth + 1;
        var lines = new List<string> { head + Markup.Escape(Fit(Summary(s), width - headWidth)) };

        int nameWidth = Math.Min(s.InFlight.Count == 0 ? 0 : s.InFlight.Max(d => TextWidth(d.Path)), width * 2 / 3);
        foreach (var d in s.InFlight)
        {
            var state = Fit(DocumentState(d, s.At), width - 4 - Math.Min(nameWidth, 10));
            int room = Math.Min(nameWidth, width - 4 - TextWidth(state));
            var name = FitLeft(d.Path, room);
            lines.Add($"  {Markup.Escape(name)}{new string(' ', Math.Max(0, room - TextWidth(name)))}  [grey]{Markup.Escape(state)}[/]");
        }
        return lines;
    }

    private static string Summary(ProgressSnapshot s)
    {
        var parts = new List<string>
        {
            Invariant($"{s.DocumentsDone}/{s.Documents} docs"),
            s.PagesExpected is { } expected
                ? Invariant($"{s.PagesDone}/{(s.PagesEstimated ? "~" : "")}{expected} pages")
                : Invariant($"{s.PagesDone} pages"),
        };
        if (s.PagesPerSecond is { } rate) parts.Add(Invariant($"{rate:0.0#} pages/s"));
        if (s.TimeLeft is { } left) parts.Add($"{Clock(left)} left");
        else if (s.DocumentsDone < s.Documents) parts.Add("estimating time left");
        if (s.Failed > 0) parts.Add(Invariant($"{s.Failed} failed"));
        return Invariant($"{s.Fraction * 100,3:0}%  ") + string.Join(" · ", parts);
    }

    private static string DocumentState(DocumentInFlight d, TimeSpan now)
    {
        var took = Clock(now - d.Started);
        return d.PageCount switch
        {
            null => $"opening, {took}",
            { } n when d.PagesDone >= n => Invariant($"{n}/{n} pages, extracting, {took}"),
            { } n => Invariant($"{d.PagesDone}/{n} pages, {took}"),
        };
    }

    /// <summary>m:ss, or h:mm:ss from an hour on.</summary>
    private static string Clock(TimeSpan t)
    {
        if (t < TimeSpan.Zero) t = TimeSpan.Zero;
        return t.TotalHours >= 1 ? Invariant($"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}") : Invariant($"{(int)t.TotalMinutes}:{t.Seconds:00}");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static int TextWidth(string s) => new StringInfo(s).LengthInTextElements;

    /// <summary>The text cut at its end to fit.</summary>
    private static string Fit(string s, int width)
    {
        var info = new StringInfo(s);
        if (info.LengthInTextElements <= width) return s;
        return width <= 1 ? "" : info.SubstringByTextElements(0, width - 1) + "…";
    }

    /// <summary>A path cut at its start to fit: the file name is the part worth keeping.</summary>
    private static string FitLeft(string s, int width)
    {
        var info = new StringInfo(s);
        int n = info.LengthInTextElements;
        if (n <= width) return s;
        return width <= 1 ? "" : "…" + info.SubstringByTextElements(n - (width - 1));
    }
}
