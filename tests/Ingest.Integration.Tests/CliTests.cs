using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The command line: exit codes, one-line errors naming the file, the batch going on.</summary>
public class CliTests
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(o);
        Console.SetError(e);
        try { return (Cli.Program.Main(args), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }

    [Fact]
    public void MalformedFiles_FailOneByOne_AndTheGoodOnesAreWritten()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var input = Directory.CreateDirectory(Path.Combine(dir.FullName, "in"));
        File.Copy(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt"), Path.Combine(input.FullName, "good.txt"));
        var pdf = File.ReadAllBytes(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.pdf"));
        File.WriteAllBytes(Path.Combine(input.FullName, "truncated.pdf"), pdf[..(pdf.Length / 3)]);
        File.WriteAllBytes(Path.Combine(input.FullName, "empty.txt"), []);
        File.WriteAllText(Path.Combine(input.FullName, "notzip.docx"), "this is not a zip");
        File.WriteAllBytes(Path.Combine(input.FullName, "junk.png"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);
        var tif = File.ReadAllBytes(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.scan.tif"));
        File.WriteAllBytes(Path.Combine(input.FullName, "cut.tif"), tif[..4096]);
        var output = Path.Combine(dir.FullName, "out");

        var (code, _, err) = Run("extract", input.FullName, "-o", output, "--db", Path.Combine(dir.FullName, "t.db"));

        Assert.Equal(1, code);
        Assert.True(File.Exists(Path.Combine(output, "good.json")));
        foreach (var bad in new[] { "truncated.pdf", "empty.txt", "notzip.docx", "junk.png", "cut.tif" })
        {
            var line = Assert.Single(err.Split('\n'), l => l.Contains(bad));
            Assert.Contains("error:", line);
            Assert.False(File.Exists(Path.Combine(output, Path.GetFileNameWithoutExtension(bad) + ".json")));
        }
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
    }

    [Fact]
    public void BadUsage_ExitsTwo() => Assert.Equal(2, Run("extract", "x.txt").Code);

    [Fact]
    public void SameNameInTwoFolders_OutputsMirrorTheFolders_AndNoneIsLost()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var input = Path.Combine(dir.FullName, "in");
        foreach (var (commune, sample) in new[] { ("xa-a", "chu-se-kh-hdnd"), ("xa-b", "kon-chieng-nq-hdnd") })
        {
            Directory.CreateDirectory(Path.Combine(input, commune));
            File.Copy(Path.Combine(Repo.Samples, sample + ".txt"), Path.Combine(input, commune, "ke-hoach.txt"));
        }
        // a second folder given with the same relative name as the first
        var other = Directory.CreateDirectory(Path.Combine(dir.FullName, "other", "xa-a")).FullName;
        File.Copy(Path.Combine(Repo.Samples, "xop-kh-ubnd.txt"), Path.Combine(other, "ke-hoach.txt"));
        var output = Path.Combine(dir.FullName, "out");

        var (code, stdout, _) = Run("extract", input, Path.Combine(dir.FullName, "other"), "-o", output, "--db", Path.Combine(dir.FullName, "t.db"), "--progress", "lines");

        Assert.Equal(0, code);
        Assert.Contains("3 ok", stdout);
        var written = Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order().ToList();
        Assert.Equal(["in/xa-a/ke-hoach.json", "in/xa-b/ke-hoach.json", "other/xa-a/ke-hoach.json"], written);
    }

    [Fact]
    public void EmptyFolder_OrAFilterThatKeepsNothing_SaysSo()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var empty = Directory.CreateDirectory(Path.Combine(dir.FullName, "empty")).FullName;
        var (code, _, err) = Run("extract", empty, "-o", Path.Combine(dir.FullName, "out"), "--db", Path.Combine(dir.FullName, "t.db"));
        Assert.Equal(1, code);
        Assert.Contains("no documents to read", err);
        (code, _, err) = Run("extract", Repo.Samples, "--include", "*.nothing", "-o", Path.Combine(dir.FullName, "out"), "--db", Path.Combine(dir.FullName, "t.db"));
        Assert.Equal(1, code);
        Assert.Contains("--include/--exclude", err);
    }

    [Fact]
    public void MissingReviewWorkbook_SaysSo()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var missing = Path.Combine(dir.FullName, "review.xlsx");
        var (code, _, err) = Run("review", "import", missing, "--db", Path.Combine(dir.FullName, "t.db"));
        Assert.Equal(1, code);
        Assert.Equal($"{missing}: error: no such file", err.Trim());
    }

    [Fact]
    public void UnknownOption_IsBadUsage_AndNothingIsProcessed()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var output = Path.Combine(dir.FullName, "out");
        var (code, _, err) = Run("extract", Path.Combine(Repo.Samples, "chu-se-kh-hdnd.txt"), "--bogus", "-o", output, "--db", Path.Combine(dir.FullName, "t.db"));
        Assert.Equal(2, code);
        Assert.Contains("unknown option '--bogus'", err);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void SameStemInOneBatch_KeepsBothOutputs()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var (code, _, _) = Run("extract", Path.Combine(Repo.Samples, "chu-se-kh-hdnd.txt"), Path.Combine(Repo.Samples, "chu-se-kh-hdnd.docx"), "-o", dir.FullName, "--db", Path.Combine(dir.FullName, "t.db"));
        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(dir.FullName, "chu-se-kh-hdnd.txt.json")));
        Assert.True(File.Exists(Path.Combine(dir.FullName, "chu-se-kh-hdnd.docx.json")));
    }

    [Fact]
    public void PreparedPages_AreSavedOnePngPerOcrdPage_AndATextDocumentSavesNone()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-");
        var input = Directory.CreateDirectory(Path.Combine(dir.FullName, "in"));
        var page = Path.Combine(input.FullName, "plan.png");
        Ingest.Eval.TextImage.Write(page, ["1. Mục tiêu đến năm 2030", "- Tỷ lệ hộ gia đình có kết nối Internet cáp quang đạt 95%."], rotateDegrees: 2);
        File.Copy(Path.Combine(Repo.Samples, "chu-se-kh-hdnd.txt"), Path.Combine(input.FullName, "text.txt"));
        var pages = Path.Combine(dir.FullName, "pages");

        var (code, _, err) = Run("extract", input.FullName, "-o", Path.Combine(dir.FullName, "out"), "--db", Path.Combine(dir.FullName, "t.db"), "--prepared-pages", pages);

        Assert.True(code == 0, err);
        var saved = Assert.Single(Directory.GetFiles(pages, "*", SearchOption.AllDirectories));
        // under the document's own path, so two plan.png in two folders keep their pages apart
        Assert.Equal(Path.Combine(pages, input.FullName.TrimStart('/'), "plan.png-p001.png"), saved);
        // the page as the engine was given it: grey, and turned straight (the photo's 2° gone)
        using var image = Ingest.Adapters.Tesseract.Pix.Own(Ingest.Adapters.Tesseract.TesseractNative.pixRead(saved))!;
        Assert.Equal(8, Ingest.Adapters.Tesseract.TesseractNative.pixGetDepth(image.Raw));
        Assert.Contains("deskew (", File.ReadAllText(Path.Combine(dir.FullName, "out", "plan.json")));
    }

    public static TheoryData<string> UnwritableOutputs => new() { "under a file", "a file", "/proc" };

    [Theory]
    [MemberData(nameof(UnwritableOutputs))]
    public void ExtractToAnOutputThatCannotBeWritten_IsOneLine_BeforeAnyDocumentIsRead(string where)
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "");
        var (output, blocker) = where switch
        {
            "under a file" => (Path.Combine(file, "out"), file),
            "a file" => (file, file),
            _ => ("/proc/version/out", "/proc/version"),
        };
        var db = Path.Combine(dir, "t.db");

        var (code, stdout, err) = Run("extract", Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt"), "-o", output, "--db", db, "--progress", "lines");

        Assert.Equal(1, code);
        Assert.Equal($"{output}: error: cannot write: {blocker} is a file, not a folder", err.Trim());
        Assert.Equal("", stdout);
        Assert.False(File.Exists(db), "no store is made for a run that cannot write its output");
    }

    [Fact]
    public void ReviewExportAndReport_ToAPlaceThatCannotBeWritten_AreOneLineEach()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
        var db = Path.Combine(dir, "t.db");
        Assert.Equal(0, Run("extract", Path.Combine(Repo.Samples, "xop-kh-ubnd.txt"), "-o", Path.Combine(dir, "out"), "--db", db).Code);
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "");

        foreach (var args in new[] { new[] { "review", "export" }, ["report"] })
            foreach (var name in new[] { "r.xlsx", "r.csv" }.Take(args[0] == "report" ? 2 : 1))
            {
                var target = Path.Combine(file, name);
                var (code, _, err) = Run([.. args, "-o", target, "--db", db]);
                Assert.Equal(1, code);
                Assert.Equal($"{target}: error: cannot write: {file} is a file, not a folder", err.Trim());
            }
    }

    [Fact]
    public void AnOutputThatCannotBeWritten_IsReportedAsAWriteFailure_AndTheNextRunWritesItFromTheStore()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
        var input = Directory.CreateDirectory(Path.Combine(dir, "in", "sub")).Parent!.FullName;
        File.Copy(Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt"), Path.Combine(input, "kon-chieng-nq-hdnd.txt"));
        File.Copy(Path.Combine(Repo.Samples, "chu-se-kh-hdnd.txt"), Path.Combine(input, "sub", "chu-se-kh-hdnd.txt"));
        var output = Directory.CreateDirectory(Path.Combine(dir, "out")).FullName;
        // the output folder is writable (the probe passes), but where one output must go a file is in the way
        var blocker = Path.Combine(output, "sub");
        File.WriteAllText(blocker, "");
        var db = Path.Combine(dir, "t.db");

        var (code, _, err) = Run("extract", input, "-o", output, "--db", db, "--progress", "lines");

        Assert.Equal(1, code);
        var lost = Path.Combine(output, "sub", "chu-se-kh-hdnd.json");
        Assert.Equal($"{Path.Combine(input, "sub", "chu-se-kh-hdnd.txt")}: error: cannot write {lost}: {blocker} is a file, not a folder", err.Trim());
        Assert.True(File.Exists(Path.Combine(output, "kon-chieng-nq-hdnd.json")));

        File.Delete(blocker);
        var again = Run("extract", input, "-o", output, "--db", db, "--progress", "lines");
        Assert.Equal(0, again.Code);
        Assert.Contains("2 ok (2 unchanged", again.Out);
        Assert.True(File.Exists(lost));
    }

    [Fact]
    public void Validate_AnApprovedFileThatIsNotJson_IsOneLine_AndTheOthersAreStillChecked()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
        var expected = Directory.CreateDirectory(Path.Combine(dir, "expected")).FullName;
        var approved = Path.Combine(Repo.Root, "tests", "Ingest.Integration.Tests", "Approved");
        string[] plans = ["chu-se-kh-hdnd.txt", "kon-chieng-nq-hdnd.txt", "xop-kh-ubnd.txt"];
        foreach (var p in plans) File.Copy(Path.Combine(approved, p + ".approved.json"), Path.Combine(expected, p + ".approved.json"));
        var broken = Path.Combine(expected, "kon-chieng-nq-hdnd.txt.approved.json");
        File.WriteAllText(broken, "not json\n");

        var (code, stdout, err) = Run(["validate", .. plans.Select(p => Path.Combine(Repo.Samples, p)), "--expected", expected, "--jobs", "1"]);

        Assert.Equal(1, code);
        Assert.Equal("", err);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{Path.Combine(Repo.Samples, "kon-chieng-nq-hdnd.txt")}: error: {broken}: not JSON (line 1, byte 2)", Assert.Single(lines, l => l.Contains("kon-chieng")));
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(Repo.Samples, "chu-se-kh-hdnd.txt") + ": ok", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(Path.Combine(Repo.Samples, "xop-kh-ubnd.txt") + ": ok", StringComparison.Ordinal));
        Assert.Equal("2 of 3 documents as expected, 1 not", lines[^1]);
    }
}
