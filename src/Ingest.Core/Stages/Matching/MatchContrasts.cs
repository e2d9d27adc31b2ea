using System.Text.Json;
using Ingest.Core.Lexicons;

namespace Ingest.Core.Stages.Matching;

/// <summary>Mutually exclusive kinds of one thing ("hộ gia đình", "doanh nghiệp"); a member lists its equivalent phrases.</summary>
public sealed record ContrastGroup(string What, IReadOnlyList<IReadOnlyList<string>> Members);

/// <summary>
/// What makes an indicator text a different indicator from an entry that shares most of its
/// words (models/contrasts.vi.json): a member of a group the entry does not name while naming
/// another, or a mark ("quá hạn", "chưa") the entry does not carry. Word overlap cannot see these:
/// the differing word is one of many, often one the catalogue never uses, so it weighs little.
/// </summary>
public sealed record MatchContrasts(IReadOnlyList<ContrastGroup> Groups, IReadOnlyList<string> Marks)
{
    public static MatchContrasts None { get; } = new([], []);

    public static MatchContrasts Parse(string json)
    {
        var root = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;
        var groups = root.GetProperty("groups").EnumerateArray().Select(g => new ContrastGroup(
            g.TryGetProperty("what", out var w) ? w.GetString() ?? "" : "",
            g.GetProperty("members").EnumerateArray()
                .Select(m => (IReadOnlyList<string>)m.EnumerateArray().Select(p => p.GetString()!).ToArray()).ToArray())).ToArray();
        var marks = root.GetProperty("marks").GetProperty("phrases").EnumerateArray().Select(p => p.GetString()!).ToArray();
        return new MatchContrasts(groups, marks);
    }

    /// <summary>The contrasts shipped inside the build.</summary>
    public static MatchContrasts Default => DefaultLazy.Value;

    private static readonly Lazy<MatchContrasts> DefaultLazy = new(() => Parse(Lexicon.EmbeddedText("Ingest.contrasts.vi.json")));
}

/// <summary>Which contrast members and marks one text names, found on its normalised words.</summary>
public sealed record ContrastProfile(IReadOnlySet<(int Group, int Member)> Members, IReadOnlySet<int> Marks)
{
    /// <summary>
    /// True when a text with this profile cannot be the entry with <paramref name="entry"/>'s:
    /// in some group both name members and share none, or the text carries a mark the entry lacks.
    /// </summary>
    public bool Contradicts(ContrastProfile entry) =>
        Marks.Any(m => !entry.Marks.Contains(m))
        || Members.Select(m => m.Group).Distinct().Any(g =>
            entry.Members.Any(e => e.Group == g) && !Members.Any(m => m.Group == g && entry.Members.Contains(m)));
}
