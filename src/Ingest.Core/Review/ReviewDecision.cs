namespace Ingest.Core.Review;

public enum ReviewVerdict { Accept, Correct, Reject }

/// <summary>
/// A reviewer's decision on one target, keyed by the document's content hash and the target's
/// key so that it applies again whenever the same document is extracted. <see cref="Corrections"/>
/// holds the corrected contract fields (value, valueMax, unit, comparator, year, annual, kind,
/// code), each already checked; a null value clears the field.
/// </summary>
public sealed record ReviewDecision(
    string Sha256,
    string Key,
    ReviewVerdict Verdict,
    IReadOnlyDictionary<string, object?> Corrections,
    string Reviewer,
    DateTimeOffset DecidedAt,
    string? Note = null)
{
    /// <summary>The store's row id of this decision (0 before it is stored): what an undo withdraws.</summary>
    public long Id { get; init; }

    public static readonly IReadOnlyList<string> CorrectableFields = ["value", "valueMax", "unit", "comparator", "year", "annual", "kind", "code"];
}
