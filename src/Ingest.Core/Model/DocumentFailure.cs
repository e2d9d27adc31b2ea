namespace Ingest.Core.Model;

/// <summary>
/// Thrown when a document cannot be read at all (corrupt, encrypted, empty, wrong type).
/// The message is one line that names the reason; the batch catches it and goes on.
/// </summary>
public sealed class DocumentFailure(string reason, Exception? inner = null) : Exception(reason, inner);
