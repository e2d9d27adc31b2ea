using System.CommandLine;
using Ingest.Adapters.OpenXml;
using Ingest.Core.Catalogue;
using Ingest.Core.Reports;
using Ingest.Core.Review;
using Ingest.Core.Store;

namespace Ingest.Cli.Commands;

/// <summary>`ingest review export` and `ingest review import`: the reviewers' round trip through a workbook.</summary>
public static class ReviewCommand
{
    public static Command Build()
    {
        var cmd = new Command("review", "Review targets: on a local web page (serve), or through a workbook (export, then import the decisions).");
        cmd.Subcommands.Add(Export());
        cmd.Subcommands.Add(Import());
        cmd.Subcommands.Add(ReviewServeCommand.Build());
        return cmd;
    }

    private static Command Export()
    {
        var output = new Option<string>("--output", "-o") { Description = "The review workbook (.xlsx) to write.", Required = true };
        var document = new Option<string[]>("--document")
        {
            Description = "Also list every target of this document (its path, file name or SHA-256 prefix); repeatable. With it, only these documents are exported.",
            AllowMultipleArgumentsPerToken = true,
        };
        var db = StoreOptions.Db();
        var cmd = new Command("export", "Write the targets that need review, with their source lines and columns for decisions.") { output, document, db };
        cmd.SetAction(p =>
        {
            using var store = StoreOptions.OpenExisting(p.GetValue(db)!);
            if (store == null) return ExitCodes.Usage;
            var wanted = p.GetValue(document) ?? [];
            var docs = ReviewedDocuments.Load(store);
            Func<ReportedDocument, bool>? only = wanted.Length == 0 ? null : d => wanted.Any(w => Names(d, w));
            if (only != null && !docs.Any(only))
            {
                Console.Error.WriteLine($"ingest: no stored document matches {string.Join(", ", wanted)}");
                return ExitCodes.SomeFailed;
            }
            var sheet = new ReviewSheet(IndicatorCatalogue.Default).Export(docs, only);
            new XlsxWorkbook().Write(p.GetValue(output)!, [sheet]);
            Console.WriteLine($"{p.GetValue(output)}: {sheet.Rows.Count} targets to review");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("workbook") { Description = "A review workbook made by 'ingest review export', with decisions filled in." };
        var reviewer = new Option<string>("--reviewer") { Description = "Who decided, for rows whose Reviewer cell is empty (default: the login name)." };
        var db = StoreOptions.Db();
        var cmd = new Command("import", "Check and store the decisions of a review workbook; a file with any bad row stores nothing.") { file, reviewer, db };
        cmd.SetAction(p =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path}: error: no such file");
                return ExitCodes.SomeFailed;
            }
            using var store = StoreOptions.OpenExisting(p.GetValue(db)!);
            if (store == null) return ExitCodes.Usage;
            Sheet sheet;
            try
            {
                sheet = new XlsxWorkbook().Read(path.FullName).FirstOrDefault(s => s.Name == ReviewSheet.SheetName)
                    ?? throw new InvalidDataException($"no sheet named '{ReviewSheet.SheetName}'");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path}: error: {e.Message}");
                return ExitCodes.SomeFailed;
            }
            var who = p.GetValue(reviewer) ?? Environment.UserName;
            var (decisions, errors) = new ReviewSheet(IndicatorCatalogue.Default).Import(sheet, store.HasTarget, who, DateTimeOffset.UtcNow);
            if (errors.Count > 0)
            {
                foreach (var e in errors) Console.Error.WriteLine($"{path}: {e}");
                Console.Error.WriteLine($"{path}: nothing stored ({errors.Count} problems)");
                return ExitCodes.SomeFailed;
            }
            store.SaveDecisions(decisions);
            Console.WriteLine($"{path}: {decisions.Count} decisions stored ({decisions.Count(d => d.Verdict == ReviewVerdict.Accept)} accepted, " +
                $"{decisions.Count(d => d.Verdict == ReviewVerdict.Correct)} corrected, {decisions.Count(d => d.Verdict == ReviewVerdict.Reject)} rejected)");
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static bool Names(ReportedDocument d, string wanted) =>
        d.Source.Path == wanted || Path.GetFileName(d.Source.Path) == wanted
        || wanted.Length >= 8 && d.Source.Sha256?.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) == true;
}
