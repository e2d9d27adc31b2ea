namespace Ingest.Core.Reports;

/// <summary>
/// A table for a spreadsheet or CSV: a name, a header and rows of cells. A cell is a string, a
/// number (double or int), a bool or null (empty); writers keep numbers as numbers.
/// </summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows);

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
