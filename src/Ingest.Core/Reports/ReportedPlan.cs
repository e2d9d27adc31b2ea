using Ingest.Core.Contract;
using Ingest.Core.Stages.Load;
using Ingest.Core.Text;

namespace Ingest.Core.Reports;

/// <summary>
/// One plan however many files hold it (docx, pdf, its scan, a txt export): its files, best read
/// first, the header fields most of them read, and the label reports show it under.
/// </summary>
public sealed record ReportedPlan(
    string Label, string? Place, string? Issuer, string? Number, string? Date, IReadOnlyList<ReportedDocument> Documents)
{
    /// <summary>The files that were read, best read first.</summary>
    public IEnumerable<ReportedDocument> Read => Documents.Where(d => d.Result != null);

    /// <summary>The formats the plan was read from, best read first: "docx, pdf, txt, pdf (OCR)".</summary>
    public string Formats => string.Join(", ", Documents.Select(PlanGrouping.Format));
}

/// <summary>
/// Groups the store's documents into plans. Two files are one plan when they sit in one folder
/// under one name apart from format suffixes (<c>plan.docx</c>, <c>plan.scan.pdf</c>), or when
/// their headers name the same issuer and place and agree on number, date and title wherever both
/// have them (and both have at least one of the three). A failed file joins by its name alone.
/// </summary>
public static class PlanGrouping
{
    public static IReadOnlyList<ReportedPlan> Group(IReadOnlyList<ReportedDocument> documents)
    {
        var parent = Enumerable.Range(0, documents.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        void Join(int a, int b) => parent[Root(a)] = Root(b);

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < documents.Count; i++)
            if (!byName.TryAdd(NameKey(documents[i].Source.Path), i)) Join(i, byName[NameKey(documents[i].Source.Path)]);

        // headers are compared only within one issuer and place: most pairs never meet
        var identities = documents.Select(d => d.Result is { } r ? HeaderIdentity.Of(r) : null).ToList();
        foreach (var sameIssuer in Enumerable.Range(0, documents.Count)
                     .Where(i => identities[i] is { Issuer.Length: > 0, Place.Length: > 0 })
                     .GroupBy(i => (identities[i]!.Issuer, identities[i]!.Place)))
        {
            var members = sameIssuer.ToList();
            for (int a = 0; a < members.Count; a++)
                for (int b = a + 1; b < members.Count; b++)
                    if (identities[members[a]]!.SamePlanAs(identities[members[b]]!)) Join(members[a], members[b]);
        }

        var plans = Enumerable.Range(0, documents.Count)
            .GroupBy(Root)
            .Select(g => g.Select(i => documents[i]).OrderBy(ReadingRank).ThenBy(d => d.Source.Path, StringComparer.Ordinal).ToList())
            .Select(Describe)
            .ToList();
        return Labelled(plans);
    }

    /// <summary>How a file was read, for people: "docx", "pdf", "pdf (OCR)", "image (OCR)"; a failed file by its extension.</summary>
    public static string Format(ReportedDocument d) => d.Result is { } r
        ? r.Format + (r.Ocr ? " (OCR)" : "")
        : Path.GetExtension(d.Source.Path).TrimStart('.').ToLowerInvariant();

    /// <summary>
    /// Which reading of a plan to trust first: the authored docx, then a PDF's text layer, then a
    /// txt (often an export or an old OCR), then our own OCR; a failed file last.
    /// </summary>
    public static int ReadingRank(ReportedDocument d) => d.Result switch
    {
        null => 4,
        { Ocr: true } => 3,
        { Format: "docx" } => 0,
        { Format: "pdf" } => 1,
        _ => 2,
    };

    /// <summary>
    /// The value most of a plan's files read, ties going to the best-read file. Readings come best
    /// read first; a file that read nothing (null) has no say.
    /// </summary>
    public static T? MostAgreed<T>(IEnumerable<T?> readings, Func<T, string> key) where T : class =>
        readings.OfType<T>()
            .GroupBy(key, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()) // stable: among equals, the group met first
            .FirstOrDefault()?.First();

