using System.CommandLine;
using Ingest.Cli.Commands;

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
        return parsed.Invoke();
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int Usage = 2;
}
