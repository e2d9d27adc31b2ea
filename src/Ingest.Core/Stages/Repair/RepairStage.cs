using System.Text;
using Ingest.Core.Model;

namespace Ingest.Core.Stages.Repair;

/// <summary>
/// The Repair stage: today it brings every line to NFC (PDF text from decomposed sources comes out
/// NFD) and counts the tokens it changed. Diacritic restoration and OCR-confusion repair plug in
/// here through <see cref="ILineRepairer"/>.
/// </summary>
public sealed class RepairStage(IReadOnlyList<ILineRepairer> repairers)
{
    public (LoadedDocument Document, RepairSummary Summary) Run(LoadedDocument doc)
    {
        int changed = 0;
        SourceLine Fix(SourceLine l)
        {
            var text = l.Text.Normalize(NormalizationForm.FormC);
            foreach (var r in repairers) text = r.Repair(text);
            if (text != l.Text) changed += CountChangedTokens(l.Text, text);
            return text == l.Text ? l : l with { Text = text };
        }
        var blocks = doc.Blocks.Select(b => b switch
        {
            TextBlock t => (Block)(t with { Lines = t.Lines.Select(Fix).ToArray() }),
            TableBlock tb => tb with
            {
                Rows = tb.Rows.Select(r => r with
                {
                    Cells = r.Cells.Select(c => c with { Lines = c.Lines.Select(Fix).ToArray() }).ToArray(),
                }).ToArray(),
            },
            _ => b,
        }).ToArray();
        return (doc with { Blocks = blocks }, new RepairSummary(changed > 0, changed));
    }

    private static int CountChangedTokens(string before, string after)
    {
        var a = before.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = after.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = Math.Max(a.Length, b.Length), diff = 0;
        for (int i = 0; i < n; i++)
            if (i >= a.Length || i >= b.Length || a[i] != b[i]) diff++;
        // NFC alone is a re-encoding, not a repair a reader would notice
        return diff;
    }
}

/// <summary>One repair applied to each line (NFC text in, NFC text out).</summary>
public interface ILineRepairer
{
    string Repair(string line);
}
