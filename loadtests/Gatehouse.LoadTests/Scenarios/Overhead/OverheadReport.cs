using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>What <c>overhead</c> measured: per agent count, direct, through the plain reverse proxy and through Gatehouse.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Mode">Closed loop, or open loop at a rate.</param>
/// <param name="Upstream">The upstream every target reaches.</param>
/// <param name="Tool">The tool every call invokes.</param>
/// <param name="PhaseSeconds">Length of one phase.</param>
/// <param name="Rounds">Phases per target and agent count.</param>
/// <param name="WarmupSeconds">Load on each target before measuring, at each agent count.</param>
/// <param name="Processes">The processes whose CPU was probed (<see cref="CpuProbes"/>).</param>
/// <param name="Levels">Each agent count's figures.</param>
/// <param name="Goals">The overhead targets, checked on the medians.</param>
internal sealed record OverheadReport(
    MachineInfo Machine,
    string Mode,
    string Upstream,
    string Tool,
    double PhaseSeconds,
    int Rounds,
    double WarmupSeconds,
    IReadOnlyList<string> Processes,
    IReadOnlyList<OverheadLevel> Levels,
    IReadOnlyList<OverheadGoal> Goals)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Tool `{Tool}` on {Upstream}, {Mode}; {Rounds} rounds of one {PhaseSeconds} s phase per target, the targets' order rotating from round to round, after a {WarmupSeconds} s warm-up of each; {Machine}.")
            .AppendLine()
            .AppendLine("Every call of a target's phases together:")
            .AppendLine()
            .Append(Calls())
            .AppendLine()
            .AppendLine("Against the baselines (each figure the median of the rounds' figures; throughput as a share of the same round's):")
            .AppendLine()
            .Append(Baselines())
            .AppendLine()
            .AppendLine("CPU per call, µs, of each process from its own CPU time (median of the rounds):")
            .AppendLine()
            .Append(Cpu())
            .AppendLine()
            .AppendLine("Each round:")
            .AppendLine()
            .Append(EachRound());
        if (Goals.Count > 0)
        {
            text.AppendLine().Append(GoalTable());
        }

        return text.ToString();
    }

    private MarkdownTable Calls()
    {
        var table = new MarkdownTable("agents", "target", "calls", "calls/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        foreach (var level in Levels)
        {
            foreach (var (target, s) in level.Targets.Select(t => (t.Target, t.Pooled)))
            {
                table.Row(level.Agents, target, s.Calls, s.CallsPerSecond, MarkdownTable.Ms(s.Latency.P50), MarkdownTable.Ms(s.Latency.P90),
                    MarkdownTable.Ms(s.Latency.P99), MarkdownTable.Ms(s.Latency.P999), MarkdownTable.Ms(s.Latency.Max), s.ErrorText);
            }
        }

        return table;
    }

    private MarkdownTable Baselines()
    {
        var table = new MarkdownTable("agents", "target", "calls/s", "added p50 ms", "added p99 ms", "throughput / direct", "throughput / yarp", "CPU per call / yarp's");
        foreach (var level in Levels)
        {
            foreach (var c in level.Comparisons)
            {
                table.Row(level.Agents, c.Target, level.Target(c.Target)?.MedianCallsPerSecond, Added(c.AddedP50Ms), Added(c.AddedP99Ms), Percent(c.ShareOfDirect),
                    c.ShareOfYarp is { } y ? Percent(y) : "-", c.CpuRatioToYarp is { } r ? Times(r) : "-");
            }
        }

        return table;
    }

    private MarkdownTable Cpu()
    {
        var table = new MarkdownTable(["agents", "target", .. Processes]);
        foreach (var level in Levels)
        {
            foreach (var target in level.Targets)
            {
                table.Row([level.Agents, target.Target, .. Processes.Select(p => target.MedianCpuUsPerCall.TryGetValue(p, out var us) ? us.ToString("0", CultureInfo.InvariantCulture) : "-")]);
            }
        }

        return table;
    }

    private MarkdownTable EachRound()
    {
        var table = new MarkdownTable("agents", "round", "target", "calls/s", "p50 ms", "p99 ms", "added p50 ms", "throughput / direct", "throughput / yarp", "CPU per call / yarp's");
        foreach (var level in Levels)
        {
            foreach (var c in level.RoundComparisons.OrderBy(c => c.Round))
            {
                var phase = level.Phases.Single(p => p.Round == c.Round && p.Target == c.Target).Stats;
                table.Row(level.Agents, c.Round, c.Target, phase.CallsPerSecond, MarkdownTable.Ms(phase.Latency.P50), MarkdownTable.Ms(phase.Latency.P99), Added(c.AddedP50Ms),
                    Percent(c.ShareOfDirect), c.ShareOfYarp is { } y ? Percent(y) : "-", c.CpuRatioToYarp is { } r ? Times(r) : "-");
            }
        }

        return table;
    }

    private MarkdownTable GoalTable()
    {
        var table = new MarkdownTable("target (median of rounds)", "measured (at N agents)", "met?");
        foreach (var goal in Goals)
        {
            table.Row(goal.Goal, goal.Measured, goal.Met ? "yes" : "**no**");
        }

        return table;
    }

    private static string Added(double ms) => ms.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);

    private static string Percent(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Times(double ratio) => ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}
