using Ingest.Core.Stages.Load;

namespace Ingest.Core.Batch;

/// <summary>A document to process and the name its JSON gets in the output folder.</summary>
/// <param name="Path">the file, or for page images read as one document the name it is known by ("xa-a/plan-p01.jpg…plan-p03.jpg")</param>
public sealed record BatchInput(string Path, string OutputName)
{
    /// <summary>The files that make the document, in page order: the file at <see cref="Path"/> alone, or page images.</summary>
    public IReadOnlyList<string> Files { get; init; } = [Path];

    /// <summary>What is wrong with the input as given, not with its reading: a page number missing from a set of page images.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Turns the command-line inputs into documents: files as given, folders walked recursively for the
/// formats the pipeline reads and the filter takes (symbolic-link loops are not followed twice).
/// Output names mirror the input: a file found in a folder keeps its path below the folder given
/// ("in/xa-a/ke-hoach.pdf" → "xa-a/ke-hoach.json"); with several folders given, each folder's name
/// leads its files' ("a/xa-a/ke-hoach.json"); a file given by name keeps its name. Where two inputs
/// would still share a name, the extension stays in it ("plan.pdf.json", "plan.docx.json"), and a
/// number as a last resort ("plan~2.json"). No output overwrites another. Photos of a plan's pages
/// are one document (<see cref="PageImages"/>): "plan-p01.jpg", "plan-p02.jpg" → "plan.json".
/// </summary>
/// <summary>How page images found among the inputs make documents.</summary>
public enum ImageGrouping
{
    /// <summary>Images named by one stem and a page number (plan-p01.jpg, plan-p02.jpg) are one document.</summary>
    PageSets,

    /// <summary>All images given by name are one document, and all images under each folder given one each (--as-document).</summary>
    OneDocument,

    /// <summary>Every image is a document of its own, whatever its name (--each-image: one-page plans named xa-1.jpg, xa-2.jpg).</summary>
    EachImage,
}

public static class InputExpander
{
    private sealed record Found(string Path, string Relative, string Root);

    /// <param name="images">how page images make documents: sets named by page number (the default), all as one, or each its own</param>
    public static IReadOnlyList<BatchInput> Expand(IEnumerable<string> inputs, ICollection<(string Path, string Reason)> problems, FileFilter? filter = null, ImageGrouping images = ImageGrouping.PageSets)
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
        var units = Units(files.DistinctBy(f => f.Path, StringComparer.Ordinal).ToList(), images);
        var distinct = units.Select(u => u.Name).ToList();
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
            result.Add(new BatchInput(distinct[i].Path, name + ".json") { Files = units[i].Files, Warnings = units[i].Warnings });
        }
        return result;
    }

    /// <summary>
    /// One document per file, but page images of one set as one document: its name is the set's
    /// (the common stem, or the folder's when the names are page numbers alone), its path says
    /// which files it is made of, and its files follow the page numbers.
    /// </summary>
    private static List<(Found Name, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings)> Units(List<Found> files, ImageGrouping images)
    {
        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var rootOf = files.ToDictionary(f => f.Path, f => f.Root, StringComparer.Ordinal);
        var sets = images switch
        {
            ImageGrouping.OneDocument => files.Where(f => PageImages.IsImage(f.Path)).GroupBy(f => f.Root, StringComparer.Ordinal)
                .Select(g => PageImages.AsOneDocument(g.Select(f => (f.Path, f.Relative)).ToList())).Where(s => s.Pages.Count > 1).ToList(),
            ImageGrouping.EachImage => [],
            _ => PageImages.Sets(files.Select(f => (f.Path, f.Relative)).ToList(), p => rootOf[p]),
        };
        var inSet = sets.SelectMany(s => s.Pages).ToHashSet(StringComparer.Ordinal);
        var units = new List<(Found, IReadOnlyList<string>, IReadOnlyList<string>)>();
        foreach (var f in files)
        {
            if (!inSet.Contains(f.Path)) units.Add((f, [f.Path], []));
            else if (sets.FirstOrDefault(s => s.Pages[0] == f.Path) is { } set)
            {
                var first = byPath[set.Pages[0]];
                var dir = Path.GetDirectoryName(first.Relative) ?? "";
                var stem = set.Stem.Length > 0 ? set.Stem : FolderName(first);
                var display = Path.Combine(Path.GetDirectoryName(set.Pages[0]) ?? "", $"{Path.GetFileName(set.Pages[0])}…{Path.GetFileName(set.Pages[^1])}");
                units.Add((new Found(display, Path.Combine(dir, stem + Path.GetExtension(first.Path)), first.Root), set.Pages, set.Warnings));
            }
        }
        return units;
    }

    private static string FolderName(Found f) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(Path.GetFullPath(f.Path)) ?? "")) is { Length: > 0 } n ? n : "document";

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
