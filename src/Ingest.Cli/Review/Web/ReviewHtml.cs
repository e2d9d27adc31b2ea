using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;
using Ingest.Core.Review;
using Ingest.Core.Store;

namespace Ingest.Cli.Review.Web;

/// <summary>The lines around a target in a DOCX or text document, and which of them is the target's.</summary>
public sealed record SourceLines(IReadOnlyList<(int Line, string Text)> Lines, int Current);

/// <summary>Everything the target panel shows about one target.</summary>
public sealed record TargetView(
    string Path, string Sha256, ContractTarget Target, string? SectionTitle, Crop? Crop, SourceLines? Around,
    IReadOnlyList<DecisionRecord> History);

/// <summary>
/// The target panel of the reviewer's page as an HTML fragment. Every text in it comes from a
/// document or a reviewer and is HTML-encoded here, in one place: indicator text is whatever the
/// plan's author (or OCR) wrote, "&lt;script&gt;" included.
/// </summary>
public sealed class ReviewHtml(IndicatorCatalogue catalogue)
{
    // every script's letters as they are (Vietnamese stays readable in the source); markup characters encoded
    private static readonly HtmlEncoder Enc = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string E(string? s) => s == null ? "" : Enc.Encode(s);

    /// <summary>A number as the plans write it: decimal comma, no grouping.</summary>
    public static string Number(double? v) => v?.ToString("0.####", Vi) ?? "";

    public string Target(TargetView v)
    {
        var t = v.Target;
        var b = new StringBuilder();
        b.Append($"<article class=\"target\" data-sha=\"{E(v.Sha256)}\" data-key=\"{E(t.Key)}\">");
        b.Append($"<header><h2 class=\"indicator\">{E(t.Indicator)}</h2><p class=\"where\">{E(v.Path)} · page {t.Page} · line {t.Line}</p></header>");
        b.Append("<section class=\"source\">");
        if (v.Crop is { } c)
        {
            b.Append($"<div class=\"crop\" data-area-width=\"{c.Area.Width}\">");
            b.Append($"<img class=\"page-crop\" alt=\"page {t.Page} around line {t.Line}\" src=\"/api/crop?sha={Url(v.Sha256)}&amp;key={Url(t.Key)}\">");
            if (c.Value is { } val) b.Append(Box("value-box", val));
            else b.Append(Box("line-box", c.Line));
            b.Append("</div>");
        }
        else if (v.Around is { } around)
        {
            b.Append("<pre class=\"context\">");
            foreach (var (n, text) in around.Lines)
            {
                b.Append(n == around.Current ? "<span class=\"current\">" : "<span>");
                b.Append(n == around.Current ? Marked(text, t.Value) : E(text));
                b.Append("</span>\n");
            }
            b.Append("</pre>");
        }
        b.Append($"<p class=\"read\"><b>As read</b> {(v.Crop == null && v.Around == null ? Marked(t.SourceText, t.Value) : E(t.SourceText))}</p>");
        if (t.Repaired != null) b.Append($"<p class=\"repaired\"><b>Repaired</b> {E(t.Repaired)}</p>");
        b.Append("</section>");

        var label = t.Code == null ? null : catalogue.Find(t.Code)?.Label;
        b.Append("<table class=\"tuple\">");
        Row(b, "Indicator", t.Indicator);
        Row(b, "Value", t.ValueMax is { } max ? $"{Number(t.Value)} – {Number(max)}" : Number(t.Value));
        Row(b, "Comparator", t.Comparator);
        Row(b, "Unit", t.Unit);
        Row(b, "Deadline", t.Annual ? "annual" + (t.Year is { } y ? $" (to {y})" : "") : t.Year?.ToString(CultureInfo.InvariantCulture) ?? "none");
        Row(b, "Kind", t.Kind);
        Row(b, "Catalogue", t.Code == null ? "UNLISTED" : $"{t.Code} — {label}");
        Row(b, "Confidence", t.Confidence.ToString("0.00", CultureInfo.InvariantCulture) + (t.NeedsReview ? " (needs review)" : ""));
        Row(b, "Section", v.SectionTitle is { } title ? $"{t.Section} {title}".Trim() : t.Section);
        if (t.YearCue != null) Row(b, "Why this year", t.YearCue);
        if (t.KindCue != null) Row(b, "Why this kind", t.KindCue);
        if (t.Qualifier != null) Row(b, "Qualifier", t.Qualifier);
        Row(b, "Decision", t.Review ?? "none yet");
        b.Append("</table>");

        CorrectForm(b, t);
        if (v.History.Count > 0)
        {
            b.Append("<ol class=\"history\">");
            foreach (var h in v.History)
                b.Append($"<li>{E(h.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} {E(h.Reviewer)}: " +
                         $"{E(h.Decision is { } d ? d.Verdict.ToString().ToLowerInvariant() + Corrections(d) : $"undid #{h.Withdraws}")}" +
                         $"{(h.Withdrawn ? " (undone)" : "")}</li>");
            b.Append("</ol>");
        }
        b.Append("</article>");
        return b.ToString();
    }

