namespace Ingest.Core.Store;

/// <summary>
/// The store is held by another process (another `ingest` run, or a tool with the file open)
/// for longer than this run would wait. Not damage: trying again later works.
/// </summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : IOException(message, inner);
