using Ingest.Core.Lexicons;
using Ingest.Core.Model;
using Ingest.Core.Stages.Scope;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Structure;

/// <summary>
/// What one header cell says: the column's role, its year, and its time and status cues.
/// <see cref="Named"/>: the role comes from the lexicon's header words ("STT", "Chỉ tiêu"), not
/// from a year or a status alone, which prose set in columns can have too.
/// </summary>
public sealed record HeaderCell(ColumnRole Role, int? Year, IReadOnlyList<Cue> Cues, bool Named = false);

/// <summary>
/// The one recogniser of table header cells, shared by every table source (Word tables, tables
/// rebuilt from PDF or OCR geometry, tables flattened one cell per line in text). A cell that
/// names a year ("Năm 2026", "Thực hiện năm 2024", "2030") is a result column with that year;
/// otherwise the lexicon's header words give the role ("STT", "Chỉ tiêu", "Đơn vị tính", "Ghi chú").
/// </summary>
public sealed class TableHeaderRecogniser(Lexicon lexicon, CueFinder cueFinder)
{
    private readonly (ColumnRole Role, string[] Words)[] _roles =
    [
        (ColumnRole.Number, Fold(lexicon, "number")),
        (ColumnRole.Unit, Fold(lexicon, "unit")),
        (ColumnRole.Notes, Fold(lexicon, "notes")),
        (ColumnRole.Owner, Fold(lexicon, "owner")),
        (ColumnRole.Time, Fold(lexicon, "time")),
        (ColumnRole.Indicator, Fold(lexicon, "indicator")),
        (ColumnRole.Result, Fold(lexicon, "result")),
    ];

    private static string[] Fold(Lexicon l, string key) =>
        l.TableHeaders.TryGetValue(key, out var words) ? words.Select(VietText.Fold).OrderByDescending(w => w.Length).ToArray() : [];

    public HeaderCell Recognise(string text)
    {
        // marks before the words are a border or specks OCR read ("'Thực hiện", ".. Chỉ tiêu")
        var folded = VietText.Fold(text).TrimStart(' ', '\'', '`', '.', ',', ':', ';', '-', '—', '_', '|', '"', '“').Trim().TrimEnd(':', '.');
        var cues = cueFinder.ColumnCues(text);
        if (cues.FirstOrDefault(c => c.Year != null) is { } y && folded.Length <= 40 && !folded.Contains('%'))
            return new HeaderCell(ColumnRole.Result, y.Year, cues);
        foreach (var (role, words) in _roles)
            if (words.Any(w => VietText.StartsWithWordSpacesAside(folded, w)))
                return new HeaderCell(role, null, cues, Named: true);
        // "Thực hiện đến 30/9/2025", "Hiện trạng": a column of figures by what it states
        if (cues.Any(c => c.IsStatus) && folded.Length <= 40) return new HeaderCell(ColumnRole.Result, cues.FirstOrDefault(c => c.Year != null)?.Year, cues);
        return new HeaderCell(ColumnRole.Other, null, cues);
    }
}