    private void CorrectForm(StringBuilder b, ContractTarget t)
    {
        b.Append("<form class=\"correct\" hidden autocomplete=\"off\">");
        Field(b, "value", "Value", Number(t.Value));
        Field(b, "valueMax", "Value max", Number(t.ValueMax));
        Choice(b, "comparator", "Comparator", CorrectionRules.Comparators, t.Comparator);
        Field(b, "unit", "Unit", t.Unit);
        Field(b, "year", "Year", t.Annual ? "annual" : t.Year?.ToString(CultureInfo.InvariantCulture) ?? "-");
        Choice(b, "kind", "Kind", CorrectionRules.Kinds, t.Kind);
        Field(b, "code", "Code", t.Code ?? "UNLISTED", "codes");
        b.Append("<datalist id=\"codes\"><option value=\"UNLISTED\">none of the catalogue</option>");
        foreach (var e in catalogue.Entries) b.Append($"<option value=\"{E(e.Code)}\">{E(e.Label)}</option>");
        b.Append("</datalist>");
        b.Append("<p class=\"err\" data-for=\"form\"></p><p class=\"err\" data-for=\"verdict\"></p>");
        b.Append("<button type=\"submit\">Save correction (Enter)</button> <button type=\"button\" class=\"cancel\">Cancel (Esc)</button>");
        b.Append("</form>");
    }

    private static void Field(StringBuilder b, string name, string label, string value, string? list = null) =>
        b.Append($"<label>{label} <input name=\"{name}\" value=\"{E(value)}\"{(list != null ? $" list=\"{list}\"" : "")}></label>" +
                 $"<span class=\"err\" data-for=\"{name}\"></span>");

    private static void Choice(StringBuilder b, string name, string label, IReadOnlyList<string> options, string current)
    {
        b.Append($"<label>{label} <select name=\"{name}\">");
        foreach (var o in options) b.Append($"<option{(o == current ? " selected" : "")}>{E(o)}</option>");
        b.Append($"</select></label><span class=\"err\" data-for=\"{name}\"></span>");
    }

    private static void Row(StringBuilder b, string name, string? value) => b.Append($"<tr><th>{name}</th><td>{E(value)}</td></tr>");

    private static string Box(string cls, PixelRect r) =>
        $"<div class=\"{cls}\" data-x=\"{r.X}\" data-y=\"{r.Y}\" data-w=\"{r.Width}\" data-h=\"{r.Height}\"></div>";

    /// <summary>The line with the value's number in a mark, all of it encoded.</summary>
    public static string Marked(string line, double? value) =>
        ValueSpan.Find(line, value) is { } s
            ? E(line[..s.Start]) + "<mark>" + E(line.Substring(s.Start, s.Length)) + "</mark>" + E(line[(s.Start + s.Length)..])
            : E(line);

    private static string Corrections(ReviewDecision d) =>
        d.Corrections.Count == 0 ? "" : " " + string.Join(", ", d.Corrections.Select(c => $"{c.Key} {c.Value switch
        {
            null => "-",
            double x => Number(x),
            _ => Convert.ToString(c.Value, CultureInfo.InvariantCulture),
        }}"));

    private static string Url(string s) => Uri.EscapeDataString(s);
}
