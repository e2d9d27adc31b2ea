namespace Ingest.Core.Stages.Confidence;

/// <summary>The confidence model, and the threshold below which a target is flagged for review (the model's own by default).</summary>
public sealed record ConfidenceOptions(ConfidenceModel Model, double ReviewThreshold)
{
    public ConfidenceOptions() : this(ConfidenceModel.Default, ConfidenceModel.Default.ReviewThreshold) { }

    public ConfidenceOptions(double reviewThreshold) : this(ConfidenceModel.Default, reviewThreshold) { }
}