    // what a name carries besides the plan's own: how the file was made ("plan.scan.pdf") and the
    // format it came from ("plan.pdf.txt", a text export); "ke-hoach.Xop.docx" keeps its ".Xop"
    private static readonly HashSet<string> FormatSuffixes =
        new([.. DocumentLoader.KnownExtensions, ".scan", ".ocr"], StringComparer.OrdinalIgnoreCase);

    // a folder and a file name without its extension and the format suffixes before it ("plan.scan.pdf" → "plan")
    private static string NameKey(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        while (FormatSuffixes.Contains(Path.GetExtension(stem)))
            stem = Path.GetFileNameWithoutExtension(stem);
        return Path.Combine(Path.GetDirectoryName(path) ?? "", stem).Normalize(System.Text.NormalizationForm.FormC);
    }

    private static string FolderAndName(string path)
    {
        var key = NameKey(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(key));
        return string.IsNullOrEmpty(folder) ? Path.GetFileName(key) : $"{folder}/{Path.GetFileName(key)}";
    }

    private static ReportedPlan Describe(List<ReportedDocument> documents)
    {
        string? Field(Func<ContractDocument, string?> field) =>
            MostAgreed(documents.Select(d => d.Result is { } r && !string.IsNullOrWhiteSpace(field(r)) ? field(r) : null), s => HeaderIdentity.Key(s) ?? s);
        var place = Field(r => r.Place);
        var issuer = Field(r => r.Issuer);
        string label = (place, issuer) switch
        {
            ({ } p, { } i) when VietText.ContainsWord(VietText.Fold(i), VietText.Fold(p)) => i,
            ({ } p, { } i) => $"{p} — {i}",
            (null, { } i) => i,
            ({ } p, null) => p,
            _ => Path.GetFileName(NameKey(documents[0].Source.Path)),
        };
        return new ReportedPlan(label, place, issuer, Field(r => r.Number), Field(r => r.Date), documents);
    }

    // two plans of one place and issuer are told apart by their number and date, then by file name
    private static IReadOnlyList<ReportedPlan> Labelled(List<ReportedPlan> plans)
    {
        plans = Distinguish(plans, p => string.Join(", ", new[] { p.Number, p.Date }.OfType<string>()) is { Length: > 0 } detail ? $"{p.Label} ({detail})" : p.Label);
        plans = Distinguish(plans, p => $"{p.Label} [{FolderAndName(p.Documents[0].Source.Path)}]");
        return plans
            .OrderBy(p => p.Place ?? p.Issuer ?? p.Label, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(p => p.Label, StringComparer.InvariantCultureIgnoreCase)
            .ToList();
    }

    private static List<ReportedPlan> Distinguish(List<ReportedPlan> plans, Func<ReportedPlan, string> longer)
    {
        var clashing = plans.GroupBy(p => p.Label).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return plans.Select(p => clashing.Contains(p.Label) ? p with { Label = longer(p) } : p).ToList();
    }

    /// <summary>A document's header as compared across files: folded, letters and digits only.</summary>
    private sealed record HeaderIdentity(string? Issuer, string? Place, string? Number, string? Date, string? Title)
    {
        public static HeaderIdentity Of(ContractDocument r) => new(
            Key(r.Issuer), Key(r.Place),
            // a number without digits is the template's blank ("/KH-UBND"): it tells no plan from another
            r.Number is { } n && n.Any(char.IsDigit) ? Key(n) : null,
            Key(r.Date), Key(r.Title));

        public static string? Key(string? s) =>
            string.IsNullOrWhiteSpace(s) ? null : new string(VietText.Fold(s).Where(char.IsLetterOrDigit).ToArray()) is { Length: > 0 } k ? k : null;

        public bool SamePlanAs(HeaderIdentity o)
        {
            bool Both(string? a, string? b) => a != null && b != null;
            // a date read as a month ("2025-09") agrees with the day it holds
            bool dateAgrees = !Both(Date, o.Date) || Date!.StartsWith(o.Date!, StringComparison.Ordinal) || o.Date!.StartsWith(Date, StringComparison.Ordinal);
            return Issuer == o.Issuer && Place == o.Place
                && (!Both(Number, o.Number) || Number == o.Number) && dateAgrees && (!Both(Title, o.Title) || Title == o.Title)
                && (Both(Number, o.Number) || Both(Date, o.Date) || Both(Title, o.Title));
        }
    }
}
