using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Every target at one agent count: each target over its phases, and each proxy against the baselines.</summary>
/// <param name="Agents">Concurrent agents (MCP sessions) per target.</param>
/// <param name="Targets">Each target over all its phases.</param>
/// <param name="Comparisons">Each proxy against the baselines, the median of the rounds' figures.</param>
/// <param name="RoundComparisons">Each proxy against the baselines in each round.</param>
/// <param name="Phases">Every measured phase, in the order run.</param>
internal sealed record OverheadLevel(
    int Agents,
    IReadOnlyList<OverheadTargetSummary> Targets,
    IReadOnlyList<OverheadComparison> Comparisons,
    IReadOnlyList<OverheadComparison> RoundComparisons,
    IReadOnlyList<OverheadPhase> Phases)
{
    public OverheadTargetSummary? Target(string name) => Targets.SingleOrDefault(t => t.Target == name);

    public OverheadComparison? Comparison(string target) => Comparisons.SingleOrDefault(c => c.Target == target);

    /// <param name="agents">The agent count.</param>
    /// <param name="targets">The targets, <see cref="OverheadTarget.Direct"/> among them.</param>
    /// <param name="phases">Every phase measured at this count.</param>
    /// <param name="pooled">Each target's calls of all its phases together.</param>
    public static OverheadLevel Of(int agents, IReadOnlyList<OverheadTarget> targets, IReadOnlyList<OverheadPhase> phases, IReadOnlyDictionary<string, PhaseStats> pooled)
    {
        var summaries = targets.Select(t => Summarize(t.Name, pooled[t.Name], [.. phases.Where(p => p.Target == t.Name)])).ToList();
        var rounds = targets.Where(t => t.Name != OverheadTarget.Direct).SelectMany(t => CompareEachRound(t, phases)).ToList();
        var medians = rounds.GroupBy(c => c.Target).Select(g => new OverheadComparison(
            g.Key,
            Round: null,
            Median.Of(g.Select(c => c.AddedP50Ms)) ?? 0,
            Median.Of(g.Select(c => c.AddedP99Ms)) ?? 0,
            Median.Of(g.Select(c => c.ShareOfDirect)) ?? 0,
            Median.Of(g.Where(c => c.ShareOfYarp is not null).Select(c => c.ShareOfYarp!.Value)),
            Median.Of(g.Where(c => c.CpuRatioToYarp is not null).Select(c => c.CpuRatioToYarp!.Value)))).ToList();
        return new OverheadLevel(agents, summaries, medians, rounds, phases);
    }

    private static OverheadTargetSummary Summarize(string target, PhaseStats pooled, IReadOnlyList<OverheadPhase> phases) => new(
        target,
        pooled,
        Median.Of(phases.Select(p => p.Stats.CallsPerSecond)) ?? 0,
        phases.SelectMany(p => p.CpuUsPerCall.Keys).Distinct().ToDictionary(name => name, name => Median.Of(phases.Select(p => p.CpuUsPerCall[name])) ?? 0));

    private static IEnumerable<OverheadComparison> CompareEachRound(OverheadTarget target, IReadOnlyList<OverheadPhase> phases)
    {
        foreach (var round in phases.Select(p => p.Round).Distinct().Order())
        {
            var direct = phases.SingleOrDefault(p => p.Round == round && p.Target == OverheadTarget.Direct);
            var own = phases.SingleOrDefault(p => p.Round == round && p.Target == target.Name);
            var yarp = phases.SingleOrDefault(p => p.Round == round && p.Target == OverheadTarget.Yarp);
            if (direct is null || own is null)
            {
                continue;
            }

            var isYarp = target.Name == OverheadTarget.Yarp;
            yield return new OverheadComparison(
                target.Name,
                round,
                own.Stats.Latency.P50 - direct.Stats.Latency.P50,
                own.Stats.Latency.P99 - direct.Stats.Latency.P99,
                Ratio(own.Stats.CallsPerSecond, direct.Stats.CallsPerSecond),
                isYarp || yarp is null ? null : Ratio(own.Stats.CallsPerSecond, yarp.Stats.CallsPerSecond),
                isYarp || yarp is null ? null : CpuRatio(own, target.Proxy, yarp));
        }
    }

    private static double? CpuRatio(OverheadPhase own, string? proxy, OverheadPhase yarp) =>
        proxy is not null && own.CpuUsPerCall.TryGetValue(proxy, out var mine) && yarp.CpuUsPerCall.TryGetValue(CpuProbes.Yarp, out var theirs) && theirs > 0
            ? mine / theirs
            : null;

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : 0;
}
