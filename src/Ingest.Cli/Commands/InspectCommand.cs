using System.CommandLine;
using System.Globalization;
using Ingest.Core.Model;
using Ingest.Core.Stages.Load;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest inspect FILE`: what the loader read, block by block (page, line, OCR confidence, text;
/// tables cell by cell), for a reviewer who wants to see why a target was or was not found.
/// </summary>
public static class InspectCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "One plan file." };
        var cmd = new Command("inspect", "Print the document as loaded (after OCR, before repair): blocks, lines, tables.") { file };
        cmd.SetAction(p => Run(p.GetValue(file)!));
        return cmd;
    }

    private static int Run(FileInfo file)
    {
        using var composition = Composition.Default();
        LoadedDocument doc;
        try { doc = new DocumentLoader(composition.Readers, new LoadOptions()).Load(file.FullName, CancellationToken.None); }
        catch (DocumentFailure f)
        {
            Console.Error.WriteLine($"{file}: error: {f.Message}");
            return ExitCodes.SomeFailed;
        }
        foreach (var d in doc.Diagnostics) Console.WriteLine($"# {d.Severity.ToString().ToLowerInvariant()}: {d.Message}");
        foreach (var block in doc.Blocks)
        {
            switch (block)
            {
                case TextBlock t:
                    foreach (var l in t.Lines) Console.WriteLine(Line(l, ""));
                    break;
                case TableBlock table:
                    Console.WriteLine($"[table, page {table.FirstPage}, {table.Rows.Count} rows]");
                    foreach (var (row, r) in table.Rows.Select((row, r) => (row, r)))
                        Console.WriteLine($"  row {r + 1}{(row.IsHeader ? " (header)" : "")}: " +
                            string.Join(" | ", row.Cells.Select(c => c.Text)));
                    break;
            }
        }
        return ExitCodes.Ok;
    }

    private static string Line(SourceLine l, string indent) =>
        string.Create(CultureInfo.InvariantCulture, $"{indent}{l.Page,3}:{l.LineNumber,-3} {(l.OcrConfidence is { } c ? $"[{c,3:0}] " : "")}{l.Text}");
}
