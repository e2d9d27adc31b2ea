namespace Ingest.Core.Model;

public enum Severity { Info, Warning, Error }

/// <summary>Something a stage wants the user to know, instead of throwing (page 0 = whole document).</summary>
public sealed record Diagnostic(Severity Severity, string Stage, string Message, int Page = 0);
