using Ingest.Core.Pipeline;

namespace Ingest.Integration.Tests.Support;

/// <summary>Paths inside the repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");
    public static string Gold => Path.Combine(Samples, "gold");

    /// <summary>The development corpus: documents the extraction was not built from, with gold answers.</summary>
    public static string Dev => Path.Combine(Root, "dev");

    public static readonly string[] CleanPlans = ["chu-se-kh-hdnd", "dak-doa-kh-dang-uy", "kon-chieng-nq-hdnd", "xop-kh-ubnd"];

    /// <summary>The sample plan that exists only as old OCR text with its marks damaged.</summary>
    public const string OldOcrPlan = "kon-chieng-kh-dang-uy-scan";

    public static readonly string[] Scans =
        ["chu-se-kh-hdnd.scan.pdf", "dak-doa-kh-dang-uy.scan.pdf", "kon-chieng-nq-hdnd.scan.pdf", "kon-chieng-nq-hdnd.scan.tif", "xop-kh-ubnd.scan.pdf"];

    // one set of OCR workers for the whole test run, as one batch would have
    private static readonly Lazy<Cli.Composition> Shared = new(Cli.Composition.Default);

    public static Cli.Composition Composition => Shared.Value;

    public static IngestPipeline Pipeline() => new(Shared.Value.Settings);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Ingest.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root (Ingest.sln) not found");
    }
}
