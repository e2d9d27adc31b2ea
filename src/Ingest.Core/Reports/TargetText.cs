using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Contract;

namespace Ingest.Core.Reports;

/// <summary>
/// A target as a plan writes it, for a cell a person reads: "≥ 90%", "80–90%", "≤ 20",
/// "> 95% (đối với cơ sở giáo dục phổ thông)". A plain value ("đạt 90%") has no sign.
/// </summary>
public static class TargetText
{
    /// <summary>
    /// The target's comparator, value or range, its unit when it is "%" or not the catalogue's own
    /// (which the row already names), and its qualifier in brackets.
    /// </summary>
    public static string Of(ContractTarget t, CatalogueEntry? entry)
    {
        var value = t.ValueMax is { } max && max != t.Value ? $"{Number(t.Value)}–{Number(max)}" : Number(t.Value);
        var text = Sign(t.Comparator) + value + Unit(t.Unit, entry);
        return string.IsNullOrWhiteSpace(t.Qualifier) ? text : $"{text} ({t.Qualifier.Trim()})";
    }

    private static string Sign(string comparator) => comparator switch
    {
        ">=" => "≥ ",
        "<=" => "≤ ",
        ">" => "> ",
        "<" => "< ",
        "~" => "≈ ",
        _ => "", // "=" and "range": the value or the range says it
    };

    private static string Unit(string unit, CatalogueEntry? entry) =>
        unit == "%" ? "%"
        : string.IsNullOrWhiteSpace(unit) || unit == entry?.Unit || (unit == "rank" && entry?.IsRank == true) ? ""
        : " " + unit;

    private static string Number(double? v) => v?.ToString("#,0.####", CultureInfo.InvariantCulture) ?? "?";
}
