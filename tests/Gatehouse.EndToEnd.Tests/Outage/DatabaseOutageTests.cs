using System.Net;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.EndToEnd.Tests.Outage;

/// <summary>
/// PostgreSQL goes away under a running cluster (it accepts no connection, and open ones are ended) and comes back.
/// Sessions open and unlimited tools are served throughout, from memory; limited tools fail closed with
/// <c>action: "unavailable"</c>; what could not be written (the new session, its audit rows) is written once the
/// database is back, and the budget is still exact.
/// </summary>
public sealed class DatabaseOutageTests(FailClosedOutageFixture fixture) : IClassFixture<FailClosedOutageFixture>
{
    private const string Upstream = DatabaseOutageFixture.Upstream;

    [Fact]
    public async Task New_sessions_and_unlimited_tools_are_served_while_the_database_is_down_and_what_they_did_is_stored_when_it_returns()
    {
        var cluster = fixture.Cluster;
        var (before, _) = await cluster.ConnectAsync(Upstream, DatabaseOutageFixture.Grant);
        await using var _ = before;
        Assert.Null((await Echo(before)).Decision());

        McpClient during;
        RoundRobinHandler balancer;
        CallToolResult refused;
        var sums = new List<string>();
        HttpResponseMessage unreadable;
        AdminAnswer change;
        using var http = new HttpClient();
        await cluster.Database.StopAcceptingConnectionsAsync();
        try
        {
            sums.Add((await Add(before, 1)).Text());
            refused = await Echo(before);

            (during, balancer) = await cluster.ConnectAsync(Upstream, DatabaseOutageFixture.Grant);
            var tools = await during.ListToolsAsync();
            Assert.Contains(tools, tool => tool.Name == "add");
            for (var i = 2; i <= 5; i++)
            {
                sums.Add((await Add(during, i)).Text());
            }

            // A session no replica holds cannot be read now: the agent is told to come back, not that it has no session.
            unreadable = await http.SendAsync(RawMcp.Post(
                new Uri(cluster.LiveUrls[0], $"/mcp/{Upstream}"),
                cluster.TokenOf(DatabaseOutageFixture.Grant),
                """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""",
                sessionId: Guid.NewGuid().ToString("N")));

            // An operator's change cannot be stored now: it is refused, and nothing changes.
            change = await GatewayConfig.Admin.SendAsync(HttpMethod.Put, cluster.LiveUrls[1], $"/admin/policies/{Upstream}", DenyEverything);
        }
        finally
        {
            await cluster.Database.AcceptConnectionsAgainAsync();
        }

        await using var __ = during;
        using var ___ = unreadable;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unreadable.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), unreadable.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, change.Status);
        Assert.Contains("database", change.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("7", (await Add(during, 6)).Text());
        Assert.Equal(["2", "3", "4", "5", "6"], sums);
        Assert.Equal(cluster.Replicas.Count, balancer.Sent.Distinct().Count());
        var decision = refused.Decision();
        Assert.True(refused.IsError);
        Assert.Equal("unavailable", (string?)decision?["action"]);
        Assert.True((int?)decision?["retryAfterSeconds"] > 0, decision?.ToJsonString());

        // Written behind once the database is back: the session opened during the outage and its calls' audit rows.
        await Eventually.HoldsAsync(
            async () => await fixture.ScalarAsync<long>("SELECT count(*) FROM gatehouse_sessions WHERE session_id = $1", during.SessionId!) == 1,
            () => "the session opened during the outage is stored");
        await Eventually.HoldsAsync(
            async () => await fixture.ScalarAsync<long>("SELECT count(*) FROM gatehouse_audit WHERE session_id = $1 AND tool = 'add'", during.SessionId!) == 5,
            () => "the audit rows of its five calls (four during the outage) are stored");

        // The refused call spent nothing: once the counter can be read again, exactly the rest of the budget is admitted.
        await Eventually.HoldsAsync(async () => (await Echo(before)).Decision() is null, () => "echo is admitted again");
        var admitted = 2;
        CallToolResult last;
        while ((last = await Echo(during)).Decision() is null)
        {
            admitted++;
        }

        Assert.Equal(DatabaseOutageFixture.EchoBudget, admitted);
        Assert.Equal("rate_limited", (string?)last.Decision()?["action"]);
    }

    private const string DenyEverything = """{ "version": "2", "default": "deny" }""";

    private static Task<CallToolResult> Add(McpClient agent, int a) =>
        agent.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = a, ["b"] = 1 }).AsTask();

    private static Task<CallToolResult> Echo(McpClient agent) =>
        agent.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "m" }).AsTask();
}
