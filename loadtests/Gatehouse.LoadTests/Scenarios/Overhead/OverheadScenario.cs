using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Run;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>
/// Scenario 1, proxy overhead: the same agents call the same tool of the same upstream directly and through
/// Gatehouse (allow-all policy, one replica), in alternating phases of one run, so both see the same machine.
/// Unless given endpoints, it starts the test upstream and a Gatehouse replica itself.
/// </summary>
internal static class OverheadScenario
{
    public const string AllowAllPolicy = """{ "version": "allow-all", "default": "allow" }""";

    public static async Task<(OverheadReport Report, IReadOnlyList<(int Agents, CallLog Direct, CallLog Gatehouse)> Logs)> RunAsync(OverheadOptions options, ProgressView progress)
    {
        TestUpstream? upstream = null;
        GatehouseCluster? gateway = null;
        try
        {
            Uri direct, through;
            string token;
            if (options.Direct is { } givenDirect && options.Gateway is { } givenGateway)
            {
                (direct, through, token) = (givenDirect, givenGateway, options.Token ?? throw new ArgumentException("--token is required with --gateway"));
            }
            else
            {
                progress.Status("starting the test upstream and one Gatehouse replica (allow-all policy)");
                upstream = await TestUpstream.StartAsync();
                gateway = await GatehouseCluster.StartEmbeddedAsync(
                    new Dictionary<string, (Uri, string)> { ["bench"] = (upstream.Endpoint, AllowAllPolicy) },
                    new Dictionary<string, string[]> { ["agent"] = ["bench"] });
                (direct, through, token) = (upstream.Endpoint, gateway.EndpointsOf("bench")[0], gateway.Config.Tokens["agent"]);
            }

            var arguments = RunScenario.ParseArguments(options.ArgumentsJson);
            var levels = new List<OverheadLevel>();
            var logs = new List<(int, CallLog, CallLog)>();
            foreach (var agents in options.AgentLevels)
            {
                var (level, directLog, gatehouseLog) = await MeasureLevelAsync(options, progress, direct, through, token, arguments, agents);
                levels.Add(level);
                logs.Add((agents, directLog, gatehouseLog));
            }

            var mode = options.Rate is { } rate ? $"open loop at {rate} calls/s" : "closed loop";
            return (new OverheadReport(MachineInfo.Current(), mode, options.Tool, options.PhaseSeconds, options.Rounds, levels), logs);
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }

            if (upstream is not null)
            {
                await upstream.DisposeAsync();
            }
        }
    }

    private static async Task<(OverheadLevel, CallLog, CallLog)> MeasureLevelAsync(
        OverheadOptions options, ProgressView progress, Uri direct, Uri through, string token, Dictionary<string, object?> arguments, int agents)
    {
        progress.Status($"opening {agents} sessions to each target");
        var directAgents = await Agent.ConnectAsync(agents, [direct], [null]);
        var gatehouseAgents = await Agent.ConnectAsync(agents, [through], [token]);
        try
        {
            var warmup = new LoadPlan(options.Tool, arguments, TimeSpan.FromSeconds(options.WarmupSeconds), RatePerSecond: options.Rate);
            foreach (var (name, group) in new[] { ("direct", directAgents), ("gatehouse", gatehouseAgents) })
            {
                var log = new CallLog($"warm-up {name}, {agents} agents");
                progress.Watch(log);
                await LoadRunner.RunAsync(group, warmup, log);
                progress.Completed(PhaseStats.Of(log));
            }

            var phase = new LoadPlan(options.Tool, arguments, TimeSpan.FromSeconds(options.PhaseSeconds), RatePerSecond: options.Rate);
            var directLog = new CallLog($"direct, {agents} agents");
            var gatehouseLog = new CallLog($"gatehouse, {agents} agents");
            var elapsed = new Dictionary<CallLog, TimeSpan> { [directLog] = TimeSpan.Zero, [gatehouseLog] = TimeSpan.Zero };
            for (var round = 0; round < options.Rounds; round++)
            {
                // Alternate which target goes first, so that neither always runs on a warmer (or noisier) machine.
                var order = round % 2 == 0
                    ? new[] { (directAgents, directLog), (gatehouseAgents, gatehouseLog) }
                    : [(gatehouseAgents, gatehouseLog), (directAgents, directLog)];
                foreach (var (group, total) in order)
                {
                    var log = new CallLog($"{total.Label}, round {round + 1}");
                    progress.Watch(log);
                    await LoadRunner.RunAsync(group, phase, log);
                    progress.Completed(PhaseStats.Of(log));
                    foreach (var record in log.Records)
                    {
                        total.Add(record);
                    }

                    elapsed[total] += log.Elapsed;
                }
            }

            var level = new OverheadLevel(
                agents,
                PhaseStats.Of(directLog.Label, directLog.Records, elapsed[directLog]),
                PhaseStats.Of(gatehouseLog.Label, gatehouseLog.Records, elapsed[gatehouseLog]));
            return (level, directLog, gatehouseLog);
        }
        finally
        {
            await Agent.DisposeAllAsync(directAgents);
            await Agent.DisposeAllAsync(gatehouseAgents);
        }
    }
}
