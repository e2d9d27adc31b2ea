using Ingest.Core.Model;

namespace Ingest.Core.Ports;

/// <summary>
/// Reads one file format into the document model. Implementations live beside the outside tool
/// they wrap (poppler, OpenXml); the Load stage only knows this port.
/// </summary>
public interface IDocumentReader
{
    SourceFormat Format { get; }

    /// <summary>Whether this reader takes a file with this extension and these first bytes.</summary>
    bool CanRead(string extension, ReadOnlySpan<byte> head);

    /// <summary>
    /// Reads the file; throws <see cref="DocumentFailure"/> with a one-line reason when it cannot.
    /// A reader whose pages take time (OCR) reports them to <paramref name="pages"/> as each is read;
    /// the loader reports the whole document once it is read, so a quick reader may say nothing.
    /// </summary>
    LoadedDocument Read(string path, string sha256, IProgress<PagesRead> pages, CancellationToken ct);
}

/// <summary>A reader that also takes several files as the pages of one document (photos of a plan's pages).</summary>
public interface IPageSetReader : IDocumentReader
{
    /// <param name="path">the name the document is known by</param>
    /// <param name="files">the files, in page order; their pages are numbered on from one file to the next</param>
    LoadedDocument ReadPages(string path, IReadOnlyList<string> files, string sha256, IProgress<PagesRead> pages, CancellationToken ct);
}
