using System.Text;

namespace Ingest.Core.Output;

/// <summary>
/// Writes a file under a temporary name beside it and renames it into place, so a reader (or a
/// killed run) never leaves or sees half a file.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string content) => Write(path, content, new UTF8Encoding(false));

    public static void Write(string path, string content, Encoding encoding) => Write(path, tmp => File.WriteAllText(tmp, content, encoding));

    public static void Write(string path, Action<string> writeTo)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTo(tmp);
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }
}
