using System.CommandLine;
using Ingest.Adapters.OpenXml;
using Ingest.Core.Catalogue;
using Ingest.Core.Reports;
using Ingest.Core.Store;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest report -o targets.xlsx` (or .csv): the analysts' workbook from the store, review
/// decisions applied. A .csv output writes the targets to the file named and the other two
/// tables beside it (NAME.comparison.csv, NAME.documents.csv).
/// </summary>
public static class ReportCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--output", "-o") { Description = "The report: a .xlsx workbook, or .csv files.", Required = true };
        var db = StoreOptions.Db();
        var cmd = new Command("report", "Write every stored target, a comparison by indicator and year, and the documents' status.") { output, db };
        cmd.SetAction(p => Run(p.GetValue(output)!, p.GetValue(db)!));
        return cmd;
    }

    private static int Run(string output, string dbPath)
    {
        var ext = Path.GetExtension(output).ToLowerInvariant();
        if (ext is not (".xlsx" or ".csv"))
        {
            Console.Error.WriteLine($"ingest: {output}: the report is written as .xlsx or .csv");
            return ExitCodes.Usage;
        }
        using var store = StoreOptions.OpenExisting(dbPath);
        if (store == null) return ExitCodes.Usage;
        var documents = ReviewedDocuments.Load(store);
        var sheets = new ReportBuilder(IndicatorCatalogue.Default).Build(documents);
        if (ext == ".xlsx") new XlsxWorkbook().Write(output, sheets);
        else
        {
            var stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, Path.GetFileNameWithoutExtension(output));
            CsvWriter.Write(output, sheets[0]);
            foreach (var s in sheets.Skip(1)) CsvWriter.Write($"{stem}.{s.Name.ToLowerInvariant()}.csv", s);
        }
        Console.WriteLine($"{output}: {sheets[0].Rows.Count} targets of {documents.Count(d => d.Result != null)} documents ({documents.Count(d => d.Result == null)} failed) in {PlanGrouping.Group(documents).Count} plans");
        return ExitCodes.Ok;
    }
}
