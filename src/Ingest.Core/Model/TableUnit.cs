namespace Ingest.Core.Model;

/// <summary>What a table column holds, read from its header.</summary>
public enum ColumnRole { Other, Number, Indicator, Unit, Result, Owner, Time, Notes }

/// <summary>A column of a structured table: its role and, for one-column-per-year tables, its year.</summary>
public sealed record TableColumn(int Index, ColumnRole Role, int? Year, string Header)
{
    /// <summary>The time and status cues of the column's header ("Thực hiện năm 2024", "Kế hoạch 2025").</summary>
    public IReadOnlyList<Cue> Cues { get; init; } = [];

    /// <summary>True when the header cell spans several columns ("Lộ trình thực hiện" over the year columns).</summary>
    public bool Spanning { get; init; }
}

/// <summary>A table with its column roles and the section it sits in.</summary>
public sealed record StructuredTable(TableBlock Table, IReadOnlyList<TableColumn> Columns, int HeaderRows, Section? Section);
