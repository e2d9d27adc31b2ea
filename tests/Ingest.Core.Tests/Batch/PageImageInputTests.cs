using Ingest.Core.Batch;
using Ingest.Core.Stages.Load;

namespace Ingest.Core.Tests.Batch;

/// <summary>Photos of a plan's pages found in a folder are one document, pages in number order; other files stay themselves.</summary>
public sealed class PageImageInputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ingest-pages-");

    public void Dispose() => _dir.Delete(true);

    private string Folder(string name, params string[] files)
    {
        var dir = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(dir);
        foreach (var f in files) File.WriteAllText(Path.Combine(dir, f), f);
        return dir;
    }

    /// <summary>The inputs as "output: file file …".</summary>
    private static string[] Show(IReadOnlyList<BatchInput> inputs) =>
        inputs.Select(i => $"{i.OutputName}: {string.Join(' ', i.Files.Select(Path.GetFileName))}").Order(StringComparer.Ordinal).ToArray();

    [Theory]
    // numbered after a separator or a page word: one document, named by the stem, pages in number order (p2 before p10)
    [InlineData("plan-p01.jpg,plan-p02.jpg,plan-p03.jpg", "plan.json: plan-p01.jpg plan-p02.jpg plan-p03.jpg")]
    [InlineData("plan-p10.jpg,plan-p2.jpg,plan-p1.jpg", "plan.json: plan-p1.jpg plan-p2.jpg plan-p10.jpg")]
    [InlineData("plan_1.png,plan_2.png", "plan.json: plan_1.png plan_2.png")]
    [InlineData("ke hoach page2.jpeg,ke hoach page1.JPG", "ke hoach.json: ke hoach page1.JPG ke hoach page2.jpeg")]
    // the names are page numbers alone: the folder names the document
    [InlineData("page1.jpg,page2.jpg", "photos.json: page1.jpg page2.jpg")]
    [InlineData("01.jpg,02.jpg", "photos.json: 01.jpg 02.jpg")]
    // another picture beside the pages stays itself, and so does a single page image
    [InlineData("plan-p01.jpg,plan-p02.jpg,other.jpg", "other.json: other.jpg|plan.json: plan-p01.jpg plan-p02.jpg")]
    [InlineData("plan-p01.jpg", "plan-p01.json: plan-p01.jpg")]
    // another format is another picture, and a PDF or text is never a page
    [InlineData("plan-p01.jpg,plan-p02.png", "plan-p01.json: plan-p01.jpg|plan-p02.json: plan-p02.png")]
    [InlineData("plan-1.pdf,plan-2.pdf", "plan-1.json: plan-1.pdf|plan-2.json: plan-2.pdf")]
    // a number without a separator is part of a name ("ct05" is not page 5 of "ct"); two stems are two documents
    [InlineData("ct05.jpg,ct06.jpg", "ct05.json: ct05.jpg|ct06.json: ct06.jpg")]
    [InlineData("a-p1.jpg,a-p2.jpg,b-p1.jpg,b-p2.jpg", "a.json: a-p1.jpg a-p2.jpg|b.json: b-p1.jpg b-p2.jpg")]
    public void Page_images_of_a_folder_are_grouped_by_stem(string files, string expected)
    {
        var dir = Folder("photos", files.Split(','));
        var inputs = InputExpander.Expand([dir], []);
        Assert.Equal(expected.Split('|'), Show(inputs));
    }

    [Fact]
    public void Each_image_keeps_one_page_plans_named_like_pages_apart()
    {
        var dir = Folder("communes", "xa-1.jpg", "xa-2.jpg");

        Assert.Equal(["xa.json: xa-1.jpg xa-2.jpg"], Show(InputExpander.Expand([dir], [])));
        Assert.Equal(["xa-1.json: xa-1.jpg", "xa-2.json: xa-2.jpg"], Show(InputExpander.Expand([dir], [], images: ImageGrouping.EachImage)));
    }

    [Fact]
    public void A_page_the_numbers_skip_is_a_warning_and_the_rest_is_one_document()
    {
        var dir = Folder("photos", "plan-p01.jpg", "plan-p03.jpg", "plan-p04.jpg", "plan-p06.jpg");
        var input = Assert.Single(InputExpander.Expand([dir], []));
        Assert.Equal(["pages 2, 5 are missing from the page images (plan-p01.jpg … plan-p06.jpg)"], input.Warnings);
        Assert.Equal(4, input.Files.Count);
    }

    [Fact]
    public void As_document_makes_the_images_given_by_name_one_document_in_natural_order()
    {
        var dir = Folder("scans", "scan 10.png", "scan 2.png", "scan 1.png", "notes.txt");
        var files = new[] { "scan 10.png", "scan 2.png", "scan 1.png", "notes.txt" }.Select(f => Path.Combine(dir, f));
        var inputs = InputExpander.Expand(files, [], images: ImageGrouping.OneDocument);
        Assert.Equal(["notes.json: notes.txt", "scan.json: scan 1.png scan 2.png scan 10.png"], Show(inputs));
        // without it, a number after a separator groups them all the same; names without a page number only with it
        var mixed = new[] { "front.jpg", "back.jpg" }.Select(f => Path.Combine(Folder("two", "front.jpg", "back.jpg"), f)).ToList();
        Assert.Equal(2, InputExpander.Expand(mixed, []).Count);
        Assert.Equal(["two.json: back.jpg front.jpg"], Show(InputExpander.Expand([Path.GetDirectoryName(mixed[0])!], [], images: ImageGrouping.OneDocument)));
    }

    [Fact]
    public void The_content_hash_is_over_every_page_in_order_and_one_file_keeps_its_own()
    {
        var dir = Folder("h", "a-p1.jpg", "a-p2.jpg");
        var (p1, p2) = (Path.Combine(dir, "a-p1.jpg"), Path.Combine(dir, "a-p2.jpg"));
        Assert.Equal(ContentHash.Of(p1), ContentHash.Of([p1]));
        Assert.NotEqual(ContentHash.Of([p1, p2]), ContentHash.Of([p2, p1]));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p1).Concat(File.ReadAllBytes(p2)).ToArray())), ContentHash.Of([p1, p2]));
    }
}
