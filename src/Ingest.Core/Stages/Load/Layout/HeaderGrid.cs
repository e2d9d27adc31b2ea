using Ingest.Core.Model;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>A run of a header line's words that belongs to one header cell.</summary>
public sealed record HeaderSegment(IReadOnlyList<LayoutWord> Words, int LineNumber)
{
    public string Text { get; } = string.Join(" ", Words.Select(w => w.Text));
    public BBox Box { get; } = Words.Skip(1).Aggregate(Words[0].Box, (b, w) => b.Union(w.Box));
}

/// <summary>One column of a header: the segments of its own cell, top to bottom.</summary>
public sealed record HeaderColumn(IReadOnlyList<HeaderSegment> Segments)
{
    public BBox Box { get; } = Segments.Skip(1).Aggregate(Segments[0].Box, (b, s) => b.Union(s.Box));
}

/// <summary>An upper header cell over the columns <see cref="First"/>..<see cref="Last"/> ("Lộ trình thực hiện" over the years).</summary>
public sealed record HeaderSpan(int First, int Last, IReadOnlyList<HeaderSegment> Segments)
{
    public int Count => Last - First + 1;
}

/// <summary>
/// The columns of a table header and the cells spanning several of them, from the header's text
/// alone. A column is fixed by the last line of its cell (nothing of the header lies below it),
/// so a cell wrapped over several lines stays one cell and each year under a group heading is
/// its own column. A segment reaching over two columns is an upper cell; it spans the columns
/// it covers and the neighbouring ones that, like them, start below it: cells are vertically
/// centred, so a column under the group sits lower than the header's centre, while a column
/// whose one cell fills the header's height ("Ghi chú") is centred on it.
/// </summary>
public sealed record HeaderGrid(IReadOnlyList<HeaderColumn> Columns, IReadOnlyList<HeaderSpan> Spans)
{
    private const double AlignTolerance = 4.0;

