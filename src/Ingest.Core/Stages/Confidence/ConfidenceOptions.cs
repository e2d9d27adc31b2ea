namespace Ingest.Core.Stages.Confidence;

/// <summary>Targets whose confidence falls below <see cref="ReviewThreshold"/> are flagged for review.</summary>
public sealed record ConfidenceOptions(double ReviewThreshold = 0.6);
