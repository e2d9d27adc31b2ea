namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Which image clean-ups may run before recognition. Each is decided page by page from a
/// measurement of the page (see <see cref="PageImagePreparer"/>): background normalisation only
/// where the paper's brightness varies, flattening only a page photographed against a darker
/// surround, speckle removal only on bilevel images, thickening only bilevel images whose ink is
/// full of pinholes, upsampling only under <see cref="MinGreyDpi"/> (<see cref="MinBilevelDpi"/> when bilevel), dewarping only a page whose text
/// lines bow. Each one was measured on the
/// degraded samples (bench/ocr-robust.sh).
/// </summary>
public sealed record PreprocessOptions(bool Deskew, bool NormalizeBackground, bool Upsample, bool EraseRules, bool Despeckle = false, bool Thicken = false, bool Flatten = false, bool Dewarp = false)
{
    /// <summary>
    /// A grey or colour page under this resolution is read scaled up to <see cref="TargetDpi"/>: at
    /// 150 dpi table cells and figures are lost (bench b150, dev 0.929 read at 225 dpi, 0.969 at
    /// 300). At 200 dpi a grey page reads as well as scaled to 300 (bench a200: samples 1.000 against
    /// 0.991, dev 0.978 against 0.980) in three quarters of the time: the recogniser brings every
    /// line to one height, so scaling up first only gives layout analysis more pixels to walk.
    /// </summary>
    public const int MinGreyDpi = 200;
    /// <summary>
    /// A bilevel page (a fax) under this resolution is read scaled up to <see cref="TargetDpi"/>: its
    /// strokes are staircases with no grey edge, and read at 200 dpi a fax loses tone marks and
    /// decimal commas that the interpolated, re-thresholded page keeps (bench f_fax: dev 0.767 at 200,
    /// 0.845 at 300). A 300 dpi scan placed on its page a little off (296 dpi) is left.
    /// </summary>
    public const int MinBilevelDpi = 280;
    public const int TargetDpi = 300;

    /// <summary>The resolution a page of this resolution is read at: its own, or <see cref="TargetDpi"/> under the minimum for its kind.</summary>
    public static int ReadingDpi(int dpi, bool bilevel) => dpi < (bilevel ? MinBilevelDpi : MinGreyDpi) ? TargetDpi : dpi;

    public static readonly PreprocessOptions Default = new(Deskew: true, NormalizeBackground: true, Upsample: true, EraseRules: false, Despeckle: true, Thicken: true, Flatten: true, Dewarp: true);
    public static readonly PreprocessOptions None = new(false, false, false, false, false, false, false, false);

    private static readonly string[] Known = ["flatten", "deskew", "dewarp", "background", "upsample", "rules", "despeckle", "thicken", "none"];

    /// <summary>Parses a comma list such as "deskew,upsample" (or "none").</summary>
    public static PreprocessOptions Parse(string list)
    {
        var items = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        var unknown = items.Except(Known).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown preprocessing step '{unknown[0]}' (known: {string.Join(", ", Known)})");
        return new(items.Contains("deskew"), items.Contains("background"), items.Contains("upsample"), items.Contains("rules"), items.Contains("despeckle"), items.Contains("thicken"), items.Contains("flatten"), items.Contains("dewarp"));
    }

    public override string ToString()
    {
        var on = new List<string>();
        if (Flatten) on.Add("flatten");
        if (Deskew) on.Add("deskew");
        if (Dewarp) on.Add("dewarp");
        if (NormalizeBackground) on.Add("background");
        if (Upsample) on.Add("upsample");
        if (EraseRules) on.Add("rules");
        if (Despeckle) on.Add("despeckle");
        if (Thicken) on.Add("thicken");
        return on.Count == 0 ? "none" : string.Join(",", on);
    }
}
