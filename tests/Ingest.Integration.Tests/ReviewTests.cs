using Ingest.Adapters.OpenXml;
using Ingest.Core.Contract;
using Ingest.Core.Reports;
using Ingest.Integration.Tests.Support;

namespace Ingest.Integration.Tests;

/// <summary>The reviewers' round trip: export → decide in the workbook → import → report and JSON show it, and keep showing it.</summary>
public class ReviewTests
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ingest-review-");

    private string Db => Path.Combine(_dir.FullName, "t.db");

    private string Extract(params string[] extra)
    {
        var output = Path.Combine(_dir.FullName, "out");
        var r = CliTests.Run(["extract", Path.Combine(Repo.Samples, "xop-kh-ubnd.txt"), "-o", output, "--db", Db, "--progress", "lines", .. extra]);
        Assert.True(r.Code == 0, r.Err);
        return Path.Combine(output, "xop-kh-ubnd.json");
    }

    private Sheet ExportWholeDocument(string path)
    {
        var r = CliTests.Run("review", "export", "-o", path, "--db", Db, "--document", "xop-kh-ubnd.txt");
        Assert.True(r.Code == 0, r.Err);
        return Assert.Single(new XlsxWorkbook().Read(path));
    }

    private static Sheet Fill(Sheet sheet, params (int Row, string Column, object Value)[] cells)
    {
        var rows = sheet.Rows.Select(r => r.Concat(Enumerable.Repeat<object?>(null, sheet.Header.Count - r.Count)).ToArray()).ToList();
        foreach (var (row, column, value) in cells) rows[row][sheet.Header.ToList().IndexOf(column)] = value;
        return sheet with { Rows = rows };
    }

    [Fact]
    public void ExportEditImport_ShowsTheCorrectionsInTheReportAndTheJson_AndTheySurviveReruns()
    {
        var json = Extract();
        var before = ContractReader.Parse(File.ReadAllText(json)).Targets;
        var workbook = Path.Combine(_dir.FullName, "review.xlsx");
        var sheet = ExportWholeDocument(workbook);
        Assert.Equal(before.Count, sheet.Rows.Count);
        string KeyOf(int row) => (string)sheet.Rows[row][sheet.Header.ToList().IndexOf("Key")]!;

        // row 0 corrected (value and comparator, Vietnamese decimal comma), row 1 rejected, row 2 accepted
        var edited = Fill(sheet,
            (0, "Decision", "correct"), (0, "Corrected value", "75,5"), (0, "Corrected comparator", "≥"), (0, "Reviewer", "Lan"),
            (1, "Decision", "reject"), (1, "Note", "a legal reference, not a target"),
            (2, "Decision", "Accept"));
        new XlsxWorkbook().Write(workbook, [edited]);
        var import = CliTests.Run("review", "import", workbook, "--db", Db, "--reviewer", "Minh");
        Assert.True(import.Code == 0, import.Err);
        Assert.Contains("3 decisions stored (1 accepted, 1 corrected, 1 rejected)", import.Out);

        var report = Path.Combine(_dir.FullName, "report.xlsx");
        Assert.Equal(0, CliTests.Run("report", "-o", report, "--db", Db).Code);
        using (var check = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(report, false))
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(check));
        var targets = new XlsxWorkbook().Read(report).Single(s => s.Name == "Targets");
        var h = targets.Header.ToList();
        var byKey = targets.Rows.ToDictionary(r => (string)r[h.IndexOf("Key")]!);
        Assert.Equal(75.5, byKey[KeyOf(0)][h.IndexOf("Value")]);
        Assert.Equal(">=", byKey[KeyOf(0)][h.IndexOf("Comparator")]);
        Assert.Equal("correct", byKey[KeyOf(0)][h.IndexOf("Review")]);
        Assert.DoesNotContain(KeyOf(1), byKey.Keys);
        Assert.Equal("accept", byKey[KeyOf(2)][h.IndexOf("Review")]);
        Assert.Equal(before.Count - 1, targets.Rows.Count);

        // the next extract, unchanged or forced, writes the decisions into the JSON
        foreach (var rerun in new[] { Array.Empty<string>(), ["--force"] })
        {
            var doc = ContractReader.Parse(File.ReadAllText(Extract(rerun)));
            var first = Assert.Single(doc.Targets, t => t.Key == KeyOf(0));
            Assert.Equal((75.5, ">=", "correct", false), (first.Value, first.Comparator, first.Review, first.NeedsReview));
            Assert.DoesNotContain(doc.Targets, t => t.Key == KeyOf(1));
            Assert.Contains("\"by\": \"Lan\"", File.ReadAllText(json));
            Assert.Contains("\"by\": \"Minh\"", File.ReadAllText(json));
        }
    }

    [Fact]
    public void MalformedReviewFile_IsRejectedWithRowAndReason_AndStoresNothing()
    {
        var json = Extract();
        var original = File.ReadAllText(json);
        var workbook = Path.Combine(_dir.FullName, "review.xlsx");
        var sheet = ExportWholeDocument(workbook);
        var edited = Fill(sheet,
            (0, "Decision", "accept"),
            (1, "Decision", "correct"), (1, "Corrected value", "bảy mươi"),
            (2, "Decision", "maybe"),
            (3, "Decision", "correct"), (3, "Corrected code", "NO.SUCH_CODE"),
            (4, "Decision", "correct"));
        new XlsxWorkbook().Write(workbook, [edited]);

        var r = CliTests.Run("review", "import", workbook, "--db", Db);

        Assert.Equal(1, r.Code);
        Assert.Contains("row 3: corrected value 'bảy mươi': is not a number", r.Err);
        Assert.Contains("row 4: decision 'maybe' is not accept, correct or reject", r.Err);
        Assert.Contains("row 5: corrected code 'NO.SUCH_CODE': is not a catalogue code", r.Err);
        Assert.Contains("row 6: decision is 'correct' but no corrected field is filled", r.Err);
        Assert.Contains("nothing stored", r.Err);
        // row 2 was fine, but a bad file stores nothing: the JSON stays as it was
        Assert.Equal(original, File.ReadAllText(Extract()));
    }

    [Fact]
    public void ReviewFileOfAnotherStore_NamesTheUnknownTarget()
    {
        Extract();
        var workbook = Path.Combine(_dir.FullName, "review.xlsx");
        var sheet = ExportWholeDocument(workbook);
        new XlsxWorkbook().Write(workbook, [Fill(sheet, (0, "Decision", "accept"), (0, "Key", "000000000000"))]);

        var r = CliTests.Run("review", "import", workbook, "--db", Db);

        Assert.Equal(1, r.Code);
        Assert.Contains("row 2: no target 000000000000 in document", r.Err);
    }
}
