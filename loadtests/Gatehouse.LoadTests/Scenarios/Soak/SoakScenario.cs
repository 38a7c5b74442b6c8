using System.Globalization;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>
/// Scenario 7, the soak: a steady open-loop load at a moderate rate on a cluster of replicas for a long time,
/// agents closing their sessions and opening new ones as they go, every replica's memory, grain activations and
/// sessions sampled throughout. After warm-up each series should stay flat; one that grows is a leak.
/// </summary>
internal static class SoakScenario
{
    private static readonly TimeSpan ScrapeTimeout = TimeSpan.FromSeconds(10);

    public static async Task<(SoakReport Report, SoakTimeline Timeline)> RunAsync(SoakOptions options, ProgressView progress)
    {
        var server = await PostgresServer.ConnectionStringAsync(options.Postgres);
        progress.Status("starting the test upstream");
        await using var upstream = await TestUpstream.StartAsync();
        var grants = Enumerable.Range(0, MeteredLoadPolicy.Grants).Select(MeteredLoadPolicy.GrantName).ToArray();
        progress.Status($"starting {options.Replicas} Gatehouse replicas on PostgreSQL");
        await using var cluster = await GatehouseCluster.StartAsync(
            options.Replicas,
            new Dictionary<string, (Uri, string)> { [MeteredLoadPolicy.Upstream] = (upstream.Endpoint, SoakPolicy.Json()) },
            grants.ToDictionary(g => g, _ => new[] { MeteredLoadPolicy.Upstream }),
            server,
            "Durable");
        using var http = new HttpClient { Timeout = ScrapeTimeout };
        var probes = cluster.Replicas.Select((r, i) => new ReplicaProbe("r" + (i + 1).ToString(CultureInfo.InvariantCulture), r, http)).ToList();
        var rotation = new Rotation(cluster.EndpointsOf(MeteredLoadPolicy.Upstream));

        var churn = new SessionChurn();
        var agents = Enumerable.Range(0, options.Agents)
            .Select(i => new ChurningAgent(i, i % grants.Length, rotation, cluster.Config.Tokens[grants[i % grants.Length]], options.SessionCalls, churn))
            .ToList();
        progress.Status($"opening {options.Agents} sessions");
        foreach (var agent in agents)
        {
            await agent.OpenAsync(CancellationToken.None);
        }

        var limited = new CallLog($"{MeteredLoadPolicy.LimitedTool}, {SoakPolicy.Limit} per {SoakPolicy.WindowSeconds} s per grant");
        var unlimited = new CallLog($"{MeteredLoadPolicy.UnlimitedTool}, unlimited");
        churn.CountFrom(limited.Started);
        using var replicaExited = new CancellationTokenSource();
        using var loadEnded = new CancellationTokenSource();
        var sampler = new SoakSampler(probes, TimeSpan.FromSeconds(options.SampleSeconds), progress, replicaExited);
        string Status() => string.Create(
            CultureInfo.InvariantCulture,
            $"{limited.Elapsed.TotalMinutes:0.0}/{options.Minutes:0.#} min, {limited.Records.Count + unlimited.Records.Count} calls, {churn.Opened} sessions opened");
        progress.Watch(unlimited);
        var sampling = sampler.RunAsync(Status, loadEnded.Token);
        try
        {
            await new SoakLoad(agents, options.Rate, limited, unlimited).RunAsync(options.Duration, replicaExited.Token);
        }
        finally
        {
            await loadEnded.CancelAsync();
            await sampling;
            foreach (var agent in agents)
            {
                await agent.CloseAsync();
            }
        }

        progress.Completed(PhaseStats.Of(unlimited));
        progress.Completed(PhaseStats.Of(limited));
        var timeline = new SoakTimeline(limited.Started, options.WarmUp, sampler.Rounds, [(MeteredLoadPolicy.LimitedTool, limited), (MeteredLoadPolicy.UnlimitedTool, unlimited)], Logs(probes));
        var report = new SoakReport(
            MachineInfo.Current(),
            options,
            options.WarmUp.TotalSeconds,
            limited.Elapsed.TotalSeconds,
            [PhaseStats.Of(limited), PhaseStats.Of(unlimited)],
            churn.Opened,
            churn.Closed,
            timeline.Rounds,
            timeline.Trends(),
            sampler.Missed,
            sampler.Exits,
            timeline.Failures(),
            [.. churn.Failures.OrderBy(f => f.Seconds)]);
        return (report, timeline);
    }

    private static Dictionary<string, string> Logs(IEnumerable<ReplicaProbe> probes) =>
        probes.ToDictionary(p => p.Name, p => $"Warnings and errors:\n{p.Replica.Problems}\n\nLast lines:\n{p.Replica.Output}");
}
