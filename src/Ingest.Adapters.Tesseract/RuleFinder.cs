namespace Ingest.Adapters.Tesseract;

/// <summary>A horizontal printed line in image pixels.</summary>
internal sealed record PixelRule(int Y, int X0, int X1);

/// <summary>A vertical printed line in image pixels.</summary>
internal sealed record PixelColumnRule(int X, int Y0, int Y1);

/// <summary>The printed lines of a page image: row borders and column borders.</summary>
internal sealed record PageRules(IReadOnlyList<PixelRule> Horizontal, IReadOnlyList<PixelColumnRule> Vertical)
{
    public static readonly PageRules None = new([], []);
}

/// <summary>
/// Finds the ruling lines of tables on a grey page image by morphology (an opening with a long thin
/// brick keeps only long strokes, which letters are not), and optionally paints them out so the
/// engine reads the cell text without the borders' noise.
/// </summary>
internal static class RuleFinder
{
    /// <summary>A stroke this long (in inches) is a rule, never a letter.</summary>
    private const double MinRuleInches = 0.5;
    private const int DarkThreshold = 128;
    private const int MaxRuleThicknessPx = 20;
    /// <summary>How much darker than the paper around it a thin stroke must be to count.</summary>
    private const int MinRuleContrast = 24;
    /// <summary>Wider than a rule with its scanned blur (in inches), so the paper beside it is in the window.</summary>
    private const double ContrastWindowInches = 0.05;
    private const int ChooseMin = 1;

    /// <summary>
    /// The rules of a page image. <paramref name="unevenLight"/>, when given, is the same page before
    /// its background was made even (a flattened photo's): row borders too pale for the usual test
    /// are looked for on it (see <see cref="FaintRowBorders"/>).
    /// </summary>
    /// <param name="bridgeBreaks">
    /// Also find rules broken into dashes (see <see cref="Broken"/>): for a page that came bilevel,
    /// where a fixed threshold and drop-outs break thin rules. A grey scan's rules are whole enough
    /// to be found as they are, and bridging there found pieces of pale borders that split a
    /// header cell (a200 dev 0.962 -> 0.949).
    /// </param>
    public static PageRules Find(Pix gray, int dpi, bool erase, bool bridgeBreaks = false, Pix? unevenLight = null)
    {
        int min = MinRuleLength(dpi);
        using var binary = Dark(gray, dpi);
        if (binary == null) return PageRules.None;
        using var horizontal = Pix.Own(TesseractNative.pixOpenCompBrick(IntPtr.Zero, binary.Raw, min, 1));
        if (horizontal == null) return PageRules.None;
        var ink = bridgeBreaks ? InkBits.Of(binary) : null;
        var rules = Merge([.. Strokes(horizontal, min, across: true), .. (bridgeBreaks ? Broken(binary, ink!, dpi, min, across: true) : [])]);
        using var vertical = Pix.Own(TesseractNative.pixOpenCompBrick(IntPtr.Zero, binary.Raw, 1, min));
        // a column border is a rule turned on its side: the same merge, with x and y swapped
        var columns = Merge([.. (vertical == null ? [] : Strokes(vertical, min, across: false)), .. (bridgeBreaks ? Broken(binary, ink!, dpi, min, across: false) : [])])
            .Select(r => new PixelColumnRule(r.Y, r.X0, r.X1)).ToList();
        if (erase)
        {
            if (vertical != null)
            {
                using var both = Pix.Own(TesseractNative.pixOr(IntPtr.Zero, horizontal.Raw, vertical.Raw));
                // the grey edge of a scanned line is wider than its dark core
                using var mask = both == null ? null : Pix.Own(TesseractNative.pixDilateBrick(IntPtr.Zero, both.Raw, 3, 3));
                if (mask != null) TesseractNative.pixPaintThroughMask(gray.Raw, mask.Raw, 0, 0, 255);
            }
        }
        if (unevenLight != null)
            rules = Merge([.. rules, .. FaintRowBorders(unevenLight, dpi, columns)]);
        return new PageRules(rules, columns);
    }

    /// <summary>The shortest stroke taken for a rule, in pixels (<see cref="MinRuleInches"/>, never under 30).</summary>
    private static int MinRuleLength(int dpi) => Math.Max(30, (int)(MinRuleInches * dpi));