    /// <summary>The grid of <paramref name="segments"/>, whose cells are centred on <paramref name="centre"/> (y).</summary>
    public static HeaderGrid Of(IReadOnlyList<HeaderSegment> segments, double centre)
    {
        segments = Unmerged(segments);
        var columns = Bottoms(segments, centre);
        var members = columns.Select(c => c.ToList()).ToList();
        var spanning = new List<HeaderSegment>();
        foreach (var s in segments.Where(s => !columns.Any(c => c.Contains(s))))
        {
            var hit = Enumerable.Range(0, columns.Count).Where(k => XOverlap(s.Box, Union(columns[k])) > 0).ToList();
            if (hit.Count >= 2 && Named(s))
            {
                if (RunTogether(s, hit.Select(k => Union(columns[k])).ToList(), segments) is { } pieces)
                    for (int i = 0; i < hit.Count; i++) members[hit[i]].Add(pieces[i]);
                else spanning.Add(s);
            }
            else members[hit.Count == 1 ? hit[0] : Nearest(columns, s.Box.CenterX)].Add(s);
        }
        var spans = new List<(List<HeaderSegment> Segments, int First, int Last)>();
        // top first: where a heading stands over other headings, the lower ones keep their columns
        foreach (var group in Stacks(spanning).OrderBy(g => g.Min(s => s.Box.CenterY)))
        {
            var covered = Enumerable.Range(0, columns.Count).Where(k => group.Any(s => XOverlap(s.Box, Union(columns[k])) > 0)).ToList();
            spans.Add((group, covered.Min(), covered.Max()));
        }
        // a group heading wrapped onto a line narrower than one column: the line lies in the
        // upper half of the header, right against the heading and centred under (or over) it
        foreach (var span in spans)
            for (bool grew = true; grew;)
            {
                grew = false;
                var box = Union(span.Segments);
                for (int k = span.First; k <= span.Last; k++)
                    foreach (var s in members[k].Where(s => !columns[k].Contains(s) && s.Box.CenterY < centre
                                 && Math.Abs(s.Box.CenterX - box.CenterX) <= AlignTolerance && VerticalGap(s.Box, box) <= s.Box.Height / 2).ToList())
                    {
                        members[k].Remove(s);
                        span.Segments.Add(s);
                        grew = true;
                    }
            }
        var cols = members.Select(m => new HeaderColumn(ReadingOrder(m))).ToList();
        var owner = new int[cols.Count];
        Array.Fill(owner, -1);
        for (int i = 0; i < spans.Count; i++)
            for (int k = spans[i].First; k <= spans[i].Last; k++) owner[k] = i;
        // the columns beside a group that sit under it too: lower than the header's centre, and
        // reachable from the group over such columns only; each goes to the nearest group
        for (int k = 0; k < cols.Count; k++)
        {
            if (owner[k] >= 0 || !Under(cols[k].Box, centre)) continue;
            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int i = 0; i < spans.Count; i++)
            {
                var (first, last) = (spans[i].First, spans[i].Last);
                int from = Math.Min(k, first), to = Math.Max(k, last);
                var box = Union(spans[i].Segments);
                bool reachable = Enumerable.Range(from, to - from + 1).All(j => j >= first && j <= last || Under(cols[j].Box, centre) && cols[j].Box.Y0 >= box.CenterY);
                double distance = Math.Abs(cols[k].Box.CenterX - box.CenterX);
                if (reachable && distance < bestDistance) { best = i; bestDistance = distance; }
            }
            if (best >= 0) owner[k] = best;
        }
        var result = new List<HeaderSpan>();
        for (int i = 0; i < spans.Count; i++)
        {
            var mine = Enumerable.Range(0, cols.Count).Where(k => owner[k] == i).ToList();
            if (mine.Count == 0) continue;
            result.Add(new HeaderSpan(mine.Min(), mine.Max(), ReadingOrder(spans[i].Segments)));
        }
        return new HeaderGrid(cols, result.OrderBy(s => s.First).ToList());
    }

    /// <summary>The span whose first column is <paramref name="column"/>, if any.</summary>
    public HeaderSpan? SpanStartingAt(int column) => Spans.FirstOrDefault(s => s.First == column);

    public bool IsUnderSpan(int column) => Spans.Any(s => column >= s.First && column <= s.Last);

    // a cell under a group is centred in the lower part of the header
    private static bool Under(BBox column, double centre) => column.CenterY > centre + AlignTolerance;

    /// <summary>
    /// The segments nothing lies below, merged where they share x: one per column, left to right.
    /// A cell's last line reaches the header's centre, so a line above it that goes on from the
    /// line over it is the end of a wrapped group heading ("Lộ trình thực / hiện"), not a column.
    /// </summary>
    private static List<List<HeaderSegment>> Bottoms(IReadOnlyList<HeaderSegment> segments, double centre)
    {
        var bottoms = segments
            .Where(s => Named(s) && !Below(s, segments).Any()
                && !(s.Box.CenterY < centre - AlignTolerance && segments.Any(t => Named(t) && XOverlap(s.Box, t.Box) > 0 && s.Box.CenterY > t.Box.Y1)))
            .OrderBy(s => s.Box.X0).ToList();
        var columns = new List<List<HeaderSegment>>();
        foreach (var s in bottoms)
            if (columns.Count > 0 && s.Box.X0 < columns[^1].Max(t => t.Box.X1)) columns[^1].Add(s);
            else columns.Add([s]);
        return columns;
    }

    /// <summary>
    /// A last line lying under two separate cells is two cells' last lines run together (OCR reads
    /// a border between them as a stray mark, and "30/9/2025 ' hoạch (%)" comes as one line): its
    /// words go to the cell above them. A lower cell never reaches under two upper ones.
    /// </summary>
    private static List<HeaderSegment> Unmerged(IReadOnlyList<HeaderSegment> segments)
    {
        var result = new List<HeaderSegment>();
        foreach (var s in segments)
        {
            var above = new List<BBox>();
            var over = segments.Where(t => Named(t) && XOverlap(s.Box, t.Box) > 0 && s.Box.CenterY > t.Box.Y1).ToList();
            foreach (var t in over.Where(t => !over.Any(u => XOverlap(t.Box, u.Box) > 0 && u.Box.CenterY > t.Box.Y1)).OrderBy(t => t.Box.X0))
                if (above.Count > 0 && t.Box.X0 < above[^1].X1) above[^1] = above[^1].Union(t.Box);
                else above.Add(t.Box);
            // every cell above must have a word of the line right under it, or a speck of noise
            // over one word would cut a cell in two
            if (!Named(s) || Below(s, segments).Any() || above.Count < 2
                || !above.All(a => s.Words.Any(w => w.Box.CenterX >= a.X0 && w.Box.CenterX <= a.X1)))
            {
                result.Add(s);
                continue;
            }
            result.AddRange(s.Words
                .GroupBy(w => Enumerable.Range(0, above.Count).MinBy(k => Math.Max(0, Math.Max(above[k].X0 - w.Box.CenterX, w.Box.CenterX - above[k].X1))))
                .OrderBy(g => g.Key)
                .Select(g => new HeaderSegment(g.ToList(), s.LineNumber)));
        }
        return result;
    }

    /// <summary>
    /// A line over two or more columns is a group heading unless every cell under it goes on in
    /// lower case ("Thực hiện | đến 30/9/2025", "Tỷ lệ so | với kế hoạch"): then it is the first
    /// lines of those cells run together, as OCR joins them when the border between them is lost,
    /// and its words go to the columns they stand over (null when one would get none).
    /// </summary>
    private static List<HeaderSegment>? RunTogether(HeaderSegment s, List<BBox> columns, IReadOnlyList<HeaderSegment> segments)
    {
        foreach (var column in columns)
        {
            var next = segments
                .Where(t => t.Box.Y0 >= s.Box.CenterY && XOverlap(t.Box, column) > 0 && XOverlap(t.Box, s.Box) > 0 && t.Text.Count(char.IsLetterOrDigit) >= 2)
                .MinBy(t => t.Box.Y0);
            if (next?.Text.FirstOrDefault(char.IsLetterOrDigit) is not { } first || !char.IsLower(first)) return null;
        }
        var pieces = s.Words
            .GroupBy(w => Enumerable.Range(0, columns.Count).MinBy(k => Math.Abs(columns[k].CenterX - w.Box.CenterX)))
            .ToDictionary(g => g.Key, g => g.ToList());
        if (pieces.Count < columns.Count || pieces.Values.Any(p => !p.Any(w => w.Text.Any(char.IsLetterOrDigit)))) return null;
        return Enumerable.Range(0, columns.Count).Select(k => new HeaderSegment(pieces[k], s.LineNumber)).ToList();
    }

    private static IEnumerable<HeaderSegment> Below(HeaderSegment s, IReadOnlyList<HeaderSegment> segments) =>
        segments.Where(t => !ReferenceEquals(t, s) && Named(t) && XOverlap(s.Box, t.Box) > 0 && t.Box.CenterY > s.Box.Y1);

    // a cell names something; a lone mark is a border OCR read as text
    private static bool Named(HeaderSegment s) => s.Text.Any(char.IsLetterOrDigit);

    /// <summary>Spanning segments grouped into cells: lines of one heading stacked on each other.</summary>
    private static List<List<HeaderSegment>> Stacks(List<HeaderSegment> spanning)
    {
        var groups = new List<List<HeaderSegment>>();
        foreach (var s in spanning.OrderBy(s => s.Box.CenterY))
        {
            var g = groups.FirstOrDefault(g => g.Any(t => XOverlap(s.Box, t.Box) > 0 && VerticalGap(s.Box, t.Box) <= s.Box.Height / 2));
            if (g != null) g.Add(s);
            else groups.Add([s]);
        }
        return groups;
    }

    /// <summary>Top to bottom, and left to right within one line of text.</summary>
    private static List<HeaderSegment> ReadingOrder(IEnumerable<HeaderSegment> segments)
    {
        var lines = new List<List<HeaderSegment>>();
        foreach (var s in segments.OrderBy(s => s.Box.CenterY))
            if (lines.Count > 0 && s.Box.CenterY - lines[^1][0].Box.CenterY < s.Box.Height / 2) lines[^1].Add(s);
            else lines.Add([s]);
        return lines.SelectMany(l => l.OrderBy(s => s.Box.X0)).ToList();
    }

    private static int Nearest(List<List<HeaderSegment>> columns, double x) =>
        Enumerable.Range(0, columns.Count).MinBy(k => Math.Abs(Union(columns[k]).CenterX - x));

    private static BBox Union(IEnumerable<HeaderSegment> segments) => segments.Select(s => s.Box).Aggregate((a, b) => a.Union(b));

    private static double XOverlap(BBox a, BBox b) => Math.Min(a.X1, b.X1) - Math.Max(a.X0, b.X0);

    private static double VerticalGap(BBox a, BBox b) => Math.Max(a.Y0, b.Y0) - Math.Min(a.Y1, b.Y1);
}
