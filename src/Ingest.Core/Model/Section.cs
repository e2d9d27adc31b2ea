namespace Ingest.Core.Model;

/// <summary>
/// A heading, or a lead-in that governs what follows it ("Đến năm 2025, kế hoạch đặt ra các mục
/// tiêu sau:"), and its scope. <see cref="Cues"/> are the time and status cues its title states;
/// <see cref="Year"/> is its deadline, when it names one.
/// </summary>
public sealed record Section(string Number, string Title, int Level, int? Year, int Page, int Line, Section? Parent)
{
    public IReadOnlyList<Cue> Cues { get; init; } = [];

    /// <summary>True for a lead-in paragraph rather than a heading.</summary>
    public bool IsLeadIn { get; init; }

    /// <summary>This section and its ancestors, innermost first.</summary>
    public IEnumerable<Section> Chain()
    {
        for (var s = this; s != null; s = s.Parent) yield return s;
    }

    /// <summary>The number of the deepest numbered heading on the path, for the "section" field.</summary>
    public string Path => Number.Length > 0 ? Number : Parent?.Path ?? "";
}
