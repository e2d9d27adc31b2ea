using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ingest.Core.Review;

/// <summary>
/// Applies review decisions to a document's contract JSON: an accepted target stops needing
/// review, a corrected one takes the reviewer's fields, a rejected one leaves "targets" for
/// "rejectedTargets". Each decided target carries "review" {decision, by, at}. The stored JSON
/// stays as the pipeline produced it; this runs whenever an output or report is written.
/// </summary>
public static class ReviewApplier
{
    private static readonly JsonSerializerOptions Format = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Apply(string json, string displayPath, IReadOnlyDictionary<string, ReviewDecision> decisions)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["source"]!.AsObject()["path"] = displayPath;
        if (decisions.Count > 0) ApplyDecisions(root, decisions);
        return root.ToJsonString(Format) + "\n";
    }

    private static void ApplyDecisions(JsonObject root, IReadOnlyDictionary<string, ReviewDecision> decisions)
    {
        var targets = root["targets"]!.AsArray();
        var rejected = new JsonArray();
        int accepted = 0, corrected = 0;
        foreach (var node in targets.ToList())
        {
            var t = node!.AsObject();
            if (t["key"]?.GetValue<string>() is not { } key || !decisions.TryGetValue(key, out var d)) continue;
            t["review"] = new JsonObject
            {
                ["decision"] = d.Verdict.ToString().ToLowerInvariant(),
                ["by"] = d.Reviewer,
                ["at"] = d.DecidedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (d.Note != null) t["review"]!["note"] = d.Note;
            switch (d.Verdict)
            {
                case ReviewVerdict.Reject:
                    targets.Remove(t);
                    rejected.Add(t);
                    continue;
                case ReviewVerdict.Correct:
                    foreach (var (field, value) in d.Corrections) Correct(t, field, value);
                    corrected++;
                    break;
                default:
                    accepted++;
                    break;
            }
            // a reviewer's word is as sure as the pipeline gets
            t["confidence"] = 1;
            t["needsReview"] = false;
        }
        root["rejectedTargets"] = rejected;
        root["review"] = new JsonObject { ["accepted"] = accepted, ["corrected"] = corrected, ["rejected"] = rejected.Count };
    }

    private static void Correct(JsonObject t, string field, object? value)
    {
        JsonNode? v = value switch
        {
            null => null,
            double d => JsonValue.Create(d),
            int i => JsonValue.Create(i),
            bool b => JsonValue.Create(b),
            string s => JsonValue.Create(s),
            _ => throw new ArgumentException($"unsupported correction of {field}: {value.GetType().Name}"),
        };
        switch (field)
        {
            case "year": t["deadline"]!["year"] = v; break;
            case "annual": t["deadline"]!["annual"] = v; break;
            case "code": t["catalogue"] = value == null ? null : new JsonObject { ["code"] = v, ["score"] = 1 }; break;
            default: t[field] = v; break;
        }
    }
}