    /// <summary>The odd side of the square a stroke's contrast with the paper around it is measured in (<see cref="ContrastWindowInches"/>).</summary>
    private static int ContrastWindow(int dpi) => Math.Max(3, (int)(ContrastWindowInches * dpi)) | 1;

    /// <summary>
    /// The strokes of an opened image at least <paramref name="min"/> long and no thicker than a rule,
    /// as rules (a column border's with x and y swapped).
    /// </summary>
    private static IEnumerable<PixelRule> Strokes(Pix opened, int min, bool across) => opened.ComponentBoxes()
        .Where(b => across ? b.W >= min && b.H <= MaxRuleThicknessPx : b.H >= min && b.W <= MaxRuleThicknessPx)
        .Select(b => across ? new PixelRule(b.Y + b.H / 2, b.X, b.X + b.W) : new PixelRule(b.X + b.W / 2, b.Y, b.Y + b.H));

    /// <summary>How much darker (grey levels) than the paper around it a faint border is, averaged along <see cref="FaintAverageInches"/> of it.</summary>
    private const int FaintContrast = 8;
    private const double FaintAverageInches = 0.17, MinFaintRuleInches = 2.0, FaintDriftInches = 0.015, CrossingInches = 0.1;

    /// <summary>
    /// A phone photo prints a table's thin row borders at a tenth of the paper's brightness, under
    /// its noise and, once a dim corner is made even, under noise made as strong. On the page as
    /// lit, averaged along each row over <see cref="FaintAverageInches"/>, noise fades and a straight
    /// border keeps its contrast; but so does the band of tone marks over a line of text. A row
    /// border is told from it by what it is: at least <see cref="MinFaintRuleInches"/> long, and
    /// running on through at least two column borders, which text in a cell stops short of.
    /// </summary>
    private static IEnumerable<PixelRule> FaintRowBorders(Pix unevenLight, int dpi, IReadOnlyList<PixelColumnRule> columns)
    {
        if (columns.Count < 2) return [];
        int half = Math.Max(2, (int)(FaintAverageInches * dpi / 2)), window = ContrastWindow(dpi);
        int drift = Math.Max(3, (int)(FaintDriftInches * dpi)) | 1, min = MinRuleLength(dpi);
        using var averaged = Pix.FromGrey(unevenLight.ToGrey().MeanAlongRows(half), dpi);
        using var tophat = GreyMorphology.BlackTophat(averaged, window);
        using var inverted = Pix.Own(TesseractNative.pixInvert(IntPtr.Zero, tophat.Raw));
        using var faint = inverted == null ? null : Threshold.Darker(inverted, 256 - FaintContrast);
        // where the border is palest its darkest row wanders by a pixel or two: thickened, one row holds it whole
        using var thick = faint == null ? null : Pix.Own(TesseractNative.pixDilateBrick(IntPtr.Zero, faint.Raw, 1, drift));
        using var opened = thick == null ? null : Pix.Own(TesseractNative.pixOpenCompBrick(IntPtr.Zero, thick.Raw, min, 1));
        if (opened == null) return [];
        int length = (int)(MinFaintRuleInches * dpi), past = (int)(CrossingInches * dpi);
        return Merge(Strokes(opened, min, across: true).ToList()).Where(r => r.X1 - r.X0 >= length
            && columns.Count(c => c.X > r.X0 + past && c.X < r.X1 - past && r.Y >= c.Y0 - past && r.Y <= c.Y1 + past) >= 2).ToList();
    }

    /// <summary>
    /// The page's dark pixels: those under a fixed threshold, and those clearly darker than the
    /// paper a few pixels around them. A light or faded scan prints its thin borders in pale grey
    /// (190 on paper of 230), which no fixed threshold separates from the paper without also
    /// catching a shaded margin; a black top-hat measures each pixel against its own
    /// neighbourhood, so a thin border, across or down, stands out and gradual shading does not.
    /// </summary>
    private static Pix? Dark(Pix gray, int dpi)
    {
        var fixedDark = Threshold.Darker(gray, DarkThreshold);
        // measured on the page halved, each pixel the darkest of its four, so a rule one pixel thin
        // keeps its darkness: the top-hat at full size was a tenth of a page's time, and costs a quarter of that
        using var half = Pix.Own(TesseractNative.pixScaleGrayMinMax(gray.Raw, 2, 2, ChooseMin));
        int window = ContrastWindow(dpi / 2);
        using var tophat = half == null ? null : GreyMorphology.BlackTophat(half, window);
        using var inverted = tophat == null ? null : Pix.Own(TesseractNative.pixInvert(IntPtr.Zero, tophat.Raw));
        using var contrastHalf = inverted == null ? null : Threshold.Darker(inverted, 256 - MinRuleContrast);
        using var contrast = contrastHalf == null ? null : Pix.Own(TesseractNative.pixExpandReplicate(contrastHalf.Raw, 2));
        if (contrast == null) return fixedDark;
        var both = Pix.Own(TesseractNative.pixOr(IntPtr.Zero, fixedDark.Raw, contrast.Raw));
        if (both == null) return fixedDark;
        fixedDark.Dispose();
        return both;
    }

