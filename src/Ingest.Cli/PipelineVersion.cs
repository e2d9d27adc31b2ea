using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Cli;

/// <summary>
/// What a stored result was made by: the build of the program and of every Ingest assembly it
/// references (their module ids, which deterministic builds change only when code or embedded
/// data change), the model files and the options that change the output. A document is
/// processed again when any of them changes.
/// </summary>
public static class PipelineVersion
{
    public static string Of(IEnumerable<string> modelFiles, params string[] options)
    {
        var program = typeof(PipelineVersion).Assembly;
        var assemblies = program.GetReferencedAssemblies()
            .Where(n => n.Name?.StartsWith("Ingest", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(program)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var a in assemblies)
            sb.Append(a.GetName().Name).Append(':').Append(a.ManifestModule.ModuleVersionId).Append('\n');
        foreach (var f in modelFiles.Where(File.Exists))
        {
            using var fs = File.OpenRead(f);
            sb.Append(Path.GetFileName(f)).Append(':').Append(Convert.ToHexStringLower(SHA256.HashData(fs))).Append('\n');
        }
        foreach (var o in options) sb.Append(o).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
