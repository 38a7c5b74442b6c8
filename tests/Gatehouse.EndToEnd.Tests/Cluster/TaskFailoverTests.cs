using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// A task's owner is kept in PostgreSQL: when the replica that recorded it (the one that served the call, where the
/// owner's grain is placed) is killed, the task still reaches its owner, and only its owner, through the others.
/// </summary>
public sealed class TaskFailoverTests : IAsyncLifetime
{
    private static readonly JsonObject TakesTasks = new() { ["extensions"] = new JsonObject { ["io.modelcontextprotocol/tasks"] = new JsonObject() } };

    private UpstreamAndCluster? _setup;

    private GatewayCluster Cluster => _setup!.Cluster;

    public async Task InitializeAsync() =>
        _setup = await UpstreamAndCluster.StartAsync(
            () => UpstreamServers.StartEverythingAsync(),
            everything => GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["tasks"] = UpstreamSpec.Http(everything, Policies.AllowAll) },
                new Dictionary<string, string[]> { ["tasker"] = ["tasks"], ["stranger"] = ["tasks"] }));

    public async Task DisposeAsync()
    {
        if (_setup is not null)
        {
            await _setup.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_task_reaches_its_owner_after_the_replica_that_recorded_it_is_killed()
    {
        var token = Cluster.TokenOf("tasker");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var research = new JsonObject { ["name"] = "simulate-research-query", ["arguments"] = new JsonObject { ["topic"] = "failover" } };
        var created = (await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[0], "/mcp/tasks"), token, "tools/call", research, TakesTasks))["result"]!;
        var taskId = (string)created["taskId"]!;

        Cluster.Replicas[0].Kill();
        var survivors = Cluster.LiveUrls.Select(url => new Uri(url, "/mcp/tasks")).ToList();

        // Until the cluster has taken the dead silo out, a request may fail: it is asked again.
        var poll = 0;
        var answer = await Eventually.ValueAsync(
            () => PollAsync(http, survivors[poll++ % survivors.Count], token, taskId),
            response => (string?)response["result"]?["status"] is "completed" or "failed" or "cancelled",
            response => $"the task is not reached as ended: {response.ToJsonString()}");

        Assert.Equal("completed", (string?)answer["result"]!["status"]);
        Assert.StartsWith("# Research Report: failover\n", (string?)answer["result"]!["result"]!["content"]![0]!["text"], StringComparison.Ordinal);
        var stranger = await PollAsync(http, survivors[1], Cluster.TokenOf("stranger"), taskId);
        Assert.Equal($"Unknown task: '{taskId}'", (string?)stranger["error"]?["message"]);
    }

    /// <summary>A <c>tasks/get</c>: the JSON-RPC response, or what the replica answered instead.</summary>
    private static async Task<JsonObject> PollAsync(HttpClient http, Uri endpoint, string token, string taskId)
    {
        try
        {
            return await RawMcp.RequestAsync2026(http, endpoint, token, "tasks/get", new JsonObject { ["taskId"] = taskId }, TakesTasks);
        }
        catch (Exception ex) when (ex is HttpRequestException or UnexpectedStatusException or TaskCanceledException)
        {
            return new JsonObject { ["failed"] = ex.Message };
        }
    }
}
