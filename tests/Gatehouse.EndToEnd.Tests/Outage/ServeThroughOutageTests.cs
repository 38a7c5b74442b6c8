using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.EndToEnd.Tests.Outage;

/// <summary>
/// With <c>Counters:OnStoreOutage: Serve</c>, a counter already in memory keeps deciding while PostgreSQL is away,
/// exactly, and its window is stored once the database is back.
/// </summary>
public sealed class ServeThroughOutageTests(ServingOutageFixture fixture) : IClassFixture<ServingOutageFixture>
{
    [Fact]
    public async Task A_counter_in_memory_keeps_its_exact_budget_through_the_outage_and_is_stored_when_the_database_returns()
    {
        var cluster = fixture.Cluster;
        var (agent, balancer) = await cluster.ConnectAsync(DatabaseOutageFixture.Upstream, DatabaseOutageFixture.Grant);
        await using var _ = agent;
        Assert.Null((await Echo(agent)).Decision());

        var actions = new List<string>();
        await cluster.Database.StopAcceptingConnectionsAsync();
        try
        {
            for (var i = 0; i < DatabaseOutageFixture.EchoBudget + 3; i++)
            {
                actions.Add((string?)(await Echo(agent)).Decision()?["action"] ?? "allow");
            }
        }
        finally
        {
            await cluster.Database.AcceptConnectionsAgainAsync();
        }

        // One was admitted before the outage: the rest of the budget during it, then the limit, never "unavailable".
        var expected = Enumerable.Repeat("allow", DatabaseOutageFixture.EchoBudget - 1).Concat(Enumerable.Repeat("rate_limited", 4));
        Assert.Equal(expected, actions);
        Assert.Equal(cluster.Replicas.Count, balancer.Sent.Distinct().Count());

        var key = $"grant:{DatabaseOutageFixture.Grant}/{DatabaseOutageFixture.Upstream}/echo_budget";
        await Eventually.HoldsAsync(
            async () => await fixture.ScalarAsync<decimal>("SELECT (state->>'used')::numeric FROM gatehouse_counters WHERE counter_key = $1", key)
                == DatabaseOutageFixture.EchoBudget,
            () => "the window decided from memory is stored");
        Assert.Equal("rate_limited", (string?)(await Echo(agent)).Decision()?["action"]);
    }

    private static Task<CallToolResult> Echo(McpClient agent) =>
        agent.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "m" }).AsTask();
}
