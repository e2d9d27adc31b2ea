using System.Text.RegularExpressions;
using Ingest.Core.Lexicons;
using Ingest.Core.Text;

namespace Ingest.Core.Stages.Extract;

/// <summary>
/// Chooses the words that name a value's indicator. "100% thủ tục hành chính …" names it after the
/// value; "Tỷ lệ phủ sóng 5G … đạt 100%" before it. Lead-in verbs ("phấn đấu", "có") are dropped.
/// </summary>
public sealed partial class IndicatorText(Lexicon lexicon)
{
    private readonly string[] _leadIns = lexicon.IndicatorLeadIns.Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();
    private readonly string[] _plainVerbs = lexicon.PlainValueVerbs.Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();
    private readonly string[] _qualifierLeads = lexicon.QualifierLeads.Select(VietText.Fold).ToArray();
    private readonly string[] _rateWords = lexicon.RateWords.Select(VietText.Fold).ToArray();
    private readonly string[] _backReferences = lexicon.BackReferences.Select(VietText.Fold).ToArray();
    private readonly string[] _timeSpans = lexicon.TimeSpanPhrases.Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();
    private readonly string[] _shareBases = lexicon.ShareBases.Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();
    private readonly string[] _aims = lexicon.TargetCues.Concat(lexicon.PlanWords).Concat(lexicon.PlanRatioAfter)
        .Select(VietText.Fold).OrderByDescending(s => s.Length).ToArray();

    /// <summary>
    /// How many of a text's words could name an indicator: those not of a stretch of time ("nhiệm
    /// kỳ tới phấn đấu đạt trên 95%" names none; its subject is the clause's before it).
    /// </summary>
    public int NamingWords(string s)
    {
        var folded = VietText.Fold(s);
        foreach (var span in _timeSpans)
            for (int at; (at = VietText.IndexOfWord(folded, span)) >= 0;)
                folded = folded.Remove(at, span.Length).Insert(at, " ");
        return Words(folded);
    }

    /// <summary>
    /// Whether a figure's words only call it the target or the plan of a measure named before it:
    /// its words before it end with the aim ("vượt chỉ tiêu 75%", "trong khi mục tiêu … là 70%",
    /// "(kế hoạch đề ra là 80%)") after a word or two that join it to the clause before, and its
    /// words after it name nothing but the plan again ("… mà kế hoạch đề ra cho cả năm").
    /// </summary>
    public bool NamesOnlyTheAim(string before, string after)
    {
        var b = VietText.Fold(Trim(before));
        var aim = _aims.FirstOrDefault(a => VietText.EndsWithWord(b, a));
        if (aim == null || Words(b[..^aim.Length]) > MaxWordsBeforeTheAim) return false;
        var a2 = VietText.Fold(Trim(after));
        return Words(a2) < 2 || _aims.Any(x => VietText.ContainsWord(a2, x));
    }

    private const int MaxWordsBeforeTheAim = 2;

    /// <summary>
    /// Whether a figure's words point back to an indicator named earlier: a back reference is its
    /// subject, a few words before it at most ("Hiện tỷ lệ này mới là 38%"), and no words after it
    /// name one of its own ("Để đạt chỉ tiêu này, 100% cán bộ được tập huấn" names its own).
    /// </summary>
    public bool RefersBack(string before, string after)
    {
        if (Words(after) >= 2) return false;
        var folded = VietText.Fold(before);
        foreach (var r in _backReferences)
        {
            int at = folded.LastIndexOf(r, StringComparison.Ordinal);
            if (at >= 0 && VietText.ContainsWord(folded, r) && Words(folded[(at + r.Length)..]) <= MaxWordsAfterBackReference) return true;
        }
        return false;
    }

    /// <summary>Words between a back reference and its figure: a status and a verb ("mới đạt", "hiện nay là").</summary>
    private const int MaxWordsAfterBackReference = 3;

    public string CleanBefore(string before)
    {
        var t = Trim(before);
        // drop a trailing verb that introduced the value: "… đạt", "… phấn đấu đạt"
        bool changed = true;
        while (changed && t.Length > 0)
        {
            changed = false;
            var f = VietText.Fold(t);
            foreach (var v in _plainVerbs.Concat(_leadIns))
                if (f.EndsWith(" " + v, StringComparison.Ordinal) || f == v)
                {
                    t = Trim(t[..^v.Length]);
                    changed = true;
                    break;
                }
        }
        return StripLeadIns(t);
    }

    public string CleanAfter(string after) => Trim(after);

    /// <summary>
    /// Where the whole a percentage is a share of ends, when the words after the figure (from
    /// <paramref name="from"/>, before <paramref name="to"/>) open with one; else -1. In "kinh tế số
    /// ước chiếm 17,2% GRDP và chi cho nghiên cứu … đạt 0,6% GRDP" the first figure's words end
    /// at "GRDP": "chi cho nghiên cứu" is the next figure's subject.
    /// </summary>
    public int ShareBaseEnd(string text, int from, int to)
    {
        int at = from;
        while (at < to && char.IsWhiteSpace(text[at])) at++;
        var folded = VietText.FoldSameLength(text[at..to]);
        foreach (var b in _shareBases)
            if (VietText.StartsWithWord(folded, b)) return at + b.Length;
        return -1;
    }

    public string StripLeadIns(string t)
    {
        bool changed = true;
        while (changed && t.Length > 0)
        {
            changed = false;
            var f = VietText.Fold(t);
            foreach (var l in _leadIns)
                if (VietText.StartsWithWord(f, l) && t.Length > l.Length)
                {
                    t = Trim(t[l.Length..]);
                    changed = true;
                    break;
                }
        }
        return t;
    }

    /// <summary>Whether a text names a rate ("tỷ lệ", "tỷ trọng") anywhere in it.</summary>
    public bool NamesARate(string text) => _rateWords.Any(r => VietText.ContainsWord(VietText.Fold(text), r));

    public bool IsQualifier(string after) => _qualifierLeads.Any(q => VietText.StartsWithWord(VietText.Fold(Trim(after)), q));

    /// <summary>The readable indicator: words after the value when they form a phrase, else before.</summary>
    public string Choose(string before, string after)
    {
        int wb = Words(before), wa = Words(after);
        if (wa >= 2 && !IsQualifier(after) && (wb < 3 || !NamesARate(before)))
            return after;
        return wb > 0 ? before : after;
    }

    /// <summary>How many words with letters a text has.</summary>
    public static int Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));

    public static string Trim(string s) => WithoutFootnoteMarks(s).Trim().Trim('-', '+', '•', '*', ',', ';', ':', '.', ' ', '(', '–').Trim();

    // a footnote reference in superscript digits, as a PDF's text layer sets it ("(VNeID)⁴", "⁴ Số
    // liệu …"), is no part of the indicator's name; an exponent after a unit of length ("m²", "km²") is
    [GeneratedRegex(@"\s*(?<!(?:^|[\s\d(/])[kcdh]?m)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")]
    private static partial Regex FootnoteMark();

    private static string WithoutFootnoteMarks(string s) => s.AsSpan().IndexOfAny("⁰¹²³⁴⁵⁶⁷⁸⁹") < 0 ? s : FootnoteMark().Replace(s, "");
}
