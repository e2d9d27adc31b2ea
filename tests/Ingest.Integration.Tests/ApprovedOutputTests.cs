using Ingest.Core.Output;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>
/// Approved-file tests: the JSON of every sample is compared with Approved/&lt;file&gt;.approved.json.
/// On a difference the test writes &lt;file&gt;.received.json beside it and fails; INGEST_REGEN=1 rewrites
/// the approved files instead (review the diff before committing).
/// </summary>
public class ApprovedOutputTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var name in Repo.CleanPlans)
            foreach (var ext in new[] { "txt", "pdf", "docx" })
                data.Add($"{name}.{ext}");
        data.Add(Repo.OldOcrPlan + ".txt");
        return data;
    }

    public static TheoryData<string> Scans() => [.. Repo.Scans];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Output_MatchesApproved(string file) => Check(file);

    // OCR of five scans takes a minute or more: CI runs it (./test --full), the quick suite does not
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Scans))]
    public void ScanOutput_MatchesApproved(string file) => Check(file);

    /// <summary>Every file in samples/ that `ingest validate samples` reads has its approved answer.</summary>
    [Fact]
    public void EverySample_HasAnApprovedFile()
    {
        var dir = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Approved");
        var inputs = Ingest.Core.Batch.InputExpander.Expand([Repo.Samples], []).Select(i => Path.GetFileName(i.Path));
        var missing = inputs.Where(f => !File.Exists(Path.Combine(dir, f + ".approved.json"))).ToList();
        Assert.True(missing.Count == 0, "no approved file for " + string.Join(", ", missing));
    }

    private static void Check(string file)
    {
        var path = Path.Combine(Repo.Samples, file);
        var json = ContractJsonWriter.ToJson(Extracted.Of(path), $"samples/{file}");
        var dir = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Approved");
        var approved = Path.Combine(dir, file + ".approved.json");
        var received = Path.Combine(dir, file + ".received.json");
        if (Environment.GetEnvironmentVariable("INGEST_REGEN") == "1")
        {
            File.WriteAllText(approved, json);
            return;
        }
        Assert.True(File.Exists(approved), $"no approved file {approved}; run with INGEST_REGEN=1 to create it");
        var expected = File.ReadAllText(approved);
        if (expected != json)
        {
            File.WriteAllText(received, json);
            Assert.Fail($"{file}: output differs from {approved}; see {received}");
        }
        if (File.Exists(received)) File.Delete(received);
    }
}
