using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using Xunit.Abstractions;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Upstreams;

/// <summary>
/// An upstream that speaks only the legacy HTTP+SSE transport (server-everything's <c>sse</c>), behind two replicas. Such
/// a session cannot be rejoined from another process (its messages go to the stream its GET opened), so each replica an
/// agent's session reaches opens an upstream session of its own. When a replica dies, the agent's session goes on
/// through the others with theirs; what lived only in the dead replica's upstream session (its subscriptions, a request
/// the upstream had in flight to the agent) is gone with it.
/// </summary>
public sealed class LegacySseUpstreamTests(ITestOutputHelper output) : IAsyncLifetime
{
    private UpstreamAndCluster? _setup;

    private GatewayCluster Cluster => _setup!.Cluster;

    public async Task InitializeAsync() =>
        _setup = await UpstreamAndCluster.StartAsync(
            UpstreamServers.StartEverythingSseAsync,
            upstream => GatewayCluster.StartAsync(
                replicas: 2,
                new Dictionary<string, UpstreamSpec> { ["old"] = UpstreamSpec.Http(upstream, Policies.Everything) },
                new Dictionary<string, string[]> { ["legacy"] = ["old"] }));

    public async Task DisposeAsync()
    {
        if (_setup is not null)
        {
            await _setup.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task Agents_of_either_generation_reach_it_through_every_replica_by_the_same_policy(string protocolVersion)
    {
        var (agent, balancer) = await Cluster.ConnectAsync("old", "legacy", new McpClientOptions { ProtocolVersion = protocolVersion });
        await using var _ = agent;

        var names = (await agent.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var echoes = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            echoes.Add((await agent.CallToolAsync("echo", Args(("message", $"old {i}")))).Text());
        }

        var env = await agent.CallToolAsync("get-env");

        Assert.Equal(protocolVersion, agent.NegotiatedProtocolVersion);
        Assert.Contains("echo", names);
        Assert.DoesNotContain("get-env", names);
        Assert.Equal(["Echo: old 0", "Echo: old 1", "Echo: old 2", "Echo: old 3"], echoes);
        Assert.Equal("deny", (string?)env.Decision()?["action"]);
        Assert.Equal(2, balancer.Sent.Distinct().Count());
    }

    [Fact]
    public async Task When_a_replica_dies_the_agents_session_goes_on_through_the_other_with_its_own_upstream_session()
    {
        var (agent, _) = await Cluster.ConnectAsync("old", "legacy");
        await using var __ = agent;
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"Echo: before {i}", (await agent.CallToolAsync("echo", Args(("message", $"before {i}")))).Text());
        }

        var dead = Cluster.Replicas[0];
        dead.Kill();
        await Eventually.HoldsAsync(() => dead.HasExited, () => "the killed replica is still running");

        // Until the cluster declares the dead silo, a grain it held answers nothing; the agent would retry. Wait for that
        // (Orleans' failure detection), then every call must succeed.
        var declared = await Eventually.HoldsAsync(
            async () => (await Cluster.MembersAsync()).Any(m => m.Port == dead.SiloPort && m.Status == 6),
            "the killed replica's silo declared dead");
        output.WriteLine($"declared dead {declared.TotalSeconds:0.0} s after the kill");

        var after = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            after.Add((await agent.CallToolAsync("echo", Args(("message", $"after {i}")))).Text());
        }

        Assert.Equal(["Echo: after 0", "Echo: after 1", "Echo: after 2", "Echo: after 3"], after);
    }
}
