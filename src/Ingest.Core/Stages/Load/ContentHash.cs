using System.Security.Cryptography;

namespace Ingest.Core.Stages.Load;

/// <summary>A document's identity: the SHA-256 of its bytes, so a renamed or copied file is still the same document.</summary>
public static class ContentHash
{
    public static string Of(string path)
    {
        using var fs = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(fs));
    }

    /// <summary>A document made of several files (page images): the hash of their bytes one after another, in page order; one file's is its own.</summary>
    public static string Of(IReadOnlyList<string> paths)
    {
        if (paths.Count == 1) return Of(paths[0]);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        foreach (var p in paths)
        {
            using var fs = File.OpenRead(p);
            for (int n; (n = fs.Read(buffer)) > 0;) hash.AppendData(buffer, 0, n);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
