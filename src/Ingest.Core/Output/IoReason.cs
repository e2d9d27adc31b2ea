using System.Text.RegularExpressions;

namespace Ingest.Core.Output;

/// <summary>
/// Why a file-system operation on a path failed, in a few words a person reads ("read-only file
/// system", "permission denied", "/data/out is a file, not a folder") rather than .NET's message,
/// which names temporary files and says "could not find a part of the path" for a file in the way.
/// </summary>
public static partial class IoReason
{
    /// <param name="e">What the operation threw.</param>
    /// <param name="path">The file or folder the operation was for.</param>
    /// <param name="folder">Whether <paramref name="path"/> is meant to be a folder.</param>
    public static string Of(Exception e, string path, bool folder)
    {
        if (!folder && Directory.Exists(path)) return $"{path} is a folder, not a file";
        // named as given, so the file in the way reads as the user wrote it
        for (var up = folder ? path : System.IO.Path.GetDirectoryName(path); !string.IsNullOrEmpty(up); up = System.IO.Path.GetDirectoryName(up))
            if (File.Exists(up)) return $"{up} is a file, not a folder";
        return e switch
        {
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the name is too long",
            DirectoryNotFoundException => "a folder on the path does not exist",
            // .NET's message for an errno it has no exception for is strerror, then " : 'the path'"
            _ => Lower(PathSuffix().Replace(e.Message.Split('\n')[0].Trim(), "").TrimEnd('.')),
        };
    }

    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    [GeneratedRegex(@"\s*:\s*'[^']*'\s*$")]
    private static partial Regex PathSuffix();
}
