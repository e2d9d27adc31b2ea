using System.Text.Json;
using Ingest.Core.Contract;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>
/// The header fields (issuer, place, number, date, title) of every sample and every development
/// document, in every format, against the values read from the documents by hand in
/// samples/headers.json and dev/headers.json (their "_about" says how each field is written).
/// Every mismatch is reported at once. The scans are a test of their own (an OCR run of all of them
/// takes a minute or more); their results are shared with the other scan tests (<see cref="Extracted"/>).
/// </summary>
public class HeaderTests
{
    private static readonly string[] Fields = ["issuer", "place", "number", "date", "title"];

    [Fact]
    public void TextLayerDocuments_GiveTheHeaderFieldsWrittenInThem() => AssertHeaders(file => !IsScan(file));

    [Fact]
    [Trait("Category", "Slow")]
    public void ScannedDocuments_GiveTheHeaderFieldsWrittenInThem() => AssertHeaders(IsScan);

    [Fact]
    public void EveryDocument_HasExpectedHeaderFields()
    {
        var listed = Expected().Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var documents = new[] { Repo.Samples, Path.Combine(Repo.Dev, "docs"), Path.Combine(Repo.Dev, "engocr") }
            .SelectMany(d => Directory.GetFiles(d))
            .Where(f => Path.GetExtension(f) is ".txt" or ".pdf" or ".docx" or ".tif")
            .Select(Path.GetFullPath);
        var missing = documents.Where(d => !listed.Contains(d)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "no expected header fields for:\n" + string.Join("\n", missing));
    }

    private static bool IsScan(string path) => Path.GetFileName(path).Contains(".scan.", StringComparison.Ordinal);

    private static void AssertHeaders(Func<string, bool> which)
    {
        var mismatches = new List<string>();
        int fields = 0;
        foreach (var e in Expected().Where(e => which(e.Path)))
        {
            var doc = ContractReader.From(Extracted.Of(e.Path), e.Path);
            var read = new Dictionary<string, string?>
            {
                ["issuer"] = doc.Issuer, ["place"] = doc.Place, ["number"] = doc.Number, ["date"] = doc.Date, ["title"] = doc.Title,
            };
            foreach (var f in Fields)
            {
                fields++;
                var accepted = e.Misread.TryGetValue(f, out var m) ? m : e.Values[f];
                if (read[f] != accepted)
                    mismatches.Add($"{Path.GetRelativePath(Repo.Root, e.Path)}: {f}: expected {Show(accepted)}{(e.Misread.ContainsKey(f) ? " (recorded misreading)" : "")}, read {Show(read[f])}");
            }
        }
        Assert.True(fields > 0, "no documents checked");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {fields} header fields differ:\n" + string.Join("\n", mismatches));
    }

    private static string Show(string? s) => s == null ? "null" : $"\"{s}\"";

    private sealed record ExpectedHeader(string Path, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string?> Misread);

    /// <summary>One row per file: its plan's values with the file's own differences, and what it is recorded to misread.</summary>
    private static IEnumerable<ExpectedHeader> Expected()
    {
        foreach (var dir in new[] { Repo.Samples, Repo.Dev })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "headers.json")));
            foreach (var plan in json.RootElement.GetProperty("plans").EnumerateArray())
            {
                var values = Fields.ToDictionary(f => f, f => plan.TryGetProperty(f, out var v)
                    ? v.GetString()
                    : throw new InvalidDataException($"{dir}/headers.json: {plan.GetProperty("name")} has no '{f}'"));
                foreach (var file in plan.GetProperty("files").EnumerateArray().Select(f => f.GetString()!))
                {
                    var own = new Dictionary<string, string?>(values);
                    if (plan.TryGetProperty("differs", out var differs) && differs.TryGetProperty(file, out var d))
                        foreach (var f in Fields.Where(f => d.TryGetProperty(f, out _)))
                            own[f] = d.GetProperty(f).GetString();
                    var misread = new Dictionary<string, string?>();
                    if (plan.TryGetProperty("misread", out var mis) && mis.TryGetProperty(file, out var m))
                        foreach (var f in Fields.Where(f => m.TryGetProperty(f, out _)))
                            misread[f] = m.GetProperty(f).GetProperty("read").GetString();
                    var path = Path.GetFullPath(Path.Combine(dir, file));
                    if (!File.Exists(path)) throw new InvalidDataException($"{dir}/headers.json names {file}, which does not exist");
                    yield return new ExpectedHeader(path, own, misread);
                }
            }
        }
    }
}
