using System.Diagnostics;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>
/// Scenario 6, scaling and rolling restarts: under steady load (agents calling a rate-limited and an unlimited tool
/// round-robin over the replicas in the balancer's rotation) the cluster grows from <c>start</c> to <c>peak</c>
/// replicas, shrinks back with graceful stops, then restarts its replicas one by one. Every change is graceful, so
/// no call may fail and the limit must hold throughout.
/// </summary>
internal static class ScaleScenario
{
    public static async Task<(ScaleReport Report, ScaleTimeline Timeline)> RunAsync(ScaleOptions options, ProgressView progress)
    {
        var server = await PostgresServer.ConnectionStringAsync(options.Postgres);
        progress.Status("starting the test upstream");
        await using var upstream = await TestUpstream.StartAsync();
        var grants = Enumerable.Range(0, MeteredLoadPolicy.Grants).Select(MeteredLoadPolicy.GrantName).ToArray();
        await using var cluster = await GatehouseCluster.StartAsync(
            0,
            new Dictionary<string, (Uri, string)> { [MeteredLoadPolicy.Upstream] = (upstream.Endpoint, MeteredLoadPolicy.Json("scale", options.Limit, options.WindowSeconds)) },
            grants.ToDictionary(g => g, _ => new[] { MeteredLoadPolicy.Upstream }),
            server,
            "Durable");
        var membership = new Membership(cluster, progress);
        progress.Status($"starting {options.Start} Gatehouse replicas on PostgreSQL");
        await AddAsync(membership, options.Start);

        progress.Status($"opening {options.Agents} sessions");
        string?[] tokens = [.. grants.Select(g => cluster.Config.Tokens[g])];
        var limitedAgents = await Agent.ConnectAsync(options.Agents / 2, membership.Rotation, tokens);
        var unlimitedAgents = await Agent.ConnectAsync(options.Agents - limitedAgents.Length, membership.Rotation, tokens);
        var before = (await upstream.InvocationsAsync()).GetValueOrDefault(MeteredLoadPolicy.LimitedTool);

        var limited = new CallLog($"{MeteredLoadPolicy.LimitedTool}, {options.Limit} per {options.WindowSeconds} s");
        var unlimited = new CallLog($"{MeteredLoadPolicy.UnlimitedTool}, unlimited");
        membership.CountFrom(limited.Started);
        using var stop = new CancellationTokenSource();
        var hold = new SteadyHold(TimeSpan.FromSeconds(options.HoldSeconds), () => limited.Records.Count + unlimited.Records.Count, options.Agents);
        progress.Watch(unlimited);
        var load = Task.WhenAll(
            LoadRunner.RunAsync(limitedAgents, new LoadPlan(MeteredLoadPolicy.LimitedTool, MeteredLoadPolicy.LimitedArguments, TimeSpan.FromHours(1)), limited, stop: stop.Token),
            LoadRunner.RunAsync(unlimitedAgents, new LoadPlan(MeteredLoadPolicy.UnlimitedTool, MeteredLoadPolicy.UnlimitedArguments, TimeSpan.FromHours(1)), unlimited, stop: stop.Token));
        try
        {
            await ChangeAsync(membership, options, hold);
        }
        finally
        {
            await stop.CancelAsync();
            await load;
            await Agent.DisposeAllAsync([.. limitedAgents, .. unlimitedAgents]);
        }

        progress.Completed(PhaseStats.Of(unlimited));
        progress.Completed(PhaseStats.Of(limited));
        var ran = (await upstream.InvocationsAsync()).GetValueOrDefault(MeteredLoadPolicy.LimitedTool) - before;
        var timeline = new ScaleTimeline(membership, [(MeteredLoadPolicy.LimitedTool, limited), (MeteredLoadPolicy.UnlimitedTool, unlimited)]);
        var report = new ScaleReport(
            MachineInfo.Current(),
            options,
            timeline.Figures(),
            LimitCheck.Of(limited, options.Limit, options.WindowSeconds, Math.Min(MeteredLoadPolicy.Grants, limitedAgents.Length), ran),
            membership.Lives,
            membership.Events,
            timeline.Failures());
        return (report, timeline);
    }

    private static async Task ChangeAsync(Membership membership, ScaleOptions options, SteadyHold hold)
    {
        var (start, peak) = (options.Start, options.Peak);
        await membership.PhaseAsync($"steady at {start}", hold.WaitAsync);
        await membership.PhaseAsync($"scale out {start} → {peak}", () => AddAsync(membership, peak - start));
        await membership.PhaseAsync($"steady at {peak}", hold.WaitAsync);
        await membership.PhaseAsync($"scale in {peak} → {start}", async () =>
        {
            // The newest go first, as a ReplicaSet scaled down removes the youngest pods.
            while (membership.Serving > start)
            {
                await membership.RemoveAsync(membership.InRotation()[^1], MeteredLoadPolicy.Upstream);
            }
        });
        await membership.PhaseAsync($"steady at {start} again", hold.WaitAsync);
        if (options.Roll)
        {
            await membership.PhaseAsync($"rolling restart of {start}", async () =>
            {
                foreach (var old in membership.InRotation())
                {
                    await membership.AddAsync(MeteredLoadPolicy.Upstream);
                    await membership.RemoveAsync(old, MeteredLoadPolicy.Upstream);
                }
            });
            await membership.PhaseAsync("steady after the roll", hold.WaitAsync);
        }
    }

    private static async Task AddAsync(Membership membership, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await membership.AddAsync(MeteredLoadPolicy.Upstream);
        }
    }
}
