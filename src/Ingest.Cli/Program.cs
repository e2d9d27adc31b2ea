using System.CommandLine;
using Ingest.Cli.Commands;
using Ingest.Core.Output;
using Ingest.Core.Store;

namespace Ingest.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Ingest: reads Vietnamese Resolution 57 action plans (text, PDF, Word) and writes their targets as JSON.");
        root.Subcommands.Add(ExtractCommand.Build());
        root.Subcommands.Add(ReportCommand.Build());
        root.Subcommands.Add(ReviewCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(InspectCommand.Build());
        root.Subcommands.Add(MatchCheckCommand.Build());
        root.Subcommands.Add(RepairCommand.Build());
        root.Subcommands.Add(TrainRepairCommand.Build());
        root.Subcommands.Add(TrainConfidenceCommand.Build());
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine($"ingest: {e.Message}");
            Console.Error.WriteLine("Try 'ingest --help'.");
            return ExitCodes.Usage;
        }
        try { return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }); }
        catch (Exception e) when (OneLine(e) is { } line)
        {
            Console.Error.WriteLine(line);
            return ExitCodes.SomeFailed;
        }
        catch (Exception e)
        {
            // a bug: the whole story, as System.CommandLine's own handler would print it
            Console.Error.WriteLine($"Unhandled exception: {e}");
            return ExitCodes.SomeFailed;
        }
    }

    /// <summary>
    /// The one place a file a command could not read or write ends it: one line naming the path and
    /// the reason, not a stack trace. Commands catch what they can go on after (one bad document).
    /// </summary>
    private static string? OneLine(Exception e) => e switch
    {
        AggregateException { InnerExceptions: [var only] } => OneLine(only),
        WriteFailure w => $"{w.Path}: error: cannot write: {w.Reason}",
        // "STORE: database is busy: ..."
        StoreBusyException => $"ingest: {e.Message}",
        IOException or UnauthorizedAccessException => $"ingest: error: {e.Message.Split('\n')[0]}",
        _ => null,
    };
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;
}
