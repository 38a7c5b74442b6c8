using System.Text.Json;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Run;

/// <summary>
/// <c>run</c>: N agents (MCP sessions) calling one tool at the given targets, closed loop or at a fixed
/// arrival rate; throughput, latency percentiles, outcomes, and admissions against what the policy allows.
/// </summary>
internal static class RunScenario
{
    public static async Task<(RunReport Report, CallLog Log)> RunAsync(RunOptions options, ProgressView progress)
    {
        var arguments = ParseArguments(options.ArgumentsJson);
        progress.Status($"opening {options.Agents} sessions");
        var tokens = options.Tokens.Count > 0 ? options.Tokens.Select(t => (string?)t).ToList() : [null];
        var agents = await Agent.ConnectAsync(options.Agents, options.Targets, tokens);
        var log = new CallLog(options.Rate is { } rate ? $"open loop {rate}/s" : "closed loop");
        try
        {
            progress.Watch(log);
            await LoadRunner.RunAsync(agents, new LoadPlan(options.Tool, arguments, options.Duration, options.Calls, options.Rate), log);
        }
        finally
        {
            await Agent.DisposeAllAsync(agents);
        }

        var stats = PhaseStats.Of(log);
        progress.Completed(stats);
        var expected = options.Limit is { } limit ? Expected(log, limit, options.WindowSeconds) : (int?)null;
        var report = new RunReport(
            MachineInfo.Current(), log.Label, options.Agents, [.. options.Targets.Select(t => t.ToString())], options.Tool, stats,
            expected, expected is { } e ? Math.Max(0, stats.Admitted - e) : null);
        return (report, log);
    }

    public static Dictionary<string, object?> ParseArguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(json) ?? [];

    /// <summary>Per grant and aligned window: the lesser of the calls answered in it and the limit.</summary>
    private static int Expected(CallLog log, int limit, int windowSeconds) => log.Records
        .Where(r => r.Kind is OutcomeKind.Admitted or OutcomeKind.RateLimited)
        .GroupBy(r => (r.Grant, Window: log.UtcAt(r.Started).ToUnixTimeSeconds() / windowSeconds))
        .Sum(g => Math.Min(g.Count(), limit));
}
