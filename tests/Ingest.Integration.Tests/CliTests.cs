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
}
