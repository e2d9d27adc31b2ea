using System.CommandLine;
using System.Text;
using Ingest.Core.Model;
using Ingest.Core.Pipeline;
using Ingest.Core.Stages.Load;
using Ingest.Core.Stages.Repair;

namespace Ingest.Cli.Commands;

/// <summary>
/// `ingest repair FILE`: the repaired text, and nothing else, on standard output, line for line
/// (a quick check for a user, a reviewer's tool, what the evaluation scripts call).
/// </summary>
public static class RepairCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "A text file (UTF-8 or UTF-16; legacy TCVN3/VNI text is detected)." };
        var model = new Option<FileInfo?>("--model") { Description = "Repair model (default: models/repair.bin next to the program)." };
        var cmd = new Command("repair", "Write the repaired text of FILE to standard output, line for line.") { file, model };
        cmd.SetAction(p => Run(p.GetValue(file)!, p.GetValue(model)));
        return cmd;
    }

    private static int Run(FileInfo file, FileInfo? modelFile)
    {
        string text;
        try { text = PlainTextReader.Decode(File.ReadAllBytes(file.FullName)); }
        catch (Exception e) when (e is DocumentFailure or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{file}: error: {e.Message}");
            return ExitCodes.SomeFailed;
        }
        var repairer = RepairModels.Load(modelFile?.FullName);
        if (repairer == null) return ExitCodes.SomeFailed;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length > 0 && lines[^1].Length == 0) lines = lines[..^1];
        var settings = PipelineSettings.Default([], repairer);
        var (repaired, _, _) = new RepairStage(settings.Encodings, settings.Repairer).RepairLines(lines);
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
        foreach (var l in repaired) stdout.WriteLine(l);
        stdout.Flush();
        return ExitCodes.Ok;
    }
}

/// <summary>Finds and loads the repair model, reporting a missing or unreadable one on stderr.</summary>
public static class RepairModels
{
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", RepairModel.DefaultFileName);

    public static NoisyChannelRepairer? Load(string? path)
    {
        path ??= DefaultPath;
        try { return new NoisyChannelRepairer(RepairModel.Load(path)); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or EndOfStreamException)
        {
            Console.Error.WriteLine($"{path}: error: cannot load the repair model ({e.Message}); damaged Vietnamese will not be repaired. Rebuild it with 'ingest train-repair'.");
            return null;
        }
    }
}
