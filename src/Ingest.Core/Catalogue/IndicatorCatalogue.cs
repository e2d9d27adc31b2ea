using System.Text;
using Ingest.Core.Lexicons;

namespace Ingest.Core.Catalogue;

/// <summary>
/// The project's catalogue file (models/catalogue.tsv): the canonical codes with aliases.
/// Columns: code, group, unit, label_vi, aliases (separated by '|'); extra columns are ignored.
/// </summary>
public sealed class IndicatorCatalogue
{
    public IReadOnlyList<CatalogueEntry> Entries { get; }
    private readonly Dictionary<string, CatalogueEntry> _byCode;

    public IndicatorCatalogue(IReadOnlyList<CatalogueEntry> entries)
    {
        Entries = entries;
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
    }

    public CatalogueEntry? Find(string code) => _byCode.GetValueOrDefault(code);

    public static IndicatorCatalogue Parse(string tsv, string origin)
    {
        var entries = new List<CatalogueEntry>();
        var lines = tsv.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || !lines[0].StartsWith("code\t", StringComparison.Ordinal))
            throw new InvalidDataException($"{origin}: not a catalogue (first line must start with 'code<TAB>')");
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length < 4)
                throw new InvalidDataException($"{origin}:{i + 1}: expected at least 4 tab-separated columns");
            var aliases = f.Length > 4
                ? f[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            entries.Add(new CatalogueEntry(f[0].Trim(), f[1].Trim(), f[2].Trim(),
                f[3].Trim().Normalize(NormalizationForm.FormC), aliases.Select(a => a.Normalize(NormalizationForm.FormC)).ToArray()));
        }
        if (entries.Count == 0) throw new InvalidDataException($"{origin}: catalogue has no entries");
        return new IndicatorCatalogue(entries);
    }

    public static IndicatorCatalogue Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8), path);

    public static IndicatorCatalogue Default => DefaultLazy.Value;

    private static readonly Lazy<IndicatorCatalogue> DefaultLazy =
        new(() => Parse(Lexicon.EmbeddedText("Ingest.catalogue.tsv"), "models/catalogue.tsv"));
}
