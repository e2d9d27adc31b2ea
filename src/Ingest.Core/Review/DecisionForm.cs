using Ingest.Core.Catalogue;
using Ingest.Core.Contract;

namespace Ingest.Core.Review;

/// <summary>A decision as the reviewer's page sends it: the target, the verdict and the corrected fields as typed.</summary>
public sealed record DecisionInput(string Sha256, string Key, string Verdict, IReadOnlyDictionary<string, string?> Fields, string? Note = null);

/// <summary>The decision to store, or, field by field, why it is refused ("form" for what belongs to no field).</summary>
public sealed record DecisionCheck(ReviewDecision? Decision, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Checks a decision made on the reviewer's page by the rules a workbook row is checked by
/// (<see cref="CorrectionRules"/>), and makes the same <see cref="ReviewDecision"/> an import makes.
/// </summary>
public sealed class DecisionForm(IndicatorCatalogue catalogue)
{
    private readonly CorrectionRules _rules = new(catalogue);

    /// <param name="target">the target as it now reads (decisions applied), null when the store has no such target</param>
    public DecisionCheck Check(DecisionInput input, ContractTarget? target, string reviewer, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (target == null) errors["form"] = $"no target {input.Key} in document {input.Sha256} in the store (re-extracted since the page was opened?)";
        if (!Enum.TryParse<ReviewVerdict>(input.Verdict, ignoreCase: true, out var verdict) || int.TryParse(input.Verdict, out _))
            errors["verdict"] = $"decision '{input.Verdict}' is not accept, correct or reject";
        var corrections = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, typed) in input.Fields)
            if (_rules.Read(field, typed, corrections) is { } why) errors[field] = why;
        if (errors.Count == 0 && verdict == ReviewVerdict.Correct)
        {
            // a field typed as it already reads corrects nothing
            foreach (var same in corrections.Where(c => Reads(target!, c.Key, c.Value)).Select(c => c.Key).ToList()) corrections.Remove(same);
            if (corrections.Count == 0) errors["form"] = "nothing corrected: change a field, or accept";
            else if (CorrectionRules.RangeError(corrections, target!.Value, target.ValueMax) is { } range) errors["valueMax"] = range;
        }
        if (errors.Count == 0 && verdict != ReviewVerdict.Correct) corrections.Clear();
        return errors.Count > 0
            ? new DecisionCheck(null, errors)
            : new DecisionCheck(new ReviewDecision(input.Sha256, input.Key, verdict, corrections, reviewer, now,
                string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim()), errors);
    }

    private static bool Reads(ContractTarget t, string field, object? value) => field switch
    {
        "value" => Equals(t.Value, value as double?),
        "valueMax" => Equals(t.ValueMax, value as double?),
        "unit" => t.Unit == value as string,
        "comparator" => t.Comparator == value as string,
        "year" => Equals(t.Year, value as int?),
        "annual" => t.Annual == (value as bool? ?? false),
        "kind" => t.Kind == value as string,
        "code" => t.Code == value as string,
        _ => false,
    };
}
