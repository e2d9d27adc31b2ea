using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Lexicons;

public sealed record PhraseValue(string Phrase, string Cmp);
public sealed record CountNoun(string Noun, string Unit);
/// <summary>A multiple of a level: the word before the figure and the unit after it ("gấp 2 lần").</summary>
public sealed record Multiple(string Lead, string Unit);
/// <summary>
/// A year named without its number: from the document's own ("năm nay" 0, "năm tới" 1), or, with no
/// offset, the year that frames the text ("đến cuối năm", "quý IV" under "Phương hướng năm 2026").
/// </summary>
public sealed record RelativeYear(string Phrase, int? Offset);
public sealed record HeadingKeyword(string Word, int Rank);

/// <summary>
/// The Vietnamese words the stages rely on, read from models/lexicon.vi.json.
/// Keeping them in data lets a linguist extend the pipeline without touching code.
/// </summary>
public sealed record Lexicon
{
    public required IReadOnlyList<PhraseValue> ComparatorsBefore { get; init; }
    public required IReadOnlyList<PhraseValue> ComparatorsAfter { get; init; }
    public required IReadOnlyList<string> RangeOpeners { get; init; }
    public required IReadOnlyList<string> RangeJoiners { get; init; }
    /// <summary>Words that take a level up to a new one after "từ" ("tăng từ 70% lên 85%"): the first figure is where it starts.</summary>
    public required IReadOnlyList<string> RiseWords { get; init; }
    public required IReadOnlyList<string> PlainValueVerbs { get; init; }
    public required IReadOnlyList<string> PercentWords { get; init; }
    public required IReadOnlyList<string> RankWords { get; init; }
    public required IReadOnlyList<string> RankTopWords { get; init; }
    public required IReadOnlyList<string> RankGroupWords { get; init; }
    public required IReadOnlyList<string> RankLeaderWords { get; init; }
    /// <summary>A superlative over a scope ("năng động nhất thế giới"): a group that has one is ahead of the rest, like a leader.</summary>
    public required IReadOnlyList<string> RankSuperlatives { get; init; }
    /// <summary>Words before which a superlative is part of another word ("thống nhất toàn quốc" is not "nhất toàn quốc").</summary>
    public required IReadOnlyList<string> RankSuperlativeNotAfter { get; init; }
    /// <summary>Words by which a figure points back to the indicator named before it ("tỷ lệ này mới đạt 72%").</summary>
    public required IReadOnlyList<string> BackReferences { get; init; }
    /// <summary>Status words that name the present ("hiện nay", "đến nay"): baseline cues that no past year dates.</summary>
    public required IReadOnlyList<string> PresentCues { get; init; }
    /// <summary>Units of a change in a rate, not of a level ("vượt 6,4 điểm phần trăm").</summary>
    public required IReadOnlyList<string> DifferenceUnits { get; init; }
    /// <summary>Words after a percentage that make it a ratio of done to planned ("đạt 86,5% kế hoạch"), which is no value.</summary>
    public required IReadOnlyList<string> PlanRatioAfter { get; init; }
    /// <summary>The same, only where the clause ends after them ("đạt 86,5% kế hoạch."; not "100% kế hoạch, báo cáo … được ký số").</summary>
    public required IReadOnlyList<string> PlanRatioClosing { get; init; }
    /// <summary>
    /// Verbs that bring a ratio to the plan ("đạt 92% kế hoạch, tương ứng …"): after them a closing
    /// plan word ends the ratio at a comma too, not only at a clause's end.
    /// </summary>
    public required IReadOnlyList<string> PlanRatioVerbs { get; init; }
    /// <summary>Words that make a part of a whole the share of a plan done ("45/52 nhiệm vụ được giao"), which is no value.</summary>
    public required IReadOnlyList<string> PlanWords { get; init; }
    /// <summary>Words that take a part out of a whole ("6.842 hồ sơ, trong đó 5.317 hồ sơ …, đạt 77,7%").</summary>
    public required IReadOnlyList<string> PartLeads { get; init; }
    /// <summary>Costs a share of which is a rate of support, not a target ("hỗ trợ 50% chi phí thuê phần mềm").</summary>
    public required IReadOnlyList<string> CostNouns { get; init; }
    /// <summary>Words of support before a share of a cost ("hỗ trợ 50% chi phí"): only then is the share a rate of support.</summary>
    public required IReadOnlyList<string> SupportWords { get; init; }
    /// <summary>Words that pair figures with years in turn ("lần lượt", "tương ứng"), as a span of years needs.</summary>
    public required IReadOnlyList<string> RespectiveWords { get; init; }
    /// <summary>Verbs of a change by which a plain count is a commitment ("tăng thêm 1.500 người").</summary>
    public required IReadOnlyList<string> ChangeVerbs { get; init; }
    /// <summary>Verbs of a task that serves a number of people or places, which makes a plain count a commitment ("hỗ trợ 126 hộ").</summary>
    public required IReadOnlyList<string> ServingVerbs { get; init; }
    /// <summary>Comparators by which a figure commits to a count of any noun, not only a listed one ("tối thiểu 3 tập đoàn công nghệ").</summary>
    public required IReadOnlyList<string> OpenCountComparators { get; init; }
    /// <summary>Words after such a figure that count no thing: time, age, grades, function words ("khoảng 2 tháng", "trên 15 tuổi").</summary>
    public required IReadOnlyList<string> UncountedWords { get; init; }
    /// <summary>Words that put the verb of a figure in the past ("đã tổ chức 2.315 lớp"): what was done, a baseline.</summary>
    public required IReadOnlyList<string> PastMarkers { get; init; }
    /// <summary>
    /// Words that say a figure went past what was set for it ("đạt 78,5%, vượt chỉ tiêu"): said right
    /// after a figure, of a target or by a margin, they make it a result.
    /// </summary>
    public required IReadOnlyList<string> ExceedWords { get; init; }
    /// <summary>Words after a plain count that say what the counted do or undergo ("1.500 người cao tuổi được hướng dẫn").</summary>
    public required IReadOnlyList<string> CountedActs { get; init; }
    /// <summary>How a multiple of a level is written ("tăng gấp 2 lần so với năm 2025").</summary>
    public required IReadOnlyList<Multiple> Multiples { get; init; }
    /// <summary>Marks a table cell holds to tick a column ("x", "✓"): under a year, the year its row is due.</summary>
    public required IReadOnlyList<string> TableTicks { get; init; }
    public required IReadOnlyList<string> CountScales { get; init; }
    public required IReadOnlyList<string> DefiningHeads { get; init; }
    public required IReadOnlyList<string> BudgetWords { get; init; }
    /// <summary>Words of a vote ("với 100% số phiếu", "biểu quyết tán thành, đạt 100%"): its share is no target.</summary>
    public required IReadOnlyList<string> VoteWords { get; init; }
    /// <summary>Words that say what a body is made of ("Tổ công tác gồm 07 thành viên"): the count after them is no target.</summary>
    public required IReadOnlyList<string> CompositionWords { get; init; }
    public required IReadOnlyList<string> MoneyUnits { get; init; }
    public required IReadOnlyList<string> TableUnits { get; init; }
    public required IReadOnlyList<string> WeakCountNouns { get; init; }
    public required IReadOnlyList<CountNoun> CountNouns { get; init; }
    public required IReadOnlyList<string> ReferenceWords { get; init; }
    public required IReadOnlyList<string> AnnualCues { get; init; }
    public required IReadOnlyList<string> BaselineCues { get; init; }
    public required IReadOnlyList<string> TargetCues { get; init; }
    public required IReadOnlyList<string> StatusAfterValue { get; init; }
    public required IReadOnlyList<string> YearLeadIns { get; init; }
    public required IReadOnlyList<string> PlainYearLeadIns { get; init; }
    public required IReadOnlyList<string> DeadlineDateLeadIns { get; init; }
    public required IReadOnlyList<string> AsOfLeadIns { get; init; }
    public required IReadOnlyList<string> ReferenceYearLeadIns { get; init; }
    public required IReadOnlyList<string> BaselineHeadings { get; init; }
    public required IReadOnlyList<string> TargetHeadings { get; init; }
    public required IReadOnlyList<string> EstimateMarks { get; init; }
    public required IReadOnlyList<string> DayWords { get; init; }
    public required IReadOnlyList<string> MonthWords { get; init; }
    /// <summary>Words of a quarter of a year ("Quý IV/2027"): a date whose year is a deadline like a month's.</summary>
    public required IReadOnlyList<string> QuarterWords { get; init; }
    /// <summary>How a news page credits a photo at the end of its caption ("… Ảnh: Đức Thụy").</summary>
    public required IReadOnlyList<string> CaptionMarks { get; init; }
    /// <summary>Years named from the document's ("năm nay", "năm tới", "đến cuối năm" with no year after it).</summary>
    public required IReadOnlyList<RelativeYear> RelativeYears { get; init; }
    /// <summary>Words before "năm tới" that make it a span of years ("những năm tới"), as a number does ("5 năm tới").</summary>
    public required IReadOnlyList<string> PeriodQuantifiers { get; init; }
    /// <summary>
    /// Phrases naming a stretch of time ("nhiệm kỳ tới", "vào cuối nhiệm kỳ"): a figure whose own
    /// words are only these names no indicator of its own.
    /// </summary>
    public required IReadOnlyList<string> TimeSpanPhrases { get; init; }
    /// <summary>
    /// The wholes a share is of ("30% GRDP"): named after a percentage, they are what it is measured
    /// against, not its indicator, which the words before the figure name.
    /// </summary>
    public required IReadOnlyList<string> ShareBases { get; init; }
    /// <summary>
    /// Words after which a present word is what a figure is compared with ("gấp 3 lần hiện nay",
    /// "tăng 20% so với hiện nay"), not the time of anything.
    /// </summary>
    public required IReadOnlyList<string> PresentReferenceLeads { get; init; }
    /// <summary>
    /// Words whose last syllable is a cue's first ("thực hiện" before "hiện đạt"): a cue that starts
    /// inside one is not a cue ("thực hiện đạt 92,4%" says nothing of the present).
    /// </summary>
    public required IReadOnlyList<string> CompoundsAcrossCues { get; init; }
    public required IReadOnlyList<string> BaselineColumns { get; init; }
    public required IReadOnlyList<HeadingKeyword> HeadingKeywords { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> TableHeaders { get; init; }
    public required IReadOnlyList<string> HeaderIssuerWords { get; init; }
    public required IReadOnlyList<string> HeaderMottos { get; init; }
    public required IReadOnlyList<string> HeaderSkipWords { get; init; }
    public required IReadOnlyList<string> IssuerTermWords { get; init; }
    public required IReadOnlyList<string> SignatureMarks { get; init; }
    public required IReadOnlyList<string> NumberLabels { get; init; }
    public required IReadOnlyList<string> YearWords { get; init; }
    public required IReadOnlyList<string> TitleWords { get; init; }
    public required IReadOnlyList<string> PreambleStarts { get; init; }
    public required IReadOnlyList<string> BodyStarts { get; init; }
    public required IReadOnlyList<string> SubjectVerbs { get; init; }
    /// <summary>Words that open what a phrase is about ("dẫn đầu về A và B"): each coordinated part after one names another thing it is about, matched on its own.</summary>
    public required IReadOnlyList<string> AboutWords { get; init; }
    public required IReadOnlyList<string> QualifierLeads { get; init; }
    public required IReadOnlyList<string> IndicatorLeadIns { get; init; }
    public required IReadOnlyList<IReadOnlyList<string>> MatchSynonyms { get; init; }
    public required IReadOnlyList<string> MatchStopwords { get; init; }
    public required IReadOnlyList<string> AdminUnitWords { get; init; }
    public required IReadOnlyList<string> RateWords { get; init; }
    public required IReadOnlyList<string> Coordinators { get; init; }
    public required IReadOnlyList<string> SyllableOnsets { get; init; }
    public required IReadOnlyList<string> SyllableCodas { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static Lexicon Parse(string json) =>
        JsonSerializer.Deserialize<Lexicon>(json, Options) ?? throw new InvalidDataException("empty lexicon");

    /// <summary>The lexicon shipped inside the build.</summary>
    public static Lexicon Default => DefaultLazy.Value;

    private static readonly Lazy<Lexicon> DefaultLazy = new(() => Parse(EmbeddedText("Ingest.lexicon.vi.json")));

    internal static string EmbeddedText(string name)
    {
        using var s = typeof(Lexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} missing from the build");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }
}
