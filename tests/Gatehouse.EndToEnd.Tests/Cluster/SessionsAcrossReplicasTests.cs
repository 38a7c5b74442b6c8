using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.EndToEnd.Tests.Infrastructure;

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

    [Fact]
    public async Task Session_opened_on_one_replica_continues_on_the_others_and_closes_everywhere()
    {
        var (agent, balancer) = await fixture.Cluster.ConnectAsync("metered", "sessions");
        var sessionId = agent.SessionId!;

        var tools = await agent.ListToolsAsync();
        var sums = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            sums.Add((await agent.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = i, ["b"] = 1 })).Text());
        }

        await agent.DisposeAsync();

        Assert.Contains(tools, t => t.Name == "add");
        Assert.Equal(["1", "2", "3", "4", "5", "6"], sums);
        Assert.Equal(fixture.Cluster.Replicas.Count, balancer.Sent.Distinct().Count());

        using var http = new HttpClient();
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
}
