using Ingest.Core.Stages.Load;

namespace Ingest.Core.Batch;

/// <summary>A document to process and the name its JSON gets in the output folder.</summary>
public sealed record BatchInput(string Path, string OutputName);

/// <summary>
/// Turns the command-line inputs into documents: files as given, folders walked recursively for the
/// formats the pipeline reads and the filter takes (symbolic-link loops are not followed twice).
/// Output names mirror the input: a file found in a folder keeps its path below the folder given
/// ("in/xa-a/ke-hoach.pdf" → "xa-a/ke-hoach.json"); with several folders given, each folder's name
/// leads its files' ("a/xa-a/ke-hoach.json"); a file given by name keeps its name. Where two inputs
/// would still share a name, the extension stays in it ("plan.pdf.json", "plan.docx.json"), and a
/// number as a last resort ("plan~2.json"). No output overwrites another.
/// </summary>
public static class InputExpander
{
    private sealed record Found(string Path, string Relative, string Root);

    public static IReadOnlyList<BatchInput> Expand(IEnumerable<string> inputs, ICollection<(string Path, string Reason)> problems, FileFilter? filter = null)
    {
        filter ??= FileFilter.All;
        var files = new List<Found>();
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input)) files.Add(new Found(input, Path.GetFileName(input), ""));
            else if (Directory.Exists(input)) Walk(input, input, filter, files, seenDirs, problems);
            else problems.Add((input, "no such file or folder"));
        }
        var distinct = files.DistinctBy(f => f.Path, StringComparer.Ordinal).ToList();
        // with several folders given, each one's files go under its name
        bool several = distinct.Select(f => f.Root).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).Count() > 1;
        string Dir(Found f) => Join(several && f.Root.Length > 0 ? RootLabel(f) : null, Path.GetDirectoryName(f.Relative) ?? "");
        string Bare(Found f) => Join(Dir(f), StemOf(f.Relative));
        var bare = distinct.Select(Bare).ToList();
        var shared = bare.GroupBy(b => b, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var names = distinct.Select((f, i) => shared.Contains(bare[i]) ? Join(Dir(f), Path.GetFileName(f.Relative)) : bare[i]).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<BatchInput>();
        for (int i = 0; i < distinct.Count; i++)
        {
            var name = names[i];
            for (int k = 2; !taken.Add(name); k++) name = $"{names[i]}~{k}";
            result.Add(new BatchInput(distinct[i].Path, name + ".json"));
        }
        return result;
    }

    private static string Join(string? dir, string name) =>
        string.IsNullOrEmpty(dir) ? name : string.IsNullOrEmpty(name) ? dir.Replace('\\', '/') : dir.Replace('\\', '/') + "/" + name;

    private static string RootLabel(Found f)
    {
        var root = f.Root.Length > 0 ? f.Root : Path.GetDirectoryName(Path.GetFullPath(f.Path)) ?? "";
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)));
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

    private static void Walk(string root, string dir, FileFilter filter, List<Found> files, HashSet<string> seen, ICollection<(string, string)> problems)
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
            else if (DocumentLoader.KnownExtensions.Contains(Path.GetExtension(e).ToLowerInvariant()) && filter.Takes(Path.GetRelativePath(root, e)))
                files.Add(new Found(e, Path.GetRelativePath(root, e), root));
        }
    }
}
