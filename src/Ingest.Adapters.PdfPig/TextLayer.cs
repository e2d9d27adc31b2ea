using System.Text;
using Ingest.Core.Model;
using Ingest.Core.Stages.Load.Layout;
using UglyToad.PdfPig.Content;

namespace Ingest.Adapters.PdfPig;

/// <summary>
/// A page's text layer as positioned lines in reading order: PdfPig's words, set on rows by
/// their baselines, split into lines where a gap is wider than the type, a footnote reference
/// or exponent set small and raised written after its word in superscript digits ("90%¹", "m²"),
/// and the lines put in reading order (<see cref="ReadingOrder"/>); with the borders the page
/// draws (<see cref="PdfRules"/>).
/// </summary>
internal static class TextLayer
{
    // A word's box is its type's box, not its glyphs': the baseline less 0.95 of the size to 0.35
    // below it, as pdftotext draws it. Lines of one size are then equally tall whatever their
    // letters, which the layout rules (footnotes by size, header bands, table rows) rely on.
    private const double Ascent = 0.95;
    private const double Descent = 0.35;

    // words whose baselines differ by less than this share of the size sit on one row
    private const double RowTolerance = 0.2;

    // a gap wider than the type's size parts two lines of one row: table cells, "Số:" and the date
    private const double LineGap = 1.0;

    // a superscript is set at most this share of its line's size, raised by a share between these
    private const double SuperscriptSize = 0.8;
    private const double MinRise = 0.15;
    private const double MaxRise = 0.7;

    // words closer than this share of the size touch: "90%", a smaller "1", "." are one word
    private const double Touching = 0.1;

    private sealed class Word(string text, double x0, double x1, double baseline, double size)
    {
        public string Text { get; set; } = text;
        public double X0 { get; } = x0;
        public double X1 { get; set; } = x1;
        public double Baseline { get; set; } = baseline;
        public double Size { get; set; } = size;
        public bool Superscript { get; set; }
        public BBox Box => new(X0, Baseline - Ascent * Size, X1, Baseline + Descent * Size);
    }

    public static LayoutPage Read(Page page)
    {
        var words = new List<Word>();
        foreach (var w in page.GetWords())
        {
            var text = w.Text.Normalize(NormalizationForm.FormC);
            if (string.IsNullOrWhiteSpace(text) || w.Letters.Count == 0) continue;
            var first = w.Letters[0];
            double size = first.PointSize > 0 ? first.PointSize : w.BoundingBox.Height;
            words.Add(new Word(text, w.BoundingBox.Left, w.BoundingBox.Right, page.Height - first.StartBaseLine.Y, size));
        }
        var rows = AttachSuperscripts(Rows(words));
        var lines = rows.SelectMany(Lines).ToList();
        var (rowRules, columnRules) = PdfRules.Of(page);
        return new LayoutPage(page.Number, page.Width, page.Height, ReadingOrder.Of(lines), rowRules, columnRules);
    }

    /// <summary>Words grouped by baseline, top to bottom.</summary>
    private static List<List<Word>> Rows(List<Word> words)
    {
        var rows = new List<List<Word>>();
        foreach (var w in words.OrderBy(w => w.Baseline))
        {
            var row = rows.Count > 0 ? rows[^1] : null;
            if (row != null && w.Baseline - row[0].Baseline <= RowTolerance * Math.Max(w.Size, row[0].Size)) row.Add(w);
            else rows.Add([w]);
        }
        return rows;
    }

    /// <summary>
    /// Moves each small word set a little above a row of larger type onto that row, marked as a
    /// superscript, and boxed with the row's type, so that it neither makes a line of its own
    /// nor stretches its line's box.
    /// </summary>
    private static List<List<Word>> AttachSuperscripts(List<List<Word>> rows)
    {
        var kept = new List<List<Word>>();
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var stay = new List<Word>();
            foreach (var w in row)
            {
                var host = Host(rows, i, w);
                if (host == null) { stay.Add(w); continue; }
                w.Superscript = true;
                w.Baseline = host.Baseline;
                w.Size = host.Size;
                rows[RowIndexOf(rows, i, host)].Add(w);
            }
            row.Clear();
            row.AddRange(stay);
        }
        foreach (var row in rows)
            if (row.Count > 0) kept.Add(row);
        return kept;
    }

    private static int RowIndexOf(List<List<Word>> rows, int from, Word host)
    {
        for (int j = from + 1; j < rows.Count && j <= from + 3; j++)
            if (rows[j].Contains(host)) return j;
        throw new InvalidOperationException("superscript host row not found");
    }

    /// <summary>The word of a lower row, of larger type, beside which <paramref name="w"/> is raised.</summary>
    private static Word? Host(List<List<Word>> rows, int i, Word w)
    {
        for (int j = i + 1; j < rows.Count && j <= i + 3; j++)
            foreach (var h in rows[j])
            {
                if (h.Superscript || w.Size > SuperscriptSize * h.Size) continue;
                double rise = h.Baseline - w.Baseline;
                if (rise < MinRise * h.Size || rise > MaxRise * h.Size) continue;
                // just after the word it marks, or just before the first word of a footnote
                if (Math.Abs(w.X0 - h.X1) <= LineGap * h.Size / 2 || Math.Abs(h.X0 - w.X1) <= LineGap * h.Size / 2) return h;
            }
        return null;
    }

    /// <summary>A row's words left to right, split at wide gaps; words that touch are one word.</summary>
    private static IEnumerable<LayoutLine> Lines(List<Word> row)
    {
        var sorted = row.OrderBy(w => w.X0).ToList();
        var line = new List<Word>();
        foreach (var w in sorted)
        {
            if (line.Count > 0)
            {
                var last = line[^1];
                double gap = w.X0 - last.X1, size = Math.Max(w.Size, last.Size);
                if (gap > LineGap * size)
                {
                    yield return ToLine(line);
                    line = [];
                }
                // a marker before a footnote's text stays apart from it ("¹ Chỉ tiêu số 2")
                else if (gap <= Touching * size && !(last.Superscript && line.Count == 1))
                {
                    last.Text += w.Superscript ? Raised(w.Text) : w.Text;
                    last.X1 = Math.Max(last.X1, w.X1);
                    continue;
                }
            }
            if (w.Superscript) w.Text = Raised(w.Text);
            line.Add(w);
        }
        if (line.Count > 0) yield return ToLine(line);
    }

    private static LayoutLine ToLine(List<Word> words)
    {
        return LayoutLine.Of(words.Select(w => new LayoutWord(w.Text, w.Box)).ToList());
    }

    private const string SuperscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>
    /// A raised number in superscript digits, which no number pattern reads as digits, so that a
    /// footnote reference after "95" is not taken for "951"; other raised text stays as it is.
    /// </summary>
    internal static string Raised(string text) =>
        text.All(char.IsAsciiDigit) ? string.Concat(text.Select(c => SuperscriptDigits[c - '0'])) : text;
}
