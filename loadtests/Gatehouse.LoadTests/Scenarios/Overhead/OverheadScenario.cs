using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Run;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>
/// Scenario 1, proxy overhead: the same number of agents call the same tool of the same upstream directly, through a
/// plain reverse proxy (YARP, protocol-unaware) and through Gatehouse (allow-all policy, one replica), in interleaved
/// phases of one run, so that all three see the same machine. Each phase also reads the CPU time of every process
/// (upstream, proxy, Gatehouse, load generator) before and after, for what one call cost each of them.
/// </summary>
internal static class OverheadScenario
{
    public static async Task<(OverheadReport Report, IReadOnlyList<(int Agents, string Target, CallLog Log)> Logs)> RunAsync(OverheadOptions options, ProgressView progress)
    {
        await using var rig = await OverheadRig.StartAsync(options, progress);
        var arguments = RunScenario.ParseArguments(options.ArgumentsJson);
        var levels = new List<OverheadLevel>();
        var logs = new List<(int, string, CallLog)>();
        foreach (var agents in options.AgentLevels)
        {
            var (level, pooled) = await MeasureLevelAsync(options, progress, rig, arguments, agents);
            levels.Add(level);
            logs.AddRange(pooled.Select(p => (agents, p.Key, p.Value)));
        }

        var mode = options.Rate is { } rate ? $"open loop at {rate} calls/s" : "closed loop";
        var report = new OverheadReport(
            MachineInfo.Current(), mode, rig.Upstream, options.Tool, options.PhaseSeconds, options.Rounds, options.WarmupSeconds, [.. rig.Cpu.Names], levels, OverheadGoals.Check(levels, openLoop: options.Rate is not null));
        return (report, logs);
    }

    private static async Task<(OverheadLevel Level, Dictionary<string, CallLog> Pooled)> MeasureLevelAsync(
        OverheadOptions options, ProgressView progress, OverheadRig rig, Dictionary<string, object?> arguments, int agents)
    {
        var groups = new Dictionary<string, Agent[]>();
        try
        {
            progress.Status($"opening {agents} sessions to each target");
            foreach (var target in rig.Targets)
            {
                groups[target.Name] = await Agent.ConnectAsync(agents, [target.Endpoint], [target.Token]);
            }

            var warmup = new LoadPlan(options.Tool, arguments, TimeSpan.FromSeconds(options.WarmupSeconds), RatePerSecond: options.Rate);
            foreach (var target in rig.Targets)
            {
                var log = new CallLog($"warm-up {target.Name}, {agents} agents");
                progress.Watch(log);
                await LoadRunner.RunAsync(groups[target.Name], warmup, log);
                progress.Completed(PhaseStats.Of(log));
            }

            var plan = new LoadPlan(options.Tool, arguments, TimeSpan.FromSeconds(options.PhaseSeconds), RatePerSecond: options.Rate);
            var pooled = rig.Targets.ToDictionary(t => t.Name, t => new CallLog($"{t.Name}, {agents} agents"));
            var elapsed = rig.Targets.ToDictionary(t => t.Name, _ => TimeSpan.Zero);
            var phases = new List<OverheadPhase>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                // Each round starts one target further on (direct, yarp, gatehouse; yarp, gatehouse, direct; …), so that
                // no target always runs first, on a machine just rested, or always right after the same other one.
                for (var i = 0; i < rig.Targets.Count; i++)
                {
                    var target = rig.Targets[(i + round - 1) % rig.Targets.Count];
                    var log = new CallLog($"{target.Name}, {agents} agents, round {round}");
                    progress.Watch(log);
                    var before = rig.Cpu.Read();
                    await LoadRunner.RunAsync(groups[target.Name], plan, log);
                    var after = rig.Cpu.Read();
                    var stats = PhaseStats.Of(log);
                    progress.Completed(stats);
                    phases.Add(new OverheadPhase(target.Name, round, stats, CpuProbes.PerCall(before, after, log.Records.Count)));
                    foreach (var record in log.Records)
                    {
                        pooled[target.Name].Add(record);
                    }

                    elapsed[target.Name] += log.Elapsed;
                }
            }

            var pooledStats = pooled.ToDictionary(p => p.Key, p => PhaseStats.Of(p.Value.Label, p.Value.Records, elapsed[p.Key]));
            return (OverheadLevel.Of(agents, rig.Targets, phases, pooledStats), pooled);
        }
        finally
        {
            foreach (var group in groups.Values)
            {
                await Agent.DisposeAllAsync(group);
            }
        }
    }
}