    /// <summary>The longest break in a broken rule that is bridged (inches): a fax's drop-outs leave breaks up to 0.13".</summary>
    private const double MaxBreakInches = 0.15;
    /// <summary>
    /// A broken rule is at least this much ink along its length, and at most <see cref="MaxLongBreakShare"/>
    /// of it lies in breaks longer than <see cref="LongBreakInches"/>. Measured on a fax's pages: its
    /// rules are 82–100% ink with 0–6% in long breaks; the stems of letters set one above another
    /// in lines of text, bridged from line to line, are 50–60% ink with 25–90% in long breaks.
    /// </summary>
    private const double MinBrokenCoverage = 0.7;
    private const double MaxLongBreakShare = 0.15;
    private const double LongBreakInches = 0.05;
    /// <summary>How thick a broken rule may be (inches): a thick rule keeps its ink under any threshold and is found whole.</summary>
    private const double MaxBrokenThicknessInches = 0.04;
    /// <summary>At most this share of a broken rule's ink may run on across it further than a rule is thick: letters' stems do, a rule's ink does not.</summary>
    private const double MaxCrossingShare = 0.25;

    /// <summary>
    /// Rules printed thin and broken into dashes, as a fax's fixed threshold and its drop-outs
    /// leave them (73% ink along the rule, breaks up to 0.13"), which no stretch of unbroken ink
    /// long enough for a rule survives. The ink is thickened across the rule (so a rule stepping
    /// by a pixel stays one), its breaks are bridged along it, and what is then long and thin is
    /// a rule when the page's own ink along it is dense and does not run on across it: a line of
    /// text, bridged, is as tall as its letters, and its letters' stems cross the band.
    /// Returns rules as <see cref="PixelRule"/>s, turned on their side when not <paramref name="across"/>.
    /// </summary>
    private static IEnumerable<PixelRule> Broken(Pix binary, InkBits ink, int dpi, int min, bool across)
    {
        int gap = Math.Max(3, (int)Math.Round(MaxBreakInches * dpi));
        int thick = Math.Max(3, (int)Math.Round(MaxBrokenThicknessInches * dpi));
        int longBreak = (int)Math.Round(LongBreakInches * dpi);
        using var band = Pix.Own(across ? TesseractNative.pixDilateBrick(IntPtr.Zero, binary.Raw, 1, 3) : TesseractNative.pixDilateBrick(IntPtr.Zero, binary.Raw, 3, 1));
        // composite, as the openings here: at 300 dpi the gap (45 = 9 × 5) factors exactly, the same
        // closing in a third of the time; elsewhere leptonica's nearest composite size, a pixel or two off
        using var bridged = band == null ? null : Pix.Own(across ? TesseractNative.pixCloseCompBrick(IntPtr.Zero, band.Raw, gap, 1) : TesseractNative.pixCloseCompBrick(IntPtr.Zero, band.Raw, 1, gap));
        using var opened = bridged == null ? null : Pix.Own(across ? TesseractNative.pixOpenCompBrick(IntPtr.Zero, bridged.Raw, min, 1) : TesseractNative.pixOpenCompBrick(IntPtr.Zero, bridged.Raw, 1, min));
        if (opened == null) return [];
        var found = new List<PixelRule>();
        foreach (var b in opened.ComponentBoxes())
        {
            // along and across the rule, whichever way it runs
            var (from, length, top, height) = across ? (b.X, b.W, b.Y, b.H) : (b.Y, b.H, b.X, b.W);
            if (length < min || height > thick + 2) continue;
            int inked = 0, crossing = 0, longGaps = 0, run = 0;
            for (int a = from; a < from + length; a++)
            {
                int c0 = -1, c1 = -1;
                for (int c = top; c < top + height; c++)
                    if (ink.Dark(across ? a : c, across ? c : a)) { if (c0 < 0) c0 = c; c1 = c; }
                if (c0 < 0) { run++; continue; }
                if (run > longBreak) longGaps += run;
                run = 0;
                inked++;
                while (c0 > 0 && ink.Dark(across ? a : c0 - 1, across ? c0 - 1 : a)) c0--;
                while (c1 + 1 < (across ? ink.Height : ink.Width) && ink.Dark(across ? a : c1 + 1, across ? c1 + 1 : a)) c1++;
                if (c1 - c0 + 1 > thick) crossing++;
            }
            if (inked < MinBrokenCoverage * length || longGaps > MaxLongBreakShare * length || crossing > MaxCrossingShare * inked) continue;
            found.Add(new PixelRule(top + height / 2, from, from + length));
        }
        return found;
    }

