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
                if (doc.PageCount > options.MaxPages)
                    throw new DocumentFailure($"too many pages ({doc.PageCount} > {options.MaxPages} limit)");
                pages.Report(new PagesRead(doc.PageCount, doc.PageCount));
                return doc;
            }
        throw new DocumentFailure(KnownExtensions.Contains(ext)
            ? $"content does not match its {ext} extension (or no reader for it is configured)"
            : $"unsupported file type '{ext}'");
    }
}

/// <summary>Limits that keep one document from taking the machine: a plan is tens of pages, not thousands.</summary>
public sealed record LoadOptions(long MaxFileBytes = 512L * 1024 * 1024, int MaxPages = 2000);
