using Ingest.Core.Model;
using Ingest.Core.Stages.Extract;

namespace Ingest.Core.Stages.Scope;

/// <summary>A text's cues and sentences, found once for all the values in it.</summary>
public sealed record ProseFrame(string Text, IReadOnlyList<Cue> Cues, IReadOnlyList<(int Start, int End)> Sentences, IReadOnlyList<int> ValueStarts);

/// <summary>
/// The inner part of a value's scope path in running text (a paragraph or a table cell):
/// <list type="bullet">
/// <item>value: cues right after it, before the words that lead to the next value ("… 60% vào năm 2027 và …");</item>
/// <item>sentence: cues before it in its sentence, across "," and ";", nearest first;</item>
/// <item>paragraph: cues of earlier sentences that state no figure, and the opening words of the
/// paragraph before its first figure ("Đến năm 2030, … 20%. Tỷ lệ … 35%.").</item>
/// </list>
/// A cue inside brackets governs only what is inside them: "đạt 46,8% (chỉ tiêu năm 2025 là 50%);
/// tỷ lệ … đạt 81,3%" keeps 81,3% out of the bracket's "chỉ tiêu".
/// </summary>
public sealed class ProseScope(CueFinder finder)
{
    public ProseFrame Frame(string text, IEnumerable<int> valueStarts) =>
        new(text, finder.Find(text), Clauses.Sentences(text), valueStarts.Order().ToList());

    /// <param name="frame">the text, prepared once</param>
    /// <param name="valueStart">where the value's words start (its comparator included)</param>
    /// <param name="valueEnd">where they end</param>
    /// <param name="ownEnd">where the words that belong to this value end (before the next value's)</param>
    /// <param name="outer">the scope nodes around the text, innermost first</param>
    public IReadOnlyList<ScopeNode> Path(ProseFrame frame, int valueStart, int valueEnd, int ownEnd, IEnumerable<ScopeNode> outer)
    {
        int ss = frame.Sentences.Where(s => valueStart >= s.Start && valueStart < s.End).Select(s => s.Start).DefaultIfEmpty(0).First();
        var bracket = Brackets(frame.Text).FirstOrDefault(b => valueStart >= b.Start && valueStart < b.End);
        var usable = frame.Cues
            .Where(c => c.Form != YearForm.Bare)
            .Where(c => Brackets(frame.Text).All(b => c.Start < b.Start || c.End > b.End || b == bracket))
            .ToList();
        var own = usable.Where(c => c.Start >= valueEnd && c.End <= ownEnd && finder.BindsBackward(c)).OrderBy(c => c.Start).ToList();
        var sentence = usable.Where(c => c.Start >= ss && c.End <= valueStart).OrderByDescending(c => c.Start).ToList();
        var paragraph = new List<Cue>();
        if (frame.Sentences.Count > 0 && ss > frame.Sentences[0].Start)
        {
            int firstValue = frame.ValueStarts.Count > 0 ? frame.ValueStarts[0] : frame.Text.Length;
            foreach (var (s, e) in frame.Sentences)
            {
                if (s >= ss) break;
                bool figureFree = !frame.ValueStarts.Any(v => v >= s && v < e);
                int until = figureFree ? e : Math.Min(e, firstValue);
                if (s == frame.Sentences[0].Start || figureFree)
                    paragraph.AddRange(usable.Where(c => c.Start >= s && c.End <= until));
            }
            paragraph.Reverse();
        }
        var path = new List<ScopeNode> { new(ScopeLevel.Value, own), new(ScopeLevel.Sentence, sentence), new(ScopeLevel.Paragraph, paragraph) };
        path.AddRange(outer);
        return path;
    }

    /// <summary>
    /// The deadline that opens a text, before its first figure. A paragraph that names no time
    /// continues the deadline its predecessor opened ("Theo Chiến lược, đến 2025 … 100% …" then
    /// "Cùng với đó, ít nhất 2 tuyến …"). Only a deadline phrase carries over: a recurrence or a
    /// status word ("hiện nay") speaks of its own sentence.
    /// </summary>
    public static IReadOnlyList<Cue> Opening(ProseFrame frame)
    {
        int firstValue = frame.ValueStarts.Count > 0 ? frame.ValueStarts[0] : frame.Text.Length;
        return frame.Cues.Where(c => c.Kind == CueKind.Deadline && c.Form is YearForm.Lead or YearForm.Period && c.End <= firstValue)
            .Reverse().Take(1).ToList();
    }

    private static IEnumerable<(int Start, int End)> Brackets(string text)
    {
        int open = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') open = i;
            else if (text[i] == ')' && open >= 0) { yield return (open, i + 1); open = -1; }
        }
    }

    /// <summary>The scope nodes of a section path and the document title, innermost first.</summary>
    public static IEnumerable<ScopeNode> Around(Section? section, IReadOnlyList<Cue> titleCues)
    {
        if (section != null)
            foreach (var s in section.Chain())
                yield return new ScopeNode(s.IsLeadIn ? ScopeLevel.LeadIn : ScopeLevel.Section, s.Cues.Reverse().ToList());
        yield return new ScopeNode(ScopeLevel.Document, titleCues);
    }
}
