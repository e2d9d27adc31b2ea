using System.Security.Cryptography;
using Ingest.Core.Model;
using Ingest.Core.Ports;

namespace Ingest.Core.Stages.Load;

/// <summary>
/// The Load stage: checks the file, hashes it, and hands it to the first reader that takes its
/// extension and magic bytes. A file that no reader takes fails with a one-line reason.
/// </summary>
public sealed class DocumentLoader(IReadOnlyList<IDocumentReader> readers, LoadOptions options)
{
    public static readonly IReadOnlyList<string> KnownExtensions =
        [".txt", ".pdf", ".docx", ".tif", ".tiff", ".png", ".jpg", ".jpeg"];

    public LoadedDocument Load(string path, CancellationToken ct = default) => Load(path, PagesRead.Ignored, ct);

    /// <summary>Loads the file, reporting its pages to <paramref name="pages"/> as they are read and once more when all are.</summary>
    public LoadedDocument Load(string path, IProgress<PagesRead> pages, CancellationToken ct)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new DocumentFailure("file not found");
        if (info.Length == 0) throw new DocumentFailure("empty file (0 bytes)");
        if (info.Length > options.MaxFileBytes)
            throw new DocumentFailure($"file too large ({info.Length / (1024 * 1024)} MiB > {options.MaxFileBytes / (1024 * 1024)} MiB limit)");
        var ext = info.Extension.ToLowerInvariant();
        Span<byte> head = stackalloc byte[16];
        string sha;
        using (var fs = File.OpenRead(path))
        {
            int n = fs.Read(head);
            head = head[..n];
            fs.Position = 0;
            sha = Convert.ToHexStringLower(SHA256.HashData(fs));
        }
        foreach (var r in readers)
            if (r.CanRead(ext, head))
            {
                var doc = r.Read(path, sha, pages, ct);
                options.CheckPages(doc.PageCount);
                pages.Report(new PagesRead(doc.PageCount, doc.PageCount));
                return doc;
            }
        throw new DocumentFailure(KnownExtensions.Contains(ext)
            ? $"content does not match its {ext} extension (or no reader for it is configured)"
            : $"unsupported file type '{ext}'");
    }

    /// <summary>
    /// Loads several files as the pages of one document (<paramref name="path"/> names it), each
    /// checked as a file of its own; one file is loaded as itself.
    /// </summary>
    public LoadedDocument Load(string path, IReadOnlyList<string> files, IProgress<PagesRead> pages, CancellationToken ct)
    {
        if (files.Count == 1) return Load(files[0], pages, ct);
        long total = 0;
        var heads = new List<(string Extension, byte[] Head)>();
        foreach (var f in files)
        {
            var info = new FileInfo(f);
            if (!info.Exists) throw new DocumentFailure($"page image {info.Name}: file not found");
            if (info.Length == 0) throw new DocumentFailure($"page image {info.Name}: empty file (0 bytes)");
            total += info.Length;
            var head = new byte[16];
            using (var fs = File.OpenRead(f)) Array.Resize(ref head, fs.Read(head));
            heads.Add((info.Extension.ToLowerInvariant(), head));
        }
        if (total > options.MaxFileBytes)
            throw new DocumentFailure($"page images too large ({total / (1024 * 1024)} MiB > {options.MaxFileBytes / (1024 * 1024)} MiB limit)");
        var sha = ContentHash.Of(files);
        foreach (var r in readers.OfType<IPageSetReader>())
            if (heads.All(h => r.CanRead(h.Extension, h.Head)))
            {
                var doc = r.ReadPages(path, files, sha, pages, ct);
                options.CheckPages(doc.PageCount);
                pages.Report(new PagesRead(doc.PageCount, doc.PageCount));
                return doc;
            }
        throw new DocumentFailure("page images that no reader takes (TIFF, PNG or JPEG expected)");
    }
}

/// <summary>Limits that keep one document from taking the machine: a plan is tens of pages, not thousands.</summary>
public sealed record LoadOptions(long MaxFileBytes = 512L * 1024 * 1024, int MaxPages = 2000)
{
    public static readonly LoadOptions Default = new();

    /// <summary>
    /// Fails a document with more pages than allowed. The loader checks every document once read; a
    /// reader that knows the count before decoding (a PDF's page tree) checks first, so a huge file
    /// is refused before its pages take memory.
    /// </summary>
    public void CheckPages(int pages)
    {
        if (pages > MaxPages) throw new DocumentFailure($"too many pages ({pages} > {MaxPages} limit)");
    }
}