    // a rule broken by scanning noise, or where a column's border crosses it, is still one rule;
    // taken left to right, each piece meets the end of the rule it continues
    private static IReadOnlyList<PixelRule> Merge(IEnumerable<PixelRule> rules)
    {
        var merged = new List<PixelRule>();
        foreach (var r in rules.OrderBy(r => r.X0).ThenBy(r => r.Y))
        {
            int i = merged.FindIndex(m => Math.Abs(m.Y - r.Y) <= 6 && r.X0 <= m.X1 + 40 && r.X1 >= m.X0 - 40);
            if (i < 0) merged.Add(r);
            else merged[i] = new PixelRule((merged[i].Y + r.Y) / 2, Math.Min(merged[i].X0, r.X0), Math.Max(merged[i].X1, r.X1));
        }
        return merged;
    }
}

/// <summary>A bilevel image's pixels copied out once, for reading many of them.</summary>
internal sealed class InkBits
{
    private readonly int[] _words;
    private readonly int _wpl;
    public int Width { get; }
    public int Height { get; }

    private InkBits(int[] words, int wpl, int width, int height) => (_words, _wpl, Width, Height) = (words, wpl, width, height);

    public static InkBits Of(Pix bilevel)
    {
        int wpl = TesseractNative.pixGetWpl(bilevel.Raw), h = bilevel.Height;
        var words = new int[wpl * h];
        System.Runtime.InteropServices.Marshal.Copy(TesseractNative.pixGetData(bilevel.Raw), words, 0, words.Length);
        return new InkBits(words, wpl, bilevel.Width, h);
    }

    // leptonica keeps 1-bit pixels most significant bit first in 32-bit words
    public bool Dark(int x, int y) => x >= 0 && y >= 0 && x < Width && y < Height && ((uint)_words[y * _wpl + (x >> 5)] >> (31 - (x & 31)) & 1) != 0;

    /// <summary>
    /// The ink pixels, and the paper pixels with ink on all four sides (off the image is paper),
    /// counted 32 pixels at a time: a pixel's neighbours across are its word shifted a bit either
    /// way, with the next word's first pixel or the last word's last shifted in.
    /// </summary>
    public (long Ink, long Holes) InkAndPinholes()
    {
        long ink = 0, holes = 0;
        int words = (Width + 31) / 32;
        uint lastWord = Width % 32 == 0 ? uint.MaxValue : ~(uint.MaxValue >> (Width % 32));
        for (int y = 0; y < Height; y++)
        {
            int row = y * _wpl;
            for (int i = 0; i < words; i++)
            {
                uint inImage = i == words - 1 ? lastWord : uint.MaxValue;
                uint here = (uint)_words[row + i] & inImage;
                ink += System.Numerics.BitOperations.PopCount(here);
                if (y == 0 || y == Height - 1) continue;
                uint left = (here >> 1) | (i > 0 ? (uint)_words[row + i - 1] << 31 : 0);
                uint right = (here << 1) | (i < words - 1 ? ((uint)_words[row + i + 1] & (i + 1 == words - 1 ? lastWord : uint.MaxValue)) >> 31 : 0);
                uint above = (uint)_words[row - _wpl + i], below = (uint)_words[row + _wpl + i];
                holes += System.Numerics.BitOperations.PopCount(~here & inImage & left & right & above & below);
            }
        }
        return (ink, holes);
    }
}
