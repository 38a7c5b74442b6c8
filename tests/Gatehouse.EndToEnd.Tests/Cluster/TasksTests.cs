using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Tasks (2025-11-25) of server-everything through three replicas: the official TypeScript SDK client, its requests
/// round robin, makes task-augmented calls and polls them to their end, answers a question the task asks through
/// <c>tasks/result</c>, is told of their status changes, lists, gets and cancels; another grant cannot reach those tasks, and once the policy no longer
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

        var run = await RunTypeScriptAgentAsync(endpoints, "tasker");
        var plain = run["plain"]!;

        // The official C# SDK client on 2025-11-25 (it sends Mcp-Method without Mcp-Name on its session): its own task, by hand.
        await using (var csharp = await Agents.ConnectAsync(endpoints[2], Cluster.TokenOf("tasker")))
        {
            var made = (await csharp.SendRequestAsync(new JsonRpcRequest
            {
                Method = "tools/call",
                Params = new JsonObject { ["name"] = "simulate-research-query", ["arguments"] = new JsonObject { ["topic"] = "c#" }, ["task"] = new JsonObject() },
            })).Result!;
            var state = (await csharp.SendRequestAsync(new JsonRpcRequest { Method = "tasks/get", Params = new JsonObject { ["taskId"] = made["task"]!["taskId"]!.DeepClone() } })).Result!;
            Assert.Equal((string?)made["task"]!["taskId"], (string?)state["taskId"]);
        }

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

    /// <remarks>
    /// The extension of 2026-07-28 over the same upstream tasks: the agent declares it per request, Gatehouse asks the
    /// upstream for a task of a tool that runs as one and answers <c>resultType: "task"</c>; polls through each replica in
    /// turn carry the result once the task ended. The task lives in the upstream session of the replica that created it,
    /// which the others resume. It would ask the agent to clarify, but only a client that can answer: this agent declares
    /// no capability to, so it goes on without asking (one that does is asked, see the next test).
    /// </remarks>
    [Fact]
    public async Task A_2026_agent_that_takes_tasks_gets_one_and_polls_it_to_its_result_through_any_replica()
    {
        var endpoints = Cluster.LiveUrls.Select(url => new Uri(url, "/mcp/tasks")).ToList();
        var token = Cluster.TokenOf("tasker");
        var takesTasks = new JsonObject { ["extensions"] = new JsonObject { ["io.modelcontextprotocol/tasks"] = new JsonObject() } };
        using var http = new HttpClient { Timeout = Eventually.Ceiling };

        var discover = await RawMcp.RequestAsync2026(http, endpoints[0], token, "server/discover", null, takesTasks);
        Assert.NotNull(discover["result"]?["capabilities"]?["extensions"]?["io.modelcontextprotocol/tasks"]);

        var research = new JsonObject { ["name"] = "simulate-research-query", ["arguments"] = new JsonObject { ["topic"] = "python", ["ambiguous"] = true } };
        var created = (await RawMcp.RequestAsync2026(http, endpoints[1], token, "tools/call", research, takesTasks))["result"]!;
        Assert.True((string?)created["resultType"] == "task", created.ToJsonString());
        Assert.Equal("working", (string?)created["status"]);
        Assert.NotNull(created["ttlMs"]);
        Assert.Null(created["task"]);
        var taskId = (string)created["taskId"]!;

        var poll = 0;
        var answer = await Eventually.ValueAsync(
            () => RawMcp.RequestAsync2026(http, endpoints[poll++ % endpoints.Count], token, "tasks/get", new JsonObject { ["taskId"] = taskId }, takesTasks),
            response => response["error"] is not null || (string?)response["result"]?["status"] is "completed" or "failed" or "cancelled",
            response => $"the task is still {response.ToJsonString()}");
        var ended = answer["result"] ?? throw new Xunit.Sdk.XunitException(answer.ToJsonString());
        Assert.True(poll >= endpoints.Count, $"the task ended after {poll} polls, before every replica was polled");
        Assert.Equal("complete", (string?)ended["resultType"]);
        Assert.Equal("completed", (string?)ended["status"]);
        var report = (string?)ended["result"]!["content"]![0]!["text"];
        Assert.True(report?.StartsWith("# Research Report: python\n", StringComparison.Ordinal) == true, report);

        // Another grant does not reach it; the Mcp-Name header must name the task; tasks/update and tasks/cancel are acknowledged.
        var stranger = await RawMcp.RequestAsync2026(http, endpoints[2], Cluster.TokenOf("stranger"), "tasks/get", new JsonObject { ["taskId"] = taskId }, takesTasks);
        Assert.Equal($"Unknown task: '{taskId}'", (string?)stranger["error"]?["message"]);
        using (var misnamed = RawMcp.Post2026(endpoints[0], token, "tasks/get", new JsonObject { ["taskId"] = taskId }, takesTasks))
        {
            misnamed.Headers.Remove("Mcp-Name");
            misnamed.Headers.Add("Mcp-Name", "another-task");
            using var refused = await http.SendAsync(misnamed);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Mcp-Name", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var update = await RawMcp.RequestAsync2026(http, endpoints[0], token, "tasks/update", new JsonObject { ["taskId"] = taskId, ["inputResponses"] = new JsonObject() }, takesTasks);
        Assert.Equal("complete", (string?)update["result"]?["resultType"]);
        var cancel = await RawMcp.RequestAsync2026(http, endpoints[1], token, "tasks/cancel", new JsonObject { ["taskId"] = taskId }, takesTasks);
        Assert.Equal("-32602", cancel["error"]?["code"]?.ToJsonString());

        // tasks/result is 2025-11-25's, not the extension's (tasks/get carries the result).
        using (var result = RawMcp.Post2026(endpoints[2], token, "tasks/result", new JsonObject { ["taskId"] = taskId }, takesTasks))
        {
            using var notFound = await http.SendAsync(result);
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            Assert.Contains("\"code\":-32601", await notFound.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An agent that does not take tasks cannot call a tool that runs only as one: the upstream refuses it.
        var plain = await RawMcp.RequestAsync2026(http, endpoints[2], token, "tools/call", research);
        Assert.True(plain["error"] is not null || (bool?)plain["result"]?["isError"] == true, plain.ToJsonString());

        // On the aggregate /mcp: offered too, the task named {upstream}__{taskId} (in Mcp-Name as well), polled to its end
        // through every replica.
        var aggregates = Cluster.LiveUrls.Select(url => new Uri(url, "/mcp")).ToList();
        var aggregateDiscover = await RawMcp.RequestAsync2026(http, aggregates[0], token, "server/discover", null, takesTasks);
        Assert.NotNull(aggregateDiscover["result"]?["capabilities"]?["extensions"]?["io.modelcontextprotocol/tasks"]);
        research["name"] = "tasks__simulate-research-query";
        research["arguments"] = new JsonObject { ["topic"] = "aggregate" };
        var onAggregate = (await RawMcp.RequestAsync2026(http, aggregates[1], token, "tools/call", research, takesTasks))["result"]!;
        Assert.Equal("task", (string?)onAggregate["resultType"]);
        var aggregateTaskId = (string)onAggregate["taskId"]!;
        Assert.Equal("tasks__", aggregateTaskId[.."tasks__".Length]);
        var aggregatePoll = 0;
        var aggregateEnded = (await Eventually.ValueAsync(
            () => RawMcp.RequestAsync2026(http, aggregates[aggregatePoll++ % aggregates.Count], token, "tasks/get", new JsonObject { ["taskId"] = aggregateTaskId }, takesTasks),
            response => response["error"] is not null || (string?)response["result"]?["status"] is "completed" or "failed" or "cancelled",
            response => $"the task is still {response.ToJsonString()}"))["result"] ?? throw new Xunit.Sdk.XunitException("tasks/get on /mcp failed");
        Assert.Equal(("completed", aggregateTaskId), ((string?)aggregateEnded["status"], (string?)aggregateEnded["taskId"]));
        Assert.StartsWith("# Research Report: aggregate\n", (string?)aggregateEnded["result"]!["content"]![0]!["text"], StringComparison.Ordinal);
        var aggregateStranger = await RawMcp.RequestAsync2026(http, aggregates[2], Cluster.TokenOf("stranger"), "tasks/get", new JsonObject { ["taskId"] = aggregateTaskId }, takesTasks);
        Assert.Equal(-32602, (int?)aggregateStranger["error"]?["code"]);
    }

    /// <summary>
    /// A 2026-07-28 agent that takes tasks and can answer (it declares elicitation) gets the question its task asks: the
    /// task is created on an upstream session of its own, a poll through any replica reports it <c>input_required</c> with
    /// the question in <c>inputRequests</c>, and <c>tasks/update</c> through another replica takes the answer to the
    /// upstream, whose report then names the interpretation chosen. On the upstream's endpoint and on <c>/mcp</c>.
    /// </summary>
    [Theory]
    [InlineData("/mcp/tasks", "simulate-research-query", "")]
    [InlineData("/mcp", "tasks__simulate-research-query", "tasks__")]
    public async Task A_2026_agents_task_asks_it_through_its_polls_and_takes_the_answer_through_any_replica(string path, string tool, string prefix)
    {
        var endpoints = Cluster.LiveUrls.Select(url => new Uri(url, path)).ToList();
        var token = Cluster.TokenOf("tasker");
        var answers = new JsonObject
        {
            ["extensions"] = new JsonObject { ["io.modelcontextprotocol/tasks"] = new JsonObject() },
            ["elicitation"] = new JsonObject { ["form"] = new JsonObject() },
        };
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var research = new JsonObject { ["name"] = tool, ["arguments"] = new JsonObject { ["topic"] = "python", ["ambiguous"] = true } };
        var discover = await RawMcp.RequestAsync2026(http, endpoints[0], token, "server/discover", null, answers);
        Assert.True(discover["result"]?["capabilities"]?["extensions"]?["io.modelcontextprotocol/tasks"] is not null, discover.ToJsonString());

        var created = (await RawMcp.RequestAsync2026(http, endpoints[0], token, "tools/call", research, answers))["result"]!;
        Assert.True((string?)created["resultType"] == "task", created.ToJsonString());
        var taskId = (string)created["taskId"]!;
        Assert.StartsWith(prefix, taskId, StringComparison.Ordinal);

        var poll = 0;
        var asking = (await Eventually.ValueAsync(
            () => RawMcp.RequestAsync2026(http, endpoints[++poll % endpoints.Count], token, "tasks/get", new JsonObject { ["taskId"] = taskId }, answers),
            response => response["error"] is not null || (string?)response["result"]?["status"] is "input_required" or "completed" or "failed" or "cancelled",
            response => $"the task is still {response.ToJsonString()}"))["result"]!;
        Assert.True((string?)asking["status"] == "input_required", asking.ToJsonString());
        var (key, question) = asking["inputRequests"]!.AsObject().Single();
        Assert.Equal("elicitation/create", (string?)question!["method"]);
        Assert.Contains("multiple interpretations", (string?)question["params"]?["message"], StringComparison.Ordinal);
        Assert.Null(question["params"]?["_meta"]?["io.modelcontextprotocol/related-task"]);

        // A poll asks again while the question waits; the answer, through another replica, goes to the upstream.
        var again = (await RawMcp.RequestAsync2026(http, endpoints[(poll + 1) % endpoints.Count], token, "tasks/get", new JsonObject { ["taskId"] = taskId }, answers))["result"]!;
        Assert.Equal(key, again["inputRequests"]?.AsObject().Single().Key);
        var update = await RawMcp.RequestAsync2026(
            http, endpoints[(poll + 2) % endpoints.Count], token, "tasks/update",
            new JsonObject { ["taskId"] = taskId, ["inputResponses"] = new JsonObject { [key] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["interpretation"] = "snake" } } } },
            answers);
        Assert.Equal("complete", (string?)update["result"]?["resultType"]);

        var ended = (await Eventually.ValueAsync(
            () => RawMcp.RequestAsync2026(http, endpoints[++poll % endpoints.Count], token, "tasks/get", new JsonObject { ["taskId"] = taskId }, answers),
            response => response["error"] is not null || (string?)response["result"]?["status"] is "completed" or "failed" or "cancelled",
            response => $"the task is still {response.ToJsonString()}"))["result"]!;
        Assert.True((string?)ended["status"] == "completed", ended.ToJsonString());
        Assert.Null(ended["inputRequests"]);
        Assert.StartsWith("# Research Report: python (snake)\n", (string?)ended["result"]!["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Equal(taskId, (string?)ended["result"]!["_meta"]?["io.modelcontextprotocol/related-task"]?["taskId"]);
    }

    /// <summary>
    /// On the aggregate <c>/mcp</c>, 2025-11-25 agents get tasks too, named <c>{upstream}__{taskId}</c> as tools are, so that
    /// each request routes back to the task's upstream: the TypeScript SDK client's whole run (status notifications and the
    /// task's question name the task so too), then the C# SDK client's, by hand; the owner rules are those of the upstream's
    /// own endpoint.
    /// </summary>
    [Fact]
    public async Task A_2025_agent_on_the_aggregate_endpoint_reaches_its_tasks_by_their_upstreams_name()
    {
        var typeScript = await RunTypeScriptAgentAsync(Cluster.LiveUrls.Select(url => new Uri(url, "/mcp")).ToList(), "tasker", "tasks__simulate-research-query");
        Assert.StartsWith("tasks__", (string?)typeScript["plain"]!["taskId"], StringComparison.Ordinal);

        var (agent, balancer) = await Cluster.ConnectAsync(null, "tasker");
        await using var _ = agent;

        var made = (await agent.SendRequestAsync(new JsonRpcRequest
        {
            Method = "tools/call",
            Params = new JsonObject { ["name"] = "tasks__simulate-research-query", ["arguments"] = new JsonObject { ["topic"] = "aggregate" }, ["task"] = new JsonObject() },
        })).Result!;
        var taskId = (string)made["task"]!["taskId"]!;
        var ended = await Eventually.ValueAsync(
            async () => (await agent.SendRequestAsync(new JsonRpcRequest { Method = "tasks/get", Params = new JsonObject { ["taskId"] = taskId } })).Result!,
            state => (string?)state["status"] is "completed" or "failed" or "cancelled",
            state => $"the task is still {state.ToJsonString()}");
        var result = (await agent.SendRequestAsync(new JsonRpcRequest { Method = "tasks/result", Params = new JsonObject { ["taskId"] = taskId } })).Result!;
        var listed = (await agent.SendRequestAsync(new JsonRpcRequest { Method = "tasks/list", Params = new JsonObject() })).Result!;

        Assert.StartsWith("tasks__", taskId, StringComparison.Ordinal);
        Assert.Equal(("completed", taskId), ((string?)ended["status"], (string?)ended["taskId"]));
        Assert.StartsWith("# Research Report: aggregate\n", (string?)result["content"]![0]!["text"], StringComparison.Ordinal);
        Assert.Contains(listed["tasks"]!.AsArray(), task => (string?)task!["taskId"] == taskId);
        Assert.True(balancer.Sent.Distinct().Count() >= 2, "the requests went to one replica");

        // Another grant of the same upstream does not reach it through the aggregate either; a name of no upstream is unknown.
        var (stranger, _) = await Cluster.ConnectAsync(null, "stranger");
        await using var __ = stranger;
        var refused = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(
            async () => await stranger.SendRequestAsync(new JsonRpcRequest { Method = "tasks/get", Params = new JsonObject { ["taskId"] = taskId } }));
        var nowhere = await Assert.ThrowsAsync<ModelContextProtocol.McpProtocolException>(
            async () => await agent.SendRequestAsync(new JsonRpcRequest { Method = "tasks/get", Params = new JsonObject { ["taskId"] = "nowhere__" + taskId } }));
        Assert.Contains("Unknown task", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown task", nowhere.Message, StringComparison.Ordinal);
    }

    /// <remarks>
    /// A stdio upstream with a process per agent session: the session's tasks live in its process, which every replica
    /// reaches through its grain; the task's question goes to the agent through the replica whose request it serves.
    /// </remarks>
    [Fact]
    public async Task Tasks_of_a_stdio_upstream_with_a_process_per_session_run_to_their_end_across_replicas()
    {
        var run = await RunTypeScriptAgentAsync(Cluster.LiveUrls.Select(url => new Uri(url, "/mcp/everything-stdio")).ToList(), "local");

        Assert.Contains("# Research Report: gateways", (string?)run["plain"]!["text"]);
    }

    /// <summary>Runs <c>ts-tasks-agent.mjs</c> through <paramref name="endpoints"/> round robin and checks what every upstream's tasks must do.</summary>
    private async Task<JsonObject> RunTypeScriptAgentAsync(IReadOnlyList<Uri> endpoints, string grant, string tool = "simulate-research-query")
    {
        var run = await TypeScriptClusterAgent.RunAsync(endpoints, Cluster.TokenOf(grant), "ts-tasks-agent.mjs", "--tool", tool);

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

        // The upstream's notifications of each task's status reach the agent's stream, whichever replica it is held by.
        Assert.True((bool)run["notifiedCompleted"]!, run["notified"]!.ToJsonString());
        Assert.Contains($"{(string?)plain["taskId"]}:working", run["notified"]!.AsArray().Select(n => (string?)n));

        var listed = run["listed"]!.AsArray().Select(id => (string?)id).ToList();
        Assert.Contains((string?)plain["taskId"], listed);
        Assert.Contains((string?)asking["taskId"], listed);
        Assert.Equal("completed", (string?)run["got"]);
        Assert.Equal("cancelled", (string?)run["cancel"]);
        Assert.Equal("cancelled", (string?)run["afterCancel"]);
        Assert.All(run["perReplica"]!.AsObject(), replica => Assert.True((int)replica.Value! >= 3, $"{replica.Key} served {replica.Value} requests"));

        return run;
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
