using System.Text;
using Ingest.Core.Model;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// The Repair stage: brings every line to NFC (PDF text from decomposed sources comes out NFD),
/// puts back the decimal commas OCR read as letters (see <see cref="OcrNumberMarks"/>), converts
/// text typed in a legacy font encoding, then lets the repairer restore damaged Vietnamese. Lines keep their place, their spacing and their word count; a changed line
/// remembers what was read.
/// </summary>
public sealed class RepairStage(LegacyEncodings? encodings, ITextRepairer? repairer)
{
    public (LoadedDocument Document, RepairSummary Summary) Run(LoadedDocument doc)
    {
        var lines = doc.Lines().ToList();
        var (text, encoding, repair) = RepairLines(lines.Select(l => doc.Ocr ? OcrNumberMarks.Clean(l.Text) : l.Text).ToArray());

        var byLine = new Dictionary<SourceLine, SourceLine>(ReferenceEqualityComparer.Instance);
        int changed = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (text[i] == l.Text || byLine.ContainsKey(l)) continue;
            changed += ChangedWords(l.Text.Normalize(NormalizationForm.FormC), text[i]);
            byLine[l] = l with { Text = text[i], ReadText = l.Text };
        }
        SourceLine Map(SourceLine l) => byLine.GetValueOrDefault(l, l);
        var blocks = doc.Blocks.Select(b => b switch
        {
            TextBlock t => (Block)(t with { Lines = t.Lines.Select(Map).ToArray() }),
            TableBlock tb => tb with
            {
                Rows = tb.Rows.Select(r => r with
                {
                    Cells = r.Cells.Select(c => c with { Lines = c.Lines.Select(Map).ToArray() }).ToArray(),
                }).ToArray(),
            },
            _ => b,
        }).ToArray();
        var summary = new RepairSummary(encoding != null || changed > 0, changed, repair?.Words ?? 0, encoding, repair?.Damage ?? DamageMix.Clean);
        return (doc with { Blocks = blocks }, summary);
    }

    /// <summary>
    /// The stage on bare lines, in reading order: NFC, legacy encoding, repair. Returns the
    /// lines, the encoding converted from (or null) and what the repairer did (null without one).
    /// </summary>
    public (IReadOnlyList<string> Lines, string? Encoding, TextRepair? Repair) RepairLines(IReadOnlyList<string> lines)
    {
        IReadOnlyList<string> text = lines.Select(l => l.Normalize(NormalizationForm.FormC)).ToArray();
        var encoding = encodings?.Detect(text);
        if (encoding != null) text = encodings!.ConvertLines(text, encoding);
        var repair = repairer?.Repair(text);
        return (repair?.Lines ?? text, encoding, repair);
    }

    // NFC alone is a re-encoding, not a change a reader would notice
    private static int ChangedWords(string before, string after)
    {
        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int diff = Math.Abs(a.Length - b.Length);
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++) if (a[i] != b[i]) diff++;
        return diff;
    }
}
