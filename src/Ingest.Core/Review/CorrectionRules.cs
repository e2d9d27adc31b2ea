using System.Globalization;
using Ingest.Core.Catalogue;
using Ingest.Core.Stages.Extract;

namespace Ingest.Core.Review;

/// <summary>
/// How a corrected field is read, whoever typed it: a cell of the review workbook or a field of the
/// reviewer's page. One set of rules, so that a value refused in one is refused in the other for the
/// same reason. Each field is parsed into the correction it makes, or the reason it is refused.
/// </summary>
public sealed class CorrectionRules(IndicatorCatalogue catalogue)
{
    public static readonly IReadOnlyList<string> Comparators = ["=", ">=", ">", "<=", "<", "~", "range"];

    public static readonly IReadOnlyList<string> Kinds = ["target", "baseline"];

    /// <summary>The fields a reviewer may correct, in the order they are checked: the workbook's Corrected … columns and the page's form.</summary>
    public static readonly IReadOnlyList<string> Fields = ["value", "valueMax", "unit", "comparator", "year", "kind", "code"];

    private static readonly HashSet<string> Clearable = ["valueMax", "year", "code"];

    /// <summary>
    /// Reads one corrected field as typed. Empty text corrects nothing. '-' clears a field that may be
    /// empty (year, value max, code). Returns the reason it is refused, or null with the correction added.
    /// </summary>
    public string? Read(string field, string? typed, IDictionary<string, object?> into)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        if (text == "-")
        {
            if (!Clearable.Contains(field)) return $"{field} cannot be cleared ('-')";
            into[field] = null;
            if (field == "year") into["annual"] = false;
            return null;
        }
        switch (field)
        {
            case "value" or "valueMax":
                // read as the plans write numbers (88,69; 24.530; 1.5), by the same rules as extraction
                if (!NumberParser.TryParse(text.Replace(" ", "").TrimEnd('%'), out var v)) return "is not a number";
                into[field] = v;
                return null;
            case "unit":
                into[field] = text;
                return null;
            case "comparator":
                var c = text.Replace("≥", ">=").Replace("≤", "<=");
                if (!Comparators.Contains(c)) return $"is not one of {string.Join(" ", Comparators)}";
                into[field] = c;
                return null;
            case "year":
                if (text.Equals("annual", StringComparison.OrdinalIgnoreCase))
                {
                    (into["year"], into["annual"]) = (null, true);
                    return null;
                }
                if (!int.TryParse(text.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1990 or > 2100
                    || text.Split('.') is not ([_] or [_, "0"]))
                    return "is not a year between 1990 and 2100 ('-' for none, 'annual' for every year)";
                (into["year"], into["annual"]) = (y, false);
                return null;
            case "kind":
                var k = text.ToLowerInvariant();
                if (!Kinds.Contains(k)) return $"is not one of {string.Join(", ", Kinds)}";
                into[field] = k;
                return null;
            case "code":
                if (text.Equals("UNLISTED", StringComparison.OrdinalIgnoreCase)) { into[field] = null; return null; }
                if (catalogue.Find(text) == null) return "is not a catalogue code (or UNLISTED)";
                into[field] = text;
                return null;
            default:
                return $"{field} is not a field a reviewer corrects";
        }
    }

    /// <summary>The range as it will stand (corrected bounds, else the ones read) must not run backwards.</summary>
    public static string? RangeError(IReadOnlyDictionary<string, object?> corrections, double? value, double? valueMax)
    {
        var low = corrections.TryGetValue("value", out var cv) ? cv as double? : value;
        var high = corrections.TryGetValue("valueMax", out var cm) ? cm as double? : valueMax;
        return low is { } lo && high is { } hi && lo > hi
            ? $"value {lo.ToString(CultureInfo.InvariantCulture)} is above value max {hi.ToString(CultureInfo.InvariantCulture)}"
            : null;
    }

    /// <summary>A number as a plan writes it, for the workbook's "Value" cell read back.</summary>
    public static double? Number(string? text) =>
        text != null && NumberParser.TryParse(text.Replace(" ", "").TrimEnd('%'), out var v) ? v : null;
}
