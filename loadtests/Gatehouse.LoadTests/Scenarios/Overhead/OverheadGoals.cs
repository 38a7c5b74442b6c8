using System.Globalization;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>
/// What Gatehouse should cost against a plain reverse proxy and against a direct call, checked on a run's medians
/// of per-round figures. A benchmark's verdict, printed with the tables; never asserted in tests.
/// </summary>
internal static class OverheadGoals
{
    /// <summary>Gatehouse's own CPU per call, at most this many times the plain proxy's.</summary>
    public const double MaxCpuRatioToYarp = 2.0;

    /// <summary>Gatehouse's throughput, at least this share of the plain proxy's at <see cref="ThroughputLevels"/>.</summary>
    public const double MinShareOfYarp = 0.70;

    /// <summary>What Gatehouse may add to a direct call's p50 latency at <see cref="LatencyLevel"/> agents, in ms.</summary>
    public const double MaxAddedP50Ms = 0.5;

    /// <summary>What Gatehouse may add to a direct call's p99 latency at <see cref="LatencyLevel"/> agents, in ms.</summary>
    public const double MaxAddedP99Ms = 2.0;

    public const int LatencyLevel = 1;

    public static readonly IReadOnlyList<int> ThroughputLevels = [16, 64];

    /// <summary>Each goal the run has the agent counts for.</summary>
    /// <param name="levels">The run's figures.</param>
    /// <param name="openLoop">Calls arrived at a fixed rate: every target keeps up, so throughput is not checked.</param>
    public static IReadOnlyList<OverheadGoal> Check(IReadOnlyList<OverheadLevel> levels, bool openLoop)
    {
        var gatehouse = levels
            .Select(l => (l.Agents, Comparison: l.Comparison(OverheadTarget.Gatehouse)))
            .Where(l => l.Comparison is not null)
            .Select(l => (l.Agents, Comparison: l.Comparison!))
            .ToList();
        var goals = new List<OverheadGoal>();

        var cpu = gatehouse.Where(l => l.Comparison.CpuRatioToYarp is not null).ToList();
        if (cpu.Count > 0)
        {
            goals.Add(new OverheadGoal(
                $"Gatehouse's CPU per call ≤ {Number(MaxCpuRatioToYarp)}× the plain proxy's",
                Each(cpu, c => Number(c.CpuRatioToYarp!.Value) + "×"),
                cpu.All(l => l.Comparison.CpuRatioToYarp <= MaxCpuRatioToYarp)));
        }

        var throughput = openLoop ? [] : gatehouse.Where(l => ThroughputLevels.Contains(l.Agents) && l.Comparison.ShareOfYarp is not null).ToList();
        if (throughput.Count > 0)
        {
            goals.Add(new OverheadGoal(
                $"≥ {Percent(MinShareOfYarp)} of the plain proxy's throughput at {string.Join(" and ", ThroughputLevels)} agents",
                Each(throughput, c => Percent(c.ShareOfYarp!.Value)),
                throughput.All(l => l.Comparison.ShareOfYarp >= MinShareOfYarp)));
        }

        var latency = gatehouse.Where(l => l.Agents == LatencyLevel).ToList();
        if (latency.Count > 0)
        {
            goals.Add(new OverheadGoal(
                $"adds ≤ {Number(MaxAddedP50Ms)} ms at p50 over a direct call, at {LatencyLevel} agent",
                Each(latency, c => $"{c.AddedP50Ms.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} ms"),
                latency.All(l => l.Comparison.AddedP50Ms <= MaxAddedP50Ms)));
            goals.Add(new OverheadGoal(
                $"adds ≤ {Number(MaxAddedP99Ms)} ms at p99 over a direct call, at {LatencyLevel} agent",
                Each(latency, c => $"{c.AddedP99Ms.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} ms"),
                latency.All(l => l.Comparison.AddedP99Ms <= MaxAddedP99Ms)));
        }

        return goals;
    }

    private static string Each(IEnumerable<(int Agents, OverheadComparison Comparison)> levels, Func<OverheadComparison, string> figure) =>
        string.Join(", ", levels.Select(l => $"{figure(l.Comparison)} at {l.Agents}"));

    private static string Number(double value) => value.ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", string.Empty, StringComparison.Ordinal);
}
