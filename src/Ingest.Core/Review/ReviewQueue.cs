using System.Globalization;
using Ingest.Core.Contract;
using Ingest.Core.Reports;

namespace Ingest.Core.Review;

/// <summary>
/// What the reviewer's page lists: by default the targets that still need review across the store,
/// or with <see cref="All"/> every target of the one <see cref="Document"/>; narrowed by catalogue
/// code ("UNLISTED" for none), kind and deadline year ("annual" for recurring ones).
/// </summary>
public sealed record QueueFilter(string? Document = null, string? Code = null, string? Kind = null, string? Year = null, bool All = false)
{
    public bool Takes(ReportedDocument d) =>
        Document is not { Length: > 0 } w || d.Source.Path == w || Path.GetFileName(d.Source.Path) == w
        || w.Length >= 8 && d.Source.Sha256?.StartsWith(w, StringComparison.OrdinalIgnoreCase) == true;

    public bool Takes(ContractTarget t) =>
        (Code is not { Length: > 0 } c || (c.Equals("UNLISTED", StringComparison.OrdinalIgnoreCase) ? t.Code == null : t.Code == c))
        && (Kind is not { Length: > 0 } k || t.Kind == k)
        && (Year is not { Length: > 0 } y || ReviewQueue.YearOf(t) == y);
}

/// <summary>One target in the queue, with the document it is in.</summary>
public sealed record QueueItem(string Path, string Sha256, ContractTarget Target);

/// <summary>The queue as filtered, and how much of it is left to decide.</summary>
public sealed record Queue(IReadOnlyList<QueueItem> Items, int Left, IReadOnlyList<QueueDocument> Documents,
    IReadOnlyList<string> Codes, IReadOnlyList<string> Years);

/// <summary>A document of the store and how many of its targets still need review (for the document filter).</summary>
public sealed record QueueDocument(string Path, string Sha256, int Left);

public static class ReviewQueue
{
    /// <summary>A target's deadline as the year filter names it: the year, "annual", or "none".</summary>
    public static string YearOf(ContractTarget t) => t.Annual ? "annual" : t.Year?.ToString(CultureInfo.InvariantCulture) ?? "none";

    /// <summary>
    /// The queue: the least sure targets first (confidence rising), then by document, page and line,
    /// so two reviewers see one order. <see cref="QueueFilter.All"/> without a document is every
    /// document's needing-review targets, as without it: a whole store is not one reviewer's list.
    /// </summary>
    public static Queue Build(IReadOnlyList<ReportedDocument> documents, QueueFilter filter)
    {
        var read = documents.Where(d => d.Result != null && d.Source.Sha256 != null).ToList();
        bool whole = filter.All && filter.Document is { Length: > 0 };
        var items = read.Where(filter.Takes)
            .SelectMany(d => d.Result!.Targets.Where(t => whole || t.NeedsReview).Select(t => new QueueItem(d.Source.Path, d.Source.Sha256!, t)))
            .Where(i => filter.Takes(i.Target))
            .OrderBy(i => i.Target.Confidence).ThenBy(i => i.Path, StringComparer.Ordinal)
            .ThenBy(i => i.Target.Page).ThenBy(i => i.Target.Line)
            .ToList();
        var needing = read.SelectMany(d => d.Result!.Targets.Where(t => t.NeedsReview)).ToList();
        return new Queue(
            items,
            items.Count(i => i.Target.NeedsReview),
            read.Select(d => new QueueDocument(d.Source.Path, d.Source.Sha256!, d.Result!.Targets.Count(t => t.NeedsReview))).ToList(),
            needing.Select(t => t.Code ?? "UNLISTED").Distinct().Order(StringComparer.Ordinal).ToList(),
            needing.Select(YearOf).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
