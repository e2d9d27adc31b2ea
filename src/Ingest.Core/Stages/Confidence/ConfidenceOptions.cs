namespace Ingest.Core.Stages.Confidence;

/// <summary>
/// The confidence model, and the threshold below which a target is flagged for review (the
/// model's own by default). <see cref="MinOcrConfidence"/> flags a value OCR read with less
/// certainty whatever the model says: the samples have too few such words to teach it that.
/// </summary>
public sealed record ConfidenceOptions(ConfidenceModel Model, double ReviewThreshold, double MinOcrConfidence = 60)
{
    public ConfidenceOptions() : this(ConfidenceModel.Default, ConfidenceModel.Default.ReviewThreshold) { }

    public ConfidenceOptions(double reviewThreshold) : this(ConfidenceModel.Default, reviewThreshold) { }
}
