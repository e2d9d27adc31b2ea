namespace Ingest.Core.Model;

/// <summary>
/// A heading and its scope. <see cref="Year"/> is set when the heading itself names a deadline
/// ("Đến hết năm 2025"); <see cref="EffectiveYear"/> walks up to the nearest heading that does.
/// </summary>
public sealed record Section(string Number, string Title, int Level, int? Year, int Page, int Line, Section? Parent)
{
    public int? EffectiveYear => Year ?? Parent?.EffectiveYear;

    /// <summary>The number of the deepest numbered heading on the path, for the "section" field.</summary>
    public string Path => Number.Length > 0 ? Number : Parent?.Path ?? "";
}
