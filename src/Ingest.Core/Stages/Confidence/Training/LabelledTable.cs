using System.Globalization;

namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>
/// Labelled targets as a tab-separated table (plan, document, kind, right, flaggedByRule, then
/// one column per feature by name): to read what the model learns from, and to refit without
/// extracting (and OCR-ing) everything again.
/// </summary>
public static class LabelledTable
{
    private static readonly string[] Leading = ["plan", "document", "kind", "right", "flaggedByRule"];

    public static string Write(IEnumerable<LabelledTarget> rows)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine(string.Join('\t', Leading.Concat(ConfidenceFeatures.Names)));
        foreach (var r in rows)
            w.WriteLine(string.Join('\t', new[] { r.Plan, r.Document, r.Kind, r.Right ? "1" : "0", r.FlaggedByRule ? "1" : "0" }
                .Concat(r.Features.Select(f => f.ToString("R", CultureInfo.InvariantCulture)))));
        return w.ToString();
    }

    /// <summary>Reads a table <see cref="Write"/> made with today's features; anything else is an <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static IReadOnlyList<LabelledTarget> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var expected = string.Join('\t', Leading.Concat(ConfidenceFeatures.Names));
        if (lines.Length == 0 || lines[0] != expected)
            throw new InvalidDataException($"{path}: not a table of labelled targets with today's features (header must be: {expected.Replace('\t', ' ')})");
        var rows = new List<LabelledTarget>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0) continue;
            var cells = lines[n].Split('\t');
            if (cells.Length != expected.Split('\t').Length) throw new InvalidDataException($"{path}:{n + 1}: {cells.Length} cells, expected {expected.Split('\t').Length}");
            var features = new double[ConfidenceFeatures.Names.Count];
            for (int i = 0; i < features.Length; i++)
                if (!double.TryParse(cells[Leading.Length + i], NumberStyles.Float, CultureInfo.InvariantCulture, out features[i]))
                    throw new InvalidDataException($"{path}:{n + 1}: {ConfidenceFeatures.Names[i]} is not a number: '{cells[Leading.Length + i]}'");
            rows.Add(new LabelledTarget(cells[0], features, cells[3] == "1") { Document = cells[1], Kind = cells[2], FlaggedByRule = cells[4] == "1" });
        }
        return rows;
    }
}
