using System.Text;

namespace Ingest.Core.Output;

/// <summary>
/// Writes a file under a temporary name beside it and renames it into place, so a reader (or a
/// killed run) never leaves or sees half a file. A failure is a <see cref="WriteFailure"/> naming
/// the file and why.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content) => Write(path, content, new UTF8Encoding(false));

    public static void Write(string path, string content, Encoding encoding) => Write(path, tmp => File.WriteAllText(tmp, content, encoding));

    public static void Write(string path, Action<string> writeTo)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            writeTo(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is (IOException or UnauthorizedAccessException) and not WriteFailure)
        {
            throw new WriteFailure(path, IoReason.Of(e, path, folder: false), e);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>
    /// Creates the folder and writes and deletes a file in it, so that a folder nothing can be
    /// written to is found before any work whose output would be lost.
    /// </summary>
    public static void ProbeFolder(string folder)
    {
        var probe = Path.Combine(folder, $".ingest-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WriteFailure(folder, IoReason.Of(e, folder, folder: true), e);
        }
    }
}
