namespace Ingest.Core.Output;

/// <summary>
/// A file or folder could not be written. The message is one line, "cannot write PATH: reason",
/// so that a batch names the output it lost and the command line prints it without a stack trace.
/// </summary>
public sealed class WriteFailure(string path, string reason, Exception? inner = null) : IOException($"cannot write {path}: {reason}", inner)
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
