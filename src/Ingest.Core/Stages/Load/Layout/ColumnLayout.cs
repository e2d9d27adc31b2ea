namespace Ingest.Core.Stages.Load.Layout;

/// <summary>Column boundaries of a table, carried to the next page when the table runs on without a header.</summary>
public sealed record ColumnLayout(IReadOnlyList<double> Separators)
{
    /// <summary>Cells set at the top of their row (Word's default): a row's first lines stand level with its number.</summary>
    public bool TopAligned { get; init; }

    public int Count => Separators.Count + 1;

    public int ColumnOf(double x)
    {
        int c = 0;
        while (c < Separators.Count && x > Separators[c]) c++;
        return c;
    }
}
