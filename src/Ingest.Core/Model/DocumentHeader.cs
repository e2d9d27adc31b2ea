namespace Ingest.Core.Model;

/// <summary>The administrative header of a plan; any part may be missing.</summary>
public sealed record DocumentHeader(string? Title, string? Issuer, string? Place, string? Number, string? Date)
{
    public static readonly DocumentHeader Empty = new(null, null, null, null, null);

    /// <summary>The year of the document's date, when known: the "present" that baselines describe.</summary>
    public int? Year => Date is { Length: >= 4 } d && int.TryParse(d[..4], out var y) ? y : null;
}
