using Ingest.Core.Model;

namespace Ingest.Core.Stages.Load.Layout;

/// <summary>
/// A word with its box in points (PDF units; OCR pixels are scaled by 72/dpi so that one set of
/// geometry rules serves both) and, when OCR read it, the engine's confidence (0–100).
/// </summary>
public sealed record LayoutWord(string Text, BBox Box, double? Confidence = null);
