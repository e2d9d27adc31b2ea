namespace Ingest.Core.Catalogue;

/// <summary>One canonical indicator: its code, group, unit, label and the other ways plans phrase it.</summary>
public sealed record CatalogueEntry(string Code, string Group, string Unit, string Label, IReadOnlyList<string> Aliases)
{
    public bool IsPercent => Unit == "%";
    public bool IsRank => Unit is "thứ bậc" or "rank";

    /// <summary>
    /// A count per person ("định danh/người"): "mỗi người dân có định danh số" and "100% người dân
    /// có định danh số" state the same target, so a percentage fits it as well as a count.
    /// </summary>
    public bool IsPerHead => Unit.Contains('/');

    /// <summary>What a count entry counts ("trung tâm" of "trung tâm", "định danh" of "định danh/người").</summary>
    public string CountedNoun => Unit.Split('/')[0].Trim();
}
