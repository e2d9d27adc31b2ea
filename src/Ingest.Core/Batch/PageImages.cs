using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Core.Batch;

/// <summary>Page images read as one document: its stem ("" when the names are page numbers alone), files in page order, and what is amiss.</summary>
public sealed record PageImageSet(string Stem, IReadOnlyList<string> Pages, IReadOnlyList<string> Warnings);

/// <summary>
/// Photos or scans of a plan's pages, one image a page, sent as a set: "plan-p01.jpg",
/// "plan-p02.jpg" …, "plan_1.png", "page1.jpg", "01.jpg". Images of one folder whose names are one
/// stem and a page number (after a separator, or "p", "pg", "page") in one format are one set, read
/// in the order of the numbers (p2 before p10), so a heading on one page governs the values on the next.
/// </summary>
public static partial class PageImages
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    // a stem and its page number; the number needs a separator or a page word before it ("ct05" is a name, not page 5 of "ct")
    [GeneratedRegex(@"^(?:(?<base>.*?)[\s_\-.]+)?(?:(?:p|pg|page)[\s_\-.]?)?(?<n>\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex PageName();

    public static bool IsImage(string path) => ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The stem and page number of a page image's name, or null when it names no page.</summary>
    public static (string Stem, int Page)? Parse(string path)
    {
        if (!IsImage(path)) return null;
        var m = PageName().Match(Path.GetFileNameWithoutExtension(path));
        return m.Success ? (m.Groups["base"].Value, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)) : null;
    }

    // .jpg and .jpeg are one format; a set is never of two formats (a PNG beside JPEG pages is some other picture)
    private static string Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpeg" => ".jpg",
        ".tiff" => ".tif",
        var e => e,
    };

    /// <summary>The sets of two or more page images among <paramref name="files"/> (path and path below the folder given); <paramref name="rootOf"/> keeps the folders given apart.</summary>
    public static IReadOnlyList<PageImageSet> Sets(IReadOnlyList<(string Path, string Relative)> files, Func<string, string> rootOf)
    {
        var sets = new List<PageImageSet>();
        var pages = files.Select(f => (f.Path, Name: Parse(f.Path))).Where(f => f.Name != null).ToList();
        foreach (var g in pages.GroupBy(f => (Path.GetDirectoryName(Path.GetFullPath(f.Path)), rootOf(f.Path), f.Name!.Value.Stem.ToLowerInvariant(), Format(f.Path))))
        {
            if (g.Count() < 2) continue;
            var ordered = g.OrderBy(f => f.Name!.Value.Page).ThenBy(f => f.Path, NaturalOrder.Instance).ToList();
            sets.Add(new PageImageSet(ordered[0].Name!.Value.Stem, ordered.Select(f => f.Path).ToList(), Gaps(ordered.Select(f => (f.Path, f.Name!.Value.Page)).ToList())));
        }
        return sets;
    }

    /// <summary>All of <paramref name="files"/> as one document (--as-document), in natural order of their paths below the folder given.</summary>
    public static PageImageSet AsOneDocument(IReadOnlyList<(string Path, string Relative)> files)
    {
        var ordered = files.OrderBy(f => f.Relative, NaturalOrder.Instance).ToList();
        var names = ordered.Select(f => Parse(f.Path)).ToList();
        bool numbered = names.All(n => n != null) && names.Select(n => n!.Value.Stem.ToLowerInvariant()).Distinct().Count() == 1;
        if (numbered)
        {
            ordered = ordered.Zip(names).OrderBy(p => p.Second!.Value.Page).ThenBy(p => p.First.Relative, NaturalOrder.Instance).Select(p => p.First).ToList();
            return new PageImageSet(names[0]!.Value.Stem, ordered.Select(f => f.Path).ToList(), Gaps(ordered.Select(f => (f.Path, Parse(f.Path)!.Value.Page)).ToList()));
        }
        var stems = ordered.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToList();
        var common = stems.Aggregate((a, b) => a[..a.Zip(b).TakeWhile(p => char.ToLowerInvariant(p.First) == char.ToLowerInvariant(p.Second)).Count()]);
        return new PageImageSet(common.TrimEnd(" _-.0123456789".ToCharArray()), ordered.Select(f => f.Path).ToList(), []);
    }

    // a page the numbers skip is most likely a photo not sent: said, and the rest still read
    private static List<string> Gaps(IReadOnlyList<(string Path, int Page)> pages)
    {
        var numbers = pages.Select(p => p.Page).ToHashSet();
        var missing = Enumerable.Range(pages[0].Page, pages[^1].Page - pages[0].Page + 1).Where(n => !numbers.Contains(n)).ToList();
        if (missing.Count == 0) return [];
        var which = missing.Count == 1 ? $"page {missing[0]} is" : $"pages {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? " …" : "")} are";
        return [$"{which} missing from the page images ({Path.GetFileName(pages[0].Path)} … {Path.GetFileName(pages[^1].Path)})"];
    }
}

/// <summary>Names compared with their runs of digits as numbers: "p2" before "p10".</summary>
public sealed class NaturalOrder : IComparer<string>
{
    public static readonly NaturalOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x == null || y == null) return string.CompareOrdinal(x, y);
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i, sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i])) i++;
                while (j < y.Length && char.IsAsciiDigit(y[j])) j++;
                var a = x[si..i].TrimStart('0');
                var b = y[sj..j].TrimStart('0');
                int c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (c != 0) return c;
            }
            else
            {
                int c = string.CompareOrdinal(x[i].ToString(), y[j].ToString());
                if (c != 0) return c;
                i++; j++;
            }
        }
        int rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }
}
