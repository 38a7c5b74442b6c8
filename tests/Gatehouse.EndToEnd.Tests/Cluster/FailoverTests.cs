using Gatehouse.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Replicas come and go under load; the limit stays exact (durable counters, one activation per counter).</summary>
public sealed class FailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static AdminApi Admin => GatewayConfig.Admin;

    private const int AgentCount = 16;
    private UpstreamAndCluster? _setup;

    private GatewayCluster Cluster => _setup!.Cluster;

    private RunningUpstream Upstream => _setup!.Upstream;

    public async Task InitializeAsync() =>
        _setup = await UpstreamAndCluster.StartAsync(
            () => UpstreamServers.StartTestUpstreamAsync(),
            upstream => GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["metered"] = UpstreamSpec.Http(upstream, ClusterPolicies.Metered) },
                new Dictionary<string, string[]> { ["hot"] = ["metered"], ["growing"] = ["metered"] }));

    public async Task DisposeAsync()
    {
        if (_setup is not null)
        {
            await _setup.DisposeAsync();
        }
    }

    [Fact]
    public async Task Killing_the_replica_that_holds_the_counter_never_admits_more_than_max()
    {
        var before = await InvocationCounts.ReadAsync(Upstream.Endpoint);
        var hammer = new Hammer();
        var killedAt = (DateTimeOffset?)null;
        var killing = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await hammer.RunAsync(Cluster, "metered", "hot", "add", AgentCount, async outcome =>
        {
            // A third of the way into the budget, kill -9 the replica whose silo holds the counter grain.
            // The agents wait for the kill, so that most of the budget is spent after it.
            if (hammer.Admitted >= ClusterPolicies.Max / 3)
            {
                if (Interlocked.Exchange(ref killing, 1) == 0)
                {
                    var counters = await Admin.CountersAsync(Cluster.LiveUrls[0], "hot");
                    Cluster.ReplicaWithSiloPort(AdminApi.SiloPortOf(counters, "fixed_100")).Kill();
                    killedAt = DateTimeOffset.UtcNow;
                    killed.SetResult();
                }

                await killed.Task.WaitAsync(Eventually.Ceiling);
            }

            // Agents go on through errors (the dying replica's calls) until the limit refuses them.
            return outcome.Kind != OutcomeKind.RateLimited;
        });

        var after = await InvocationCounts.ReadAsync(Upstream.Endpoint);
        var counter = await Admin.CountersAsync(Cluster.LiveUrls[0], "hot");
        var ranUpstream = after.Of("add") - before.Of("add");
        Assert.NotNull(killedAt);
        Assert.InRange(ranUpstream, 1, ClusterPolicies.Max);
        Assert.True(hammer.Admitted <= ClusterPolicies.Max, $"{hammer.Admitted} admitted");
        Assert.Equal(ClusterPolicies.Max, (int)(decimal)counter.Single(c => (string?)c!["counter"] == "fixed_100")!["used"]!);
        Assert.Equal(AgentCount, hammer.Refused);

        // Every call got an answer: a result, a refusal, or an error naming what went wrong.
        Assert.All(hammer.Outcomes, outcome => Assert.False(string.IsNullOrWhiteSpace(outcome.Detail)));

        // The cluster served again after the kill; how soon is a figure for the benchmarks, not an assertion.
        var firstAfterKill = hammer.Outcomes.Where(o => o.Kind == OutcomeKind.Admitted && o.At > killedAt).Min(o => o.At);
        output.WriteLine($"served again {(firstAfterKill - killedAt!.Value).TotalMilliseconds:F0} ms after the kill");
    }

    [Fact]
    public async Task A_replica_added_under_load_joins_serves_and_the_limit_stays_exact()
    {
        var before = await InvocationCounts.ReadAsync(Upstream.Endpoint);
        var hammer = new Hammer();
        var adding = 0;
        Task<Replica>? added = null;

        await hammer.RunAsync(Cluster, "metered", "growing", "echo", AgentCount, async outcome =>
        {
            if (Interlocked.Exchange(ref adding, 1) == 0)
            {
                added = Cluster.AddReplicaAsync();
            }

            // The fourth replica starts and joins while the agents call; half-way through the budget they
            // wait for it to be in, so the other half is spent on a cluster of four.
            if (hammer.Admitted >= ClusterPolicies.Max / 2)
            {
                await added!;
            }

            return outcome.Kind != OutcomeKind.RateLimited;
        });
        var fourth = await added!;

        var after = await InvocationCounts.ReadAsync(Upstream.Endpoint);
        var members = await Cluster.MembersAsync();
        Assert.Contains((fourth.SiloPort, 3), members);
        Assert.Equal(0, hammer.Errors);
        Assert.Equal(ClusterPolicies.Max, hammer.Admitted);
        Assert.Equal(ClusterPolicies.Max, after.Of("echo") - before.Of("echo"));

        // The new replica serves: a session through it alone works.
        await using var agent = await Agents.ConnectAsync(new Uri(fourth.BaseUrl, "/mcp/metered"), Cluster.TokenOf("growing"));
        Assert.Equal("rate_limited", (string?)(await agent.CallToolAsync("echo", ClusterPolicies.ArgumentsFor("echo"))).Decision()?["action"]);
    }

    [Fact]
    public async Task Sigterm_drains_in_flight_calls_and_the_silo_leaves_the_cluster()
    {
        var victim = Cluster.Replicas[1];
        await using var agent = await Agents.ConnectAsync(new Uri(victim.BaseUrl, "/mcp/metered"), Cluster.TokenOf("hot"));
        var slow = new Dictionary<string, object?> { ["steps"] = 20, ["delayMs"] = 250 };
        var before = await InvocationCounts.ReadAsync(Upstream.Endpoint);

        var calls = Enumerable.Range(0, 3).Select(_ => agent.CallToolAsync("slow", slow).AsTask()).ToArray();
        // SIGTERM once the upstream runs all three calls, so they are in flight through the victim.
        await Eventually.ValueAsync(
            () => InvocationCounts.ReadAsync(Upstream.Endpoint),
            counts => counts.Of("slow") - before.Of("slow") == calls.Length,
            counts => $"the upstream runs {counts.Of("slow") - before.Of("slow")} of the {calls.Length} calls");
        victim.Terminate();
        var results = await Task.WhenAll(calls);
        await victim.WaitForExitAsync(Eventually.Ceiling);

        // Each call ran its whole course: the last step's answer, not a cancellation.
        Assert.All(results, result => Assert.Equal("done after 20 steps", result.Text()));
        var members = await Cluster.MembersAsync();
        Assert.Contains((victim.SiloPort, 6), members);
    }
}
