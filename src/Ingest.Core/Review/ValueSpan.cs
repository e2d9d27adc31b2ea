using System.Text.RegularExpressions;
using Ingest.Core.Stages.Extract;

namespace Ingest.Core.Review;

/// <summary>Where a target's value stands in its source line, to mark it for a reviewer of a DOCX or text document.</summary>
public static partial class ValueSpan
{
    /// <summary>The first number of the line that reads as the value (with a % after it), or null when none does.</summary>
    public static (int Start, int Length)? Find(string line, double? value)
    {
        if (value is not { } wanted) return null;
        foreach (Match m in Number().Matches(line))
            if (NumberParser.TryParse(m.Groups[1].Value, out var v) && Math.Abs(v - wanted) < 1e-9)
                return (m.Index, m.Length);
        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(" + NumberParser.Pattern + @")(?:\s?%)?")]
    private static partial Regex Number();
}
