using Ingest.Core.Output;

namespace Ingest.Core.Tests.Output;

/// <summary>A file that cannot be written is named with a reason a person reads, whoever runs the tests (root included).</summary>
public class WriteFailureTests
{
    public static TheoryData<Exception, string> Errors => new()
    {
        // .NET's message for an errno without its own exception type: strerror, then the (temporary) path
        { new IOException("Read-only file system : '/data/out/.plan.json.4711.0a1b.tmp'", 30), "read-only file system" },
        { new IOException("No space left on device : '/data/out/.plan.json.4711.0a1b.tmp'", 28), "no space left on device" },
        { new IOException("Disk quota exceeded : '/data/out/plan.json'", 122), "disk quota exceeded" },
        { new UnauthorizedAccessException("Access to the path '/data/out/.plan.json.4711.0a1b.tmp' is denied."), "permission denied" },
        { new DirectoryNotFoundException("Could not find a part of the path '/data/out/plan.json'."), "a folder on the path does not exist" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void TheReason_IsWhatWentWrong_WithoutDotNetsWordingOrTheTemporaryName(Exception e, string reason) =>
        Assert.Equal(reason, IoReason.Of(e, Path.Combine(Path.GetTempPath(), "ingest-no-such-dir", "plan.json"), folder: false));

    [Fact]
    public void AFileWhereAFolderShouldBe_IsNamed()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-write-").FullName;
        var file = Path.Combine(dir, "out");
        File.WriteAllText(file, "");
        var e = new DirectoryNotFoundException("Could not find a part of the path.");

        Assert.Equal($"{file} is a file, not a folder", IoReason.Of(e, Path.Combine(file, "a", "plan.json"), folder: false));
        Assert.Equal($"{file} is a file, not a folder", IoReason.Of(e, file, folder: true));
        Assert.Equal($"{dir} is a folder, not a file", IoReason.Of(new IOException("x"), dir, folder: false));
    }

    [Fact]
    public void AtomicWriteUnderAFile_IsAWriteFailure_NamingTheOutput_AndLeavesNoTemporaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("ingest-write-").FullName;
        var blocker = Path.Combine(dir, "sub");
        File.WriteAllText(blocker, "");
        var target = Path.Combine(blocker, "plan.json");

        var e = Assert.Throws<WriteFailure>(() => AtomicFile.Write(target, "{}"));

        Assert.Equal($"cannot write {target}: {blocker} is a file, not a folder", e.Message);
        Assert.Equal([blocker], Directory.GetFileSystemEntries(dir));
    }

    [Theory]
    [InlineData("file")]      // -o names an existing file
    [InlineData("under")]     // -o is below a file: ENOTDIR, which root gets too
    [InlineData("proc")]      // below a file of /proc
    public void AFolderNothingCanBeWrittenTo_IsFoundByTheProbe(string where)
    {
        var dir = Directory.CreateTempSubdirectory("ingest-write-").FullName;
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "");
        var (folder, blocker) = where switch
        {
            "file" => (file, file),
            "under" => (Path.Combine(file, "out"), file),
            _ => ("/proc/version/out", "/proc/version"),
        };

        var e = Assert.Throws<WriteFailure>(() => AtomicFile.ProbeFolder(folder));

        Assert.Equal(folder, e.Path);
        Assert.Equal($"{blocker} is a file, not a folder", e.Reason);
    }

    [Fact]
    public void AWritableFolder_PassesTheProbe_AndIsLeftEmpty()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("ingest-write-").FullName, "new", "out");
        AtomicFile.ProbeFolder(dir);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }
}
