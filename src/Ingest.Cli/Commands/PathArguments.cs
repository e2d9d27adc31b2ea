using System.CommandLine;

namespace Ingest.Cli.Commands;

/// <summary>Paths given on the command line.</summary>
public static class PathArguments
{
    /// <summary>
    /// A token that looks like an option ("--bogus") and names no file is a mistyped option, not an
    /// input: the command is refused as bad usage before anything is processed.
    /// </summary>
    public static Argument<string[]> RejectingUnknownOptions(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                    result.AddError($"unknown option '{token.Value}'");
        });
        return argument;
    }
}
