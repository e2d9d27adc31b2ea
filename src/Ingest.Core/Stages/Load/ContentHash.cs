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
}
