namespace Ingest.Core.Stages.Confidence;

/// <summary>P(target right | its <see cref="ConfidenceFeatures"/>), from a fitted model.</summary>
public interface IConfidenceScorer
{
    double Probability(double[] features);
}
