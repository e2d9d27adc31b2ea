namespace Ingest.Adapters.Tesseract;

/// <summary>
/// Which image clean-ups run before recognition. Each one was measured on the sample scans
/// (bench/ocr.sh); the defaults keep only those that helped.
/// </summary>
public sealed record PreprocessOptions(bool Deskew, bool NormalizeBackground, bool Upsample, bool EraseRules)
{
    /// <summary>Below this resolution a page is scaled up to <see cref="TargetDpi"/>.</summary>
    public const int MinDpi = 200;
    public const int TargetDpi = 300;

    public static readonly PreprocessOptions Default = new(Deskew: true, NormalizeBackground: false, Upsample: true, EraseRules: false);
    public static readonly PreprocessOptions None = new(false, false, false, false);

    /// <summary>Parses a comma list such as "deskew,upsample" (or "none").</summary>
    public static PreprocessOptions Parse(string list)
    {
        var items = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).ToHashSet();
        var unknown = items.Except(["deskew", "background", "upsample", "rules", "none"]).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown preprocessing step '{unknown[0]}' (known: deskew, background, upsample, rules, none)");
        return new(items.Contains("deskew"), items.Contains("background"), items.Contains("upsample"), items.Contains("rules"));
    }

    public override string ToString()
    {
        var on = new List<string>();
        if (Deskew) on.Add("deskew");
        if (NormalizeBackground) on.Add("background");
        if (Upsample) on.Add("upsample");
        if (EraseRules) on.Add("rules");
        return on.Count == 0 ? "none" : string.Join(",", on);
    }
}
