namespace Ingest.Core.Stages.Matching;

/// <summary>
/// MinScore: below it a target stays unmatched rather than being forced onto the nearest code.
/// SplitScore: how well a coordinated part ("…, áp dụng chữ ký số") must match a different code
/// on its own to become a target of its own.
/// </summary>
public sealed record MatchOptions(double MinScore = 0.32, double SplitScore = 0.3, double SplitMargin = 0.15);
