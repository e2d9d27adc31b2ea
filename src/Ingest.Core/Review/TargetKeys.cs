using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ingest.Core.Model;

namespace Ingest.Core.Review;

/// <summary>
/// Gives each target of a document a short key made of where it stands and what it is about
/// (page, line, indicator, deadline, kind, qualifier), not of its value: a reviewer's correction
/// of the value must still find the target when the pipeline reads the value differently next
/// time. Targets alike in all of that are told apart by their order.
/// </summary>
public static class TargetKeys
{
    public static IReadOnlyList<Target> Assign(IReadOnlyList<Target> targets)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyed = new List<Target>(targets.Count);
        foreach (var t in targets)
        {
            var c = t.Candidate;
            var basis = string.Create(CultureInfo.InvariantCulture,
                $"{c.Source.Page}|{c.Source.Line}|{c.Indicator}|{c.Year}|{c.Annual}|{c.Kind}|{c.Qualifier}");
            int n = seen.TryGetValue(basis, out var k) ? k : 0;
            seen[basis] = n + 1;
            keyed.Add(t with { Key = Of(basis + "|" + n) });
        }
        return keyed;
    }

    private static string Of(string basis) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..12];
}
