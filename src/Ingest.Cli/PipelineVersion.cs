using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Cli;

/// <summary>
/// What a stored result was made by: the build of every Ingest assembly (their module ids, which
/// deterministic builds change only when code or embedded data change), the model files and the
/// options that change the output. A document is processed again when any of them changes.
/// </summary>
public static class PipelineVersion
{
    public static string Of(IEnumerable<string> modelFiles, params string[] options)
    {
        var sb = new StringBuilder();
        foreach (var a in AppDomain.CurrentDomain.GetAssemblies()
                     .Where(a => a.GetName().Name?.StartsWith("Ingest", StringComparison.Ordinal) == true && a.GetName().Name != "Ingest.Integration.Tests")
                     .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
            sb.Append(a.GetName().Name).Append(':').Append(a.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var f in modelFiles.Where(File.Exists))
        {
            using var fs = File.OpenRead(f);
            sb.Append(Path.GetFileName(f)).Append(':').Append(Convert.ToHexStringLower(SHA256.HashData(fs))).Append('\n');
        }
        foreach (var o in options) sb.Append(o).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    /// <summary>The Ingest assemblies the pipeline runs on, loaded now so that <see cref="Of"/> sees them all.</summary>
    public static void LoadAll()
    {
        foreach (var name in Assembly.GetExecutingAssembly().GetReferencedAssemblies().Where(n => n.Name?.StartsWith("Ingest", StringComparison.Ordinal) == true))
            Assembly.Load(name);
    }
}
