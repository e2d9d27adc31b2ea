using Ingest.Core.Stages.Load;

namespace Ingest.Core.Batch;

/// <summary>A document to process and the name its JSON gets in the output folder.</summary>
public sealed record BatchInput(string Path, string OutputName);

/// <summary>
/// Turns the command-line inputs into documents: files as given, folders walked recursively for the
/// formats the pipeline reads and the filter takes (symbolic-link loops are not followed twice). Each document's JSON is
/// named after its stem; when two inputs share a stem, both keep their extension in the name
/// ("plan.pdf.json", "plan.docx.json") rather than one overwriting the other.
/// </summary>
public static class InputExpander
{
    public static IReadOnlyList<BatchInput> Expand(IEnumerable<string> inputs, ICollection<(string Path, string Reason)> problems, FileFilter? filter = null)
    {
        filter ??= FileFilter.All;
        var files = new List<string>();
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(input);
            else if (Directory.Exists(input)) Walk(input, input, filter, files, seenDirs, problems);
            else problems.Add((input, "no such file or folder"));
        }
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        var byStem = distinct.GroupBy(StemOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return distinct
            .Select(f => new BatchInput(f, byStem[StemOf(f)] > 1 ? Path.GetFileName(f) + ".json" : StemOf(f) + ".json"))
            .ToList();
    }

    public static string StemOf(string path) => Path.GetFileNameWithoutExtension(path);

    /// <summary>
    /// The path with every symbolic link along it resolved (what realpath(3) gives), so that a
    /// folder reached through a link to one of its ancestors is known as the one already walked.
    /// </summary>
    private static string Canonical(string path, int depth = 0)
    {
        if (depth > 40) throw new IOException("too many levels of symbolic links");
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        foreach (var part in full[current.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            // a link's target may itself pass through links: resolve it the same way (Combine keeps an absolute target)
            current = new DirectoryInfo(next).LinkTarget is { } target ? Canonical(Path.Combine(current, target), depth + 1) : next;
        }
        return current;
    }

    private static void Walk(string root, string dir, FileFilter filter, List<string> files, HashSet<string> seen, ICollection<(string, string)> problems)
    {
        string real;
        try { real = Canonical(dir); }
        catch (IOException e) { problems.Add((dir, $"cannot resolve link: {e.Message}")); return; }
        if (!seen.Add(real)) { problems.Add((dir, "folder already visited (symbolic-link loop), skipped")); return; }
        IEnumerable<string> entries;
        try { entries = Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { problems.Add((dir, $"cannot list folder: {e.Message}")); return; }
        foreach (var e in entries)
        {
            if (Directory.Exists(e)) Walk(root, e, filter, files, seen, problems);
            else if (DocumentLoader.KnownExtensions.Contains(Path.GetExtension(e).ToLowerInvariant()) && filter.Takes(Path.GetRelativePath(root, e))) files.Add(e);
        }
    }
}
