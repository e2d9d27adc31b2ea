namespace Ingest.Core.Stages.Extract;

public enum UnitClass { Percent, Rank, Count }

/// <summary>
/// A quantity found in text: its span (including comparator words), the number span, the value
/// (null when unreadable), the range maximum, unit and comparator.
/// </summary>
public sealed record ValueMention(
    int Start, int End, int NumberStart,
    double? Value, double? Max, UnitClass UnitClass, string Unit, string Comparator,
    Model.ValueEvidence Evidence)
{
    /// <summary>The level a rise starts from ("tăng từ 04 sản phẩm (năm 2025) lên 08"): what is, not what is aimed at.</summary>
    public bool StartsARise { get; init; }

    /// <summary>
    /// A change in a rate counted in its points ("vượt 6,4 điểm phần trăm"): no value of its own, but
    /// found all the same, so that the figure before it keeps its clause ("… (chỉ tiêu giao 70%), vượt …").
    /// </summary>
    public bool IsChange { get; init; }

    /// <summary>A multiple of a level ("tăng gấp 2 lần"): its unit counts nothing, so the words after it name no indicator.</summary>
    public bool IsMultiple { get; init; }
}
