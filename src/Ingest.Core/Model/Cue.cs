namespace Ingest.Core.Model;

/// <summary>What a cue says about the values it governs.</summary>
public enum CueKind
{
    /// <summary>A deadline year ("đến năm 2027", "giai đoạn 2026 - 2030", "trước 31/12/2027").</summary>
    Deadline,
    /// <summary>The target recurs every year ("hằng năm", "bình quân mỗi năm").</summary>
    Annual,
    /// <summary>The figure describes the present ("hiện nay", "tính đến ngày 30/9/2025", "Kết quả đạt được").</summary>
    Baseline,
    /// <summary>The figure is to be reached ("phấn đấu", "mục tiêu", a column "Kế hoạch năm 2025").</summary>
    Target,
}

/// <summary>
/// How a deadline year was written. A bare "2030" and a date standing alone ("ngày 22/12/2024", the
/// document's own or a decree's) govern only where a table header gives them meaning.
/// </summary>
public enum YearForm { Lead, Period, Plain, Bare, Date }

/// <summary>
/// A phrase that decides time or status for the values it governs: where it is in its text, what
/// it says, its year when it names one, and the words as written (shown to reviewers).
/// </summary>
public sealed record Cue(int Start, int End, CueKind Kind, int? Year, string Phrase, YearForm Form = YearForm.Lead)
{
    public bool IsTime => Kind is CueKind.Deadline or CueKind.Annual;
    public bool IsStatus => Kind is CueKind.Baseline or CueKind.Target;

    /// <summary>True for a cue at the very start of its text ("Năm 2030: …"), which frames what follows.</summary>
    public bool OpensText => Start <= 2;

    /// <summary>
    /// A status word that names the present ("hiện nay", "đến nay"): its figure is of the document's
    /// date, whatever year an earlier sentence or a heading named.
    /// </summary>
    public bool Present { get; init; }

    /// <summary>
    /// A deadline named from the document's year ("năm nay" 0, "năm tới" 1) rather than by its
    /// number: its <see cref="Year"/> is null until the resolver, which knows the document's year, sets it.
    /// </summary>
    public int? YearsFromDocument { get; init; }

    /// <summary>A deadline in the year that frames the text, named without it ("đến cuối năm", "quý IV"): set by the resolver.</summary>
    public bool InFramedYear { get; init; }

    /// <summary>
    /// A term of office named by its years ("Nhiệm kỳ 2020 - 2025, …"): one that ends by the
    /// document's year is the term under review, and what it frames is that term's results.
    /// </summary>
    public bool NamesATerm { get; init; }

    /// <summary>A year or date with no words to say what it is: meaningful only under a table header.</summary>
    public bool Standalone => Form is YearForm.Bare or YearForm.Date;
}
