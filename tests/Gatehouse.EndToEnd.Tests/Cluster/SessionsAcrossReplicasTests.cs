using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Gatehouse.Testing;

namespace Gatehouse.EndToEnd.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class SessionsAcrossReplicasTests(ClusterFixture fixture)
{
    private static HttpRequestMessage ToolsList(Uri replica, string sessionId, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica, "/mcp/metered"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":9,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        return request;
    }

    /// <summary>What the test upstream says of its sessions (<c>GET /sessions</c>): held now, and opened since it started.</summary>
    private async Task<UpstreamSessions> UpstreamSessionsAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<UpstreamSessions>(new Uri(fixture.UpstreamEndpoint, "/sessions")))!;

    [Fact]
    public async Task Session_opened_on_one_replica_continues_on_the_others_and_closes_everywhere()
    {
        using var http = new HttpClient();
        var before = await UpstreamSessionsAsync(http);
        var (agent, balancer) = await fixture.Cluster.ConnectAsync("metered", "sessions");
        var sessionId = agent.SessionId!;

        var tools = await agent.ListToolsAsync();
        var sums = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            sums.Add((await agent.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = i, ["b"] = 1 })).Text());
        }

        var during = await UpstreamSessionsAsync(http);
        await agent.DisposeAsync();

        Assert.Contains(tools, t => t.Name == "add");
        Assert.Equal(["1", "2", "3", "4", "5", "6"], sums);
        Assert.Equal(fixture.Cluster.Replicas.Count, balancer.Sent.Distinct().Count());

        // The agent's session had one upstream session behind it, whichever replica served it (the replicas may
        // have opened their own for the tool catalogue meanwhile), and the agent's DELETE ended it.
        Assert.True(during.Opened > before.Opened, $"no upstream session opened: {before} then {during}");
        var after = await Eventually.ValueAsync(
            () => UpstreamSessionsAsync(http),
            now => now.Open < during.Open,
            now => $"the upstream still holds {now.Open} sessions, as many as while the agent's was open",
            TimeSpan.FromMinutes(1));
        Assert.Equal(during.Open - 1, after.Open);

        foreach (var replica in fixture.Cluster.LiveUrls)
        {
            using var response = await http.SendAsync(ToolsList(replica, sessionId, fixture.Cluster.TokenOf("sessions")));
            await response.EnsureStatusAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Session_presented_with_another_grants_token_is_refused_on_every_replica()
    {
        var (agent, _) = await fixture.Cluster.ConnectAsync("metered", "sessions");
        await using var _ = agent;

        using var http = new HttpClient();
        foreach (var replica in fixture.Cluster.LiveUrls)
        {
            using var response = await http.SendAsync(ToolsList(replica, agent.SessionId!, fixture.Cluster.TokenOf("other")));
            await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        }
    }

    private sealed record UpstreamSessions(long Open, long Opened);
}
