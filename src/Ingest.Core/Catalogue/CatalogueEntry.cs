namespace Ingest.Core.Catalogue;

/// <summary>One canonical indicator: its code, group, unit, label and the other ways plans phrase it.</summary>
public sealed record CatalogueEntry(string Code, string Group, string Unit, string Label, IReadOnlyList<string> Aliases)
{
    public bool IsPercent => Unit == "%";
    public bool IsRank => Unit is "thứ bậc" or "rank";
}
