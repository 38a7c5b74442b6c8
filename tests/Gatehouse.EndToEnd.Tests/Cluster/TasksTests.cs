using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Tasks (2025-11-25) of server-everything through three replicas: the official TypeScript SDK client, its requests
/// round robin, makes task-augmented calls and polls them to their end, answers a question the task asks through
/// <c>tasks/result</c>, lists, gets and cancels; another grant cannot reach those tasks, and once the policy no longer
/// allows the tool that created them, only cancelling does.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class TasksTests(FidelityFixture fixture, ITestOutputHelper output)
{
    private static AdminApi Admin => GatewayConfig.Admin;

    private GatewayCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Tasks_run_to_their_end_across_replicas_and_reach_only_their_owner_while_the_policy_allows_their_tool()
    {
        var endpoints = Cluster.LiveUrls.Select(url => new Uri(url, "/mcp/tasks")).ToList();

        var run = await TypeScriptClusterAgent.RunAsync(endpoints, Cluster.TokenOf("tasker"), "ts-tasks-agent.mjs");

        Assert.Null(run["error"]);
        Assert.NotNull(run["capability"]?["requests"]?["tools"]?["call"]);
        Assert.Equal("required", (string?)run["taskSupport"]);

        var plain = run["plain"]!;
        Assert.Equal("taskCreated", (string?)plain["types"]![0]);
        Assert.Equal("result", (string?)plain["types"]!.AsArray()[^1]);
        Assert.Contains("# Research Report: gateways", (string?)plain["text"]);

        // The task asked the agent to clarify (an elicitation on the tasks/result stream), and used the answer.
        var asking = run["asking"]!;
        Assert.Contains("python (the programming language)", (string?)asking["text"]);
        Assert.Single(run["elicited"]!.AsArray());

        var listed = run["listed"]!.AsArray().Select(id => (string?)id).ToList();
        Assert.Contains((string?)plain["taskId"], listed);
        Assert.Contains((string?)asking["taskId"], listed);
        Assert.Equal("completed", (string?)run["got"]);
        Assert.Equal("cancelled", (string?)run["cancel"]);
        Assert.Equal("cancelled", (string?)run["afterCancel"]);
        Assert.All(run["perReplica"]!.AsObject(), replica => Assert.True((int)replica.Value! >= 3, $"{replica.Key} served {replica.Value} requests"));

        var taskId = (string)plain["taskId"]!;
        var sessionId = (string)run["sessionId"]!;
        using var http = new HttpClient { Timeout = Eventually.Ceiling };

        // Another grant, on its own session: the task is unknown to it, and its list does not show it.
        var strangerToken = Cluster.TokenOf("stranger");
        var strangerSession = await RawMcp.OpenSessionAsync(http, endpoints[1], strangerToken);
        var refused = await RequestAsync(http, endpoints[1], strangerToken, strangerSession, "tasks/get", new JsonObject { ["taskId"] = taskId });
        Assert.Equal(-32602, (int)refused["error"]!["code"]!);
        Assert.Equal($"Unknown task: '{taskId}'", (string?)refused["error"]!["message"]);
        var strangerList = await RequestAsync(http, endpoints[2], strangerToken, strangerSession, "tasks/list", []);
        Assert.DoesNotContain(strangerList["result"]!["tasks"]!.AsArray(), task => (string?)task!["taskId"] == taskId);

        // The owner, through each replica, still reaches it.
        var token = Cluster.TokenOf("tasker");
        foreach (var endpoint in endpoints)
        {
            var got = await RequestAsync(http, endpoint, token, sessionId, "tasks/get", new JsonObject { ["taskId"] = taskId });
            Assert.Equal("completed", (string?)got["result"]?["status"]);
        }

        // The policy no longer allows the tool that made the task: get and result are refused, cancelling still reaches the upstream.
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Cluster.LiveUrls[0], "/admin/policies/tasks",
            """{ "version": "tasks-2", "default": "allow", "tools": { "simulate-research-query": { "action": "deny", "reason": "no more research" } } }""");
        try
        {
            await EveryReplica.UntilAsync(Cluster.LiveUrls, replica => EnforcesAsync(replica, "tasks-2@"), "the new policy in force", output);
            foreach (var (endpoint, method) in endpoints.Zip(["tasks/get", "tasks/result", "tasks/get"]))
            {
                var withheld = await RequestAsync(http, endpoint, token, sessionId, method, new JsonObject { ["taskId"] = taskId });
                Assert.Equal(-32602, (int)withheld["error"]!["code"]!);
                Assert.Contains("tool 'simulate-research-query', which the policy in force no longer allows", (string?)withheld["error"]!["message"]);
            }

            // The upstream answers the cancel itself: a finished task cannot be cancelled.
            var cancel = await RequestAsync(http, endpoints[0], token, sessionId, "tasks/cancel", new JsonObject { ["taskId"] = taskId });
            Assert.DoesNotContain("Unknown task", cancel.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("no longer allows", cancel.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, Cluster.LiveUrls[0], "/admin/policies/tasks",
                """{ "version": "tasks-3", "default": "allow" }""");
            await EveryReplica.UntilAsync(Cluster.LiveUrls, replica => EnforcesAsync(replica, "tasks-3@"), "the policy restored", output);
        }
    }

    private static async Task<bool> EnforcesAsync(Uri replica, string versionPrefix)
    {
        var inForce = await Admin.GetAsync(replica, "/admin/policies/tasks");
        return ((string?)inForce["version"])?.StartsWith(versionPrefix, StringComparison.Ordinal) == true;
    }

    /// <summary>One request of a session by hand: its JSON-RPC response, whether it came as JSON or on an SSE stream.</summary>
    private static async Task<JsonObject> RequestAsync(HttpClient http, Uri endpoint, string token, string sessionId, string method, JsonObject parameters)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 9, ["method"] = method, ["params"] = parameters };
        using var request = RawMcp.Post(endpoint, token, body.ToJsonString(), sessionId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            var events = await RawMcp.ReadEventsAsync(response, seen => seen.Any(e => e.Data.Contains("\"id\":9", StringComparison.Ordinal)));
            return JsonNode.Parse(events.Last().Data)!.AsObject();
        }

        return JsonNode.Parse(await response.EnsureStatusAsync(HttpStatusCode.OK))!.AsObject();
    }
}
