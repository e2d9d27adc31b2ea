using Ingest.Core.Contract;
using Ingest.Core.Reports;
using Ingest.Core.Review;

namespace Ingest.Core.Store;

/// <summary>The store's documents as reports and the review queue see them: the latest result of each path, decisions applied.</summary>
public static class ReviewedDocuments
{
    public static IReadOnlyList<ReportedDocument> Load(IResultStore store) =>
        store.Sources().Select(s =>
        {
            if (!s.Ok || s.Sha256 == null || store.Latest(s.Sha256) is not { } stored) return new ReportedDocument(s, null);
            var json = ReviewApplier.Apply(stored.Json, s.Path, store.Decisions(s.Sha256));
            return new ReportedDocument(s, ContractReader.Parse(json));
        }).ToList();

    /// <summary>The document of this content as the latest path that holds it reads, decisions applied; null when the store has none.</summary>
    public static ReportedDocument? One(IResultStore store, string sha256)
    {
        var source = store.Sources().Where(s => s.Ok && s.Sha256 == sha256).MaxBy(s => s.At);
        if (source == null || store.Latest(sha256) is not { } stored) return null;
        return new ReportedDocument(source, ContractReader.Parse(ReviewApplier.Apply(stored.Json, source.Path, store.Decisions(sha256))));
    }
}
