using System.Text;
using System.Text.RegularExpressions;

namespace Ingest.Core.Batch;

/// <summary>
/// A shell-style pattern for --include/--exclude: `*` matches within one folder name, `**` across
/// folders, `?` one character. A pattern without '/' is matched against the file name alone, one
/// with '/' against the path below the folder given on the command line.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;
    private readonly bool _wholePath;

    public Glob(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) throw new ArgumentException("an empty glob pattern");
        Pattern = pattern;
        // a name typed in NFC must match one a file system stored in NFD ("kế-hoạch" either way)
        pattern = pattern.Normalize(NormalizationForm.FormC);
        _wholePath = pattern.Contains('/');
        var re = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                bool slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                re.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') re.Append("[^/]*");
            else if (c == '?') re.Append("[^/]");
            else re.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(re.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }

    public string Pattern { get; }

    /// <summary>Whether the file at this path (relative to the walked folder, '/'-separated) matches.</summary>
    public bool Matches(string relativePath)
    {
        var p = relativePath.Replace('\\', '/').Normalize(NormalizationForm.FormC);
        return _regex.IsMatch(_wholePath ? p : p[(p.LastIndexOf('/') + 1)..]);
    }
}

/// <summary>Which walked files a batch takes: any include pattern (all when none) and no exclude pattern.</summary>
public sealed record FileFilter(IReadOnlyList<Glob> Include, IReadOnlyList<Glob> Exclude)
{
    public static readonly FileFilter All = new([], []);

    public bool Takes(string relativePath) =>
        (Include.Count == 0 || Include.Any(g => g.Matches(relativePath))) && !Exclude.Any(g => g.Matches(relativePath));
}
