namespace Ingest.Core.Model;

/// <summary>
/// One physical line as the loader read it: where it is (page, 1-based line within the page, box)
/// and, for OCR, how sure the engine was. Text is as read, before repair.
/// </summary>
public sealed record SourceLine(int Page, int LineNumber, string Text, BBox? Box = null, double? OcrConfidence = null);
