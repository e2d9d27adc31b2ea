using System.Collections.Concurrent;
using Ingest.Core.Model;

namespace Ingest.Integration.Tests.Support;

/// <summary>
/// One pipeline run per document for the whole test run. OCR of the scans takes a minute or more,
/// and the scan score, the dev score and the header tests all read the same scans.
/// </summary>
public static class Extracted
{
    private static readonly ConcurrentDictionary<string, Lazy<ExtractionResult>> Results = new(StringComparer.Ordinal);

    public static ExtractionResult Of(string path) =>
        Results.GetOrAdd(Path.GetFullPath(path), p => new Lazy<ExtractionResult>(() => Repo.Pipeline().Run(p))).Value;
}
