using System.Text.Json;

namespace Ingest.Core.Contract;

/// <summary>
/// A document's contract JSON read back: what reports, the review queue and validation work
/// from, so that they show exactly what the JSON says (review decisions included).
/// </summary>
public sealed record ContractDocument(
    string Path,
    string Sha256,
    string Format,
    int Pages,
    bool Ocr,
    string? Title,
    string? Issuer,
    string? Place,
    string? Number,
    string? Date,
    int RepairedWords,
    IReadOnlyList<ContractSection> Sections,
    IReadOnlyList<ContractTarget> Targets);

/// <summary>A heading of the document: its number ("2.1") and title.</summary>
public sealed record ContractSection(string Number, string Title);

/// <summary>One target of the contract JSON; <see cref="Review"/> is set when a reviewer decided on it.</summary>
public sealed record ContractTarget(
    string Key,
    string Indicator,
    double? Value,
    double? ValueMax,
    string Unit,
    string Comparator,
    int? Year,
    bool Annual,
    string Kind,
    string? Qualifier,
    string? Code,
    double? CodeScore,
    double Confidence,
    bool NeedsReview,
    string Section,
    int Page,
    int Line,
    string SourceText,
    string? Repaired,
    string? Review)
{
    /// <summary>The cue that gave the deadline ("sentence: đến năm 2030") and the one that gave the kind.</summary>
    public string? YearCue { get; init; }
    public string? KindCue { get; init; }

    /// <summary>
    /// Where the line and the value's word sit on the page (points, y down), for the reviewer's page.
    /// Not in the JSON: the pipeline's result carries them and the store keeps them; null for DOCX and text.
    /// </summary>
    public Model.BBox? LineBox { get; init; }
    public Model.BBox? ValueBox { get; init; }
}

public static class ContractReader
{
    /// <summary>A pipeline result as its contract JSON reads back.</summary>
    public static ContractDocument From(Model.ExtractionResult result, string displayPath) =>
        WithPlaces(Parse(Output.ContractJsonWriter.ToJson(result, displayPath)), result);

    /// <summary>The contract read back from a result's JSON, with the boxes the JSON leaves out taken from the result.</summary>
    public static ContractDocument WithPlaces(ContractDocument parsed, Model.ExtractionResult result) =>
        parsed with
        {
            Targets = parsed.Targets.Zip(result.Targets, (c, t) => c with { LineBox = t.Candidate.Source.Box, ValueBox = t.Candidate.Source.ValueBox }).ToList(),
        };

    public static ContractDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var src = root.GetProperty("source");
        var head = root.TryGetProperty("document", out var d) ? d : default;
        int repaired = root.TryGetProperty("repair", out var r) && r.TryGetProperty("changedTokens", out var ct) ? ct.GetInt32() : 0;
        var targets = root.GetProperty("targets").EnumerateArray().Select(ReadTarget).ToList();
        var sections = root.TryGetProperty("sections", out var ss)
            ? ss.EnumerateArray().Select(x => new ContractSection(Str(x, "number") ?? "", Str(x, "title") ?? "")).ToList()
            : [];
        return new ContractDocument(
            Str(src, "path") ?? "", Str(src, "sha256") ?? "", Str(src, "format") ?? "",
            src.TryGetProperty("pages", out var p) ? p.GetInt32() : 0,
            src.TryGetProperty("ocr", out var o) && o.ValueKind == JsonValueKind.True,
            Str(head, "title"), Str(head, "issuer"), Str(head, "place"), Str(head, "number"), Str(head, "date"),
            repaired, sections, targets);
    }

    private static ContractTarget ReadTarget(JsonElement t)
    {
        var dl = t.GetProperty("deadline");
        var cat = t.TryGetProperty("catalogue", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var src = t.GetProperty("source");
        return new ContractTarget(
            Str(t, "key") ?? "", Str(t, "indicator") ?? "", Num(t, "value"), Num(t, "valueMax"),
            Str(t, "unit") ?? "", Str(t, "comparator") ?? "=",
            dl.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null,
            dl.TryGetProperty("annual", out var a) && a.ValueKind == JsonValueKind.True,
            Str(t, "kind") ?? "target", Str(t, "qualifier"), Str(cat, "code"), Num(cat, "score"),
            Num(t, "confidence") ?? 0, t.TryGetProperty("needsReview", out var nr) && nr.ValueKind == JsonValueKind.True,
            Str(t, "section") ?? "",
            src.TryGetProperty("page", out var pg) ? pg.GetInt32() : 0, src.TryGetProperty("line", out var ln) ? ln.GetInt32() : 0,
            Str(src, "text") ?? "", Str(src, "repaired"),
            t.TryGetProperty("review", out var rv) && rv.ValueKind == JsonValueKind.Object ? Str(rv, "decision") : null)
        {
            YearCue = Str(dl, "cue"),
            KindCue = Str(t, "kindCue"),
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
