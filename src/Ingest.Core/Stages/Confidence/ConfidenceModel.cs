using System.Globalization;
using System.Text.Json;

namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// A logistic model of P(target right | features), fitted on the gold samples by
/// `ingest train-confidence`, with the review threshold chosen by cross-validation. Stored as
/// JSON in models/confidence.json (named weights, so a reader sees what the model learnt).
/// </summary>
public sealed record ConfidenceModel(IReadOnlyDictionary<string, double> Weights, double ReviewThreshold, string Fitted) : IConfidenceScorer
{
    public const string FileName = "confidence.json";

    /// <summary>A model from weights in the order of <see cref="ConfidenceFeatures.Names"/>, as a fitter gives them.</summary>
    public static ConfidenceModel FromVector(IReadOnlyList<double> weights, double reviewThreshold, string fitted) =>
        new(ConfidenceFeatures.Names.Select((n, i) => (n, weights[i])).ToDictionary(p => p.n, p => p.Item2), reviewThreshold, fitted);

    public double Probability(double[] features)
    {
        double z = 0;
        for (int i = 0; i < features.Length; i++)
            z += features[i] * Weights.GetValueOrDefault(ConfidenceFeatures.Names[i]);
        return 1 / (1 + Math.Exp(-z));
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(
        ConfidenceFeatures.Names.ToDictionary(n => n, n => Math.Round(Weights.GetValueOrDefault(n), 6)),
        Math.Round(ReviewThreshold, 4), Fitted), JsonOptions);

    public static ConfidenceModel Parse(string json, string origin)
    {
        try
        {
            var s = JsonSerializer.Deserialize<Stored>(json, JsonOptions) ?? throw new InvalidDataException("empty");
            if (s.Weights == null || s.Weights.Count == 0) throw new InvalidDataException("no weights");
            var unknown = s.Weights.Keys.Except(ConfidenceFeatures.Names).ToList();
            if (unknown.Count > 0) throw new InvalidDataException($"unknown features {string.Join(", ", unknown)}");
            if (s.ReviewThreshold is not (> 0 and < 1)) throw new InvalidDataException("reviewThreshold must be between 0 and 1");
            return new ConfidenceModel(s.Weights, s.ReviewThreshold, s.Fitted ?? "");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: not a confidence model ({e.Message})", e);
        }
    }

    /// <summary>The model the build embeds (models/confidence.json).</summary>
    public static ConfidenceModel Default => DefaultLazy.Value;

    private static readonly Lazy<ConfidenceModel> DefaultLazy = new(() =>
    {
        using var s = typeof(ConfidenceModel).Assembly.GetManifestResourceStream("Ingest.confidence.json")
            ?? throw new InvalidOperationException("embedded confidence model missing");
        using var r = new StreamReader(s);
        return Parse(r.ReadToEnd(), "embedded models/confidence.json");
    });

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Stored(Dictionary<string, double> Weights, double ReviewThreshold, string? Fitted);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"confidence model ({Weights.Count} weights, review below {ReviewThreshold:0.###})");
}
