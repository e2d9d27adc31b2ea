namespace Ingest.Core.Stages.Confidence.Training;

/// <summary>Row indices to fit on and to hold out.</summary>
public sealed record PlanFold(IReadOnlyList<int> Train, IReadOnlyList<int> Test);

/// <summary>
/// Cross-validation folds made of whole plans: the formats and damaged variants of one plan are
/// nearly the same targets, so a plan in both the fitted and the held-out rows would make the
/// model look better than it is on a plan it has not seen.
/// </summary>
public static class PlanFolds
{
    /// <summary>
    /// <paramref name="folds"/> folds over the rows' plans (each row's plan given in order), plans
    /// dealt largest first to the fold with the fewest rows so far; 0, or as many folds as plans
    /// or more, holds out one plan at a time.
    /// </summary>
    public static IReadOnlyList<PlanFold> Split(IReadOnlyList<string> plans, int folds = 0)
    {
        var sizes = plans.GroupBy(p => p, StringComparer.Ordinal)
            .Select(g => (Plan: g.Key, Rows: g.Count()))
            .OrderByDescending(g => g.Rows).ThenBy(g => g.Plan, StringComparer.Ordinal)
            .ToList();
        int k = folds <= 0 || folds >= sizes.Count ? sizes.Count : folds;
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new int[k];
        foreach (var (plan, rows) in sizes)
        {
            int f = Array.IndexOf(load, load.Min());
            foldOf[plan] = f;
            load[f] += rows;
        }
        return Enumerable.Range(0, k).Select(f => new PlanFold(
                Enumerable.Range(0, plans.Count).Where(i => foldOf[plans[i]] != f).ToList(),
                Enumerable.Range(0, plans.Count).Where(i => foldOf[plans[i]] == f).ToList()))
            .ToList();
    }
}
