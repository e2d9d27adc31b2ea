using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Core.Stages.Extract;

/// <summary>
/// Vietnamese number notation: comma decimals ("88,69"), dot thousands ("24.530"), and the dot
/// decimals that some plans use ("1.5"); a dot followed by exactly three digits is a thousands mark.
/// </summary>
public static partial class NumberParser
{
    public const string Pattern = @"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?";

    [GeneratedRegex("^(" + Pattern + ")$")]
    private static partial Regex Whole();

    public static bool TryParse(string s, out double value)
    {
        value = 0;
        s = s.Trim();
        if (!Whole().IsMatch(s)) return false;
        string norm;
        if (Regex.IsMatch(s, @"^\d{1,3}(\.\d{3})+(,\d+)?$")) norm = s.Replace(".", "").Replace(',', '.');
        else norm = s.Replace(',', '.');
        return double.TryParse(norm, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"00", "000": a number whose digits were lost, not a real zero.</summary>
    public static bool IsLostDigits(string s) => s.Length >= 2 && s.All(c => c == '0');
}
