namespace Ingest.Core.Reports;

/// <summary>
/// A table for a spreadsheet or CSV: a name, a header and rows of cells. A cell is a string, a
/// number (double or int), a bool or null (empty); writers keep numbers as numbers and write a
/// bool as <see cref="YesNo"/>.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>
    /// Columns a workbook folds away (hidden, one click on the outline's "+" shows them), each
    /// beside the column it backs, such as a number kept to sort by next to the text a person reads.
    /// A CSV has them as plain columns.
    /// </summary>
    public IReadOnlyList<int> Folded { get; init; } = [];

    // what a person reads in a cell; 1/0 or TRUE/FALSE read as numbers or code
    public static string YesNo(bool value) => value ? "Yes" : "No";
}

/// <summary>Writes sheets to a workbook file (xlsx).</summary>
public interface IWorkbookWriter
{
    void Write(string path, IReadOnlyList<Sheet> sheets);
}

/// <summary>Reads the sheets of a workbook file back, first row as the header.</summary>
public interface IWorkbookReader
{
    IReadOnlyList<Sheet> Read(string path);
}
