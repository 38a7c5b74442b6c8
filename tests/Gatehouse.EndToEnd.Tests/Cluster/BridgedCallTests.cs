using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

// MCP9005: sampling and roots are deprecated from 2026-07-28 on (SEP-2577), yet a 2026 client that declares them still
// answers a 2025 upstream's requests for them, and that is what is tested here.
#pragma warning disable MCP9005

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// A 2026-07-28 agent (the official C# SDK client, no session) calling tools of server-everything (2025-11-25) that ask
/// the client for sampling, elicitation or roots while they run, through three replicas in turn: each question reaches
/// the agent as <c>input_required</c>, and its answers, brought by a later call through any replica, reach the waiting
/// upstream request. And a tool of the C# test upstream written the 2026-07-28 way (it asks with a multi-round-trip
/// request), which reaches agents of both generations.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class BridgedCallTests(FidelityFixture fixture)
{
    private GatewayCluster Cluster => fixture.Cluster;

    private readonly List<string> _asked = [];

    private McpClientOptions Sessionless() => new()
    {
        ProtocolVersion = "2026-07-28",
        Capabilities = new ClientCapabilities { Sampling = new(), Elicitation = new ElicitationCapability { Form = new() }, Roots = new() },
        Handlers = new McpClientHandlers
        {
            SamplingHandler = (_, _, _) =>
            {
                _asked.Add("sampling");
                return ValueTask.FromResult(new CreateMessageResult
                {
                    Role = Role.Assistant, Model = "test-model", StopReason = "endTurn",
                    Content = [new TextContentBlock { Text = "sampled by the 2026 agent" }],
                });
            },
            ElicitationHandler = (_, _) =>
            {
                _asked.Add("elicitation");
                return ValueTask.FromResult(new ElicitResult
                {
                    Action = "accept",
                    Content = new Dictionary<string, System.Text.Json.JsonElement> { ["name"] = System.Text.Json.JsonSerializer.SerializeToElement("Grace Hopper"), ["check"] = System.Text.Json.JsonSerializer.SerializeToElement(true) },
                });
            },
            RootsHandler = (_, _) =>
            {
                _asked.Add("roots");
                return ValueTask.FromResult(new ListRootsResult { Roots = [new Root { Uri = "file:///srv/sessionless-root", Name = "sessionless-root" }] });
            },
        },
    };

    [Fact]
    public async Task Sampling_elicitation_and_roots_of_a_2025_upstream_reach_a_2026_agent_through_any_replica()
    {
        var (agent, balancer) = await Cluster.ConnectAsync("everything", "agent", Sessionless());
        await using var _ = agent;

        var sampled = await agent.CallToolAsync("trigger-sampling-request", Args(("prompt", "hello"), ("maxTokens", 20)));
        var elicited = await agent.CallToolAsync("trigger-elicitation-request");
        var roots = await agent.CallToolAsync("get-roots-list");
        var echoed = await agent.CallToolAsync("echo", Args(("message", "no questions")));

        Assert.Null(agent.SessionId);
        Assert.Contains("sampled by the 2026 agent", sampled.Text());
        Assert.Contains("Grace Hopper", elicited.Text());
        Assert.Contains("file:///srv/sessionless-root", roots.Text());
        Assert.Equal("Echo: no questions", echoed.Text());
        Assert.Equal(1, _asked.Count(a => a == "sampling"));
        Assert.Equal(1, _asked.Count(a => a == "elicitation"));
        Assert.Contains("roots", _asked);
        Assert.Equal(3, balancer.Sent.Distinct().Count());
    }

    /// <remarks>
    /// Also through a stdio upstream with a process per session: a 2025 agent's session has its process; a 2026 agent has
    /// no session, so its bridged call gets a process of its own, ended with the call. And through <c>modern</c>, spoken to
    /// at 2026-07-28 for 2026 agents (the question relayed as the upstream asked it), and <c>newest</c>, a server of
    /// 2026-07-28 only: there a 2025 agent's call goes over the sessionless wire too, and Gatehouse itself puts the
    /// upstream's <c>input_required</c> to the agent as <c>elicitation/create</c> and calls again with the answer.
    /// </remarks>
    [Theory]
    [InlineData("metered", "agent", "2025-11-25")]
    [InlineData("metered", "agent", "2026-07-28")]
    [InlineData("own", "local", "2025-11-25")]
    [InlineData("own", "local", "2026-07-28")]
    [InlineData("modern", "current", "2025-11-25")]
    [InlineData("modern", "current", "2026-07-28")]
    [InlineData("newest", "newer", "2025-11-25")]
    [InlineData("newest", "newer", "2026-07-28")]
    public async Task A_tool_that_asks_the_2026_way_reaches_agents_of_both_generations(string upstream, string grant, string protocolVersion)
    {
        var asked = new List<string?>();
        var options = new McpClientOptions
        {
            ProtocolVersion = protocolVersion,
            Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new() } },
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    asked.Add(request?.Message);
                    return ValueTask.FromResult(new ElicitResult { Action = "accept", Content = new Dictionary<string, System.Text.Json.JsonElement> { ["ok"] = System.Text.Json.JsonSerializer.SerializeToElement(true) } });
                },
            },
        };
        var (agent, _) = await Cluster.ConnectAsync(upstream, grant, options);
        await using var _ = agent;

        var tools = await agent.ListToolsAsync();
        var result = await agent.CallToolAsync("confirm", Args(("action", "deploy")));

        Assert.Contains(tools, tool => tool.Name == "confirm");
        Assert.Equal(protocolVersion, agent.NegotiatedProtocolVersion);
        Assert.Equal("confirmed: deploy", result.Text());
        Assert.Equal(["Confirm deploy?"], asked);
    }

    [Fact]
    public async Task A_state_that_was_altered_or_whose_call_ended_is_refused()
    {
        var endpoint = new Uri(Cluster.LiveUrls[0], "/mcp/everything");
        var token = Cluster.TokenOf("agent");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var call = new JsonObject { ["name"] = "trigger-sampling-request", ["arguments"] = new JsonObject { ["prompt"] = "hi", ["maxTokens"] = 5 } };

        var first = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", call, new JsonObject { ["sampling"] = new JsonObject() });
        var result = first["result"]!.AsObject();
        Assert.Equal("input_required", (string?)result["resultType"]);
        var (key, question) = result["inputRequests"]!.AsObject().Single();
        Assert.Equal("sampling/createMessage", (string?)question!["method"]);
        var state = (string)result["requestState"]!;

        // Altered (the first character of its signature): refused, and the call still waits for its answer.
        var mac = state.IndexOf('.', StringComparison.Ordinal) + 1;
        var tampered = state[..mac] + (state[mac] == 'A' ? 'B' : 'A') + state[(mac + 1)..];
        var altered = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", WithRound(call, tampered, key), new JsonObject { ["sampling"] = new JsonObject() });
        Assert.Equal(-32602, (int?)altered["error"]?["code"]);

        // Answered through another replica: the result.
        var answer = new JsonObject { ["role"] = "assistant", ["model"] = "m", ["content"] = new JsonObject { ["type"] = "text", ["text"] = "raw answer" } };
        var done = await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[1], "/mcp/everything"), token, "tools/call", WithRound(call, state, key, answer), new JsonObject { ["sampling"] = new JsonObject() });
        Assert.Contains("raw answer", done["result"]?["content"]?[0]?["text"]?.ToString());

        // Replayed after the call ended: refused.
        var replayed = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", WithRound(call, state, key, answer), new JsonObject { ["sampling"] = new JsonObject() });
        Assert.Equal(-32602, (int?)replayed["error"]?["code"]);

        // The audit: the call's start (allowed; the upstream asked for input) and the round that brought the answer.
        await ContinuedCallAudit.AssertAsync(Cluster.LiveUrls[2], "agent", "trigger-sampling-request");
    }

    /// <summary>
    /// A 2025 server may ask the client during any request, not only a tool call: the C# test upstream's <c>interview</c>
    /// prompt elicits whom to greet while it is made. A 2026-07-28 agent (the C# SDK client, round robin) gets it at the
    /// upstream's endpoint and at the aggregate <c>/mcp</c>, its answer going back through another replica.
    /// </summary>
    [Theory]
    [InlineData("metered", "agent", "interview")]
    [InlineData(null, "agent", "metered__interview")]
    [InlineData("own", "local", "interview")]
    public async Task A_prompt_that_asks_while_it_is_made_reaches_a_2026_agent_through_any_replica(string? upstream, string grant, string prompt)
    {
        var (agent, balancer) = await Cluster.ConnectAsync(upstream, grant, Sessionless());
        await using var _ = agent;

        var made = await agent.GetPromptAsync(prompt);

        Assert.Null(agent.SessionId);
        Assert.Equal("Say hello to Grace Hopper.", Assert.IsType<TextContentBlock>(Assert.Single(made.Messages).Content).Text);
        Assert.Equal(["elicitation"], _asked);
        Assert.True(balancer.Sent.Distinct().Count() >= 2, "the answer came back through another replica");
    }

    /// <summary>
    /// A 2026-07-28 agent has no session, so at a stdio upstream with a process per session each of its bridged calls
    /// runs in a process of its own, which ends with the call.
    /// </summary>
    [Fact]
    public async Task A_2026_agents_bridged_call_at_a_stdio_upstream_runs_in_a_process_of_its_own_that_ends_with_it()
    {
        var (agent, _) = await Cluster.ConnectAsync("own", "local", Sessionless());
        await using var _ = agent;

        var first = int.Parse((await agent.CallToolAsync("process")).Text(), System.Globalization.CultureInfo.InvariantCulture);
        var second = int.Parse((await agent.CallToolAsync("process")).Text(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotEqual(first, second);
        await Eventually.HoldsAsync(() => !Directory.Exists($"/proc/{first}") && !Directory.Exists($"/proc/{second}"), () => $"process {first} or {second} still runs");
    }

    /// <summary>A round of a bridged prompt cannot stand in for one of a tool call, nor of another prompt: refused.</summary>
    [Fact]
    public async Task A_prompts_state_does_not_continue_another_request()
    {
        var endpoint = new Uri(Cluster.LiveUrls[0], "/mcp/metered");
        var token = Cluster.TokenOf("agent");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var elicitation = new JsonObject { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

        var asked = (await RawMcp.RequestAsync2026(http, endpoint, token, "prompts/get", new JsonObject { ["name"] = "interview" }, elicitation))["result"]!;
        Assert.Equal("input_required", (string?)asked["resultType"]);
        var state = (string)asked["requestState"]!;

        var asTool = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", new JsonObject { ["name"] = "interview", ["requestState"] = state }, elicitation);
        var asOtherPrompt = await RawMcp.RequestAsync2026(http, endpoint, token, "prompts/get", new JsonObject { ["name"] = "greet", ["arguments"] = new JsonObject { ["name"] = "x" }, ["requestState"] = state }, elicitation);
        var forged = await RawMcp.RequestAsync2026(http, endpoint, token, "prompts/get", new JsonObject { ["name"] = "greet", ["arguments"] = new JsonObject { ["name"] = "x" }, ["requestState"] = "made-up" });

        Assert.Equal(-32602, (int?)asTool["error"]?["code"]);
        Assert.Equal(-32602, (int?)asOtherPrompt["error"]?["code"]);
        Assert.Equal(-32602, (int?)forged["error"]?["code"]);
    }

    /// <summary>
    /// The 2026-07-28 revision scopes log messages to a request (<c>_meta</c> <c>io.modelcontextprotocol/logLevel</c>); the
    /// C# test upstream (2025-11-25) logs per session. A call that asks for them runs on an upstream session of its own set
    /// to that level, and each round's stream carries what the call told while that round was in progress, at the round's
    /// level and under the round's progress token, through whichever replica it reached. Over HTTP, and over stdio with a
    /// process per session (the call's own process).
    /// </summary>
    [Theory]
    [InlineData("metered", "agent")]
    [InlineData("own", "local")]
    public async Task Log_messages_and_progress_of_a_call_reach_a_2026_agent_on_the_stream_of_each_round_at_its_level(string upstream, string grant)
    {
        var token = Cluster.TokenOf(grant);
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var call = new JsonObject { ["name"] = "chatty", ["arguments"] = new JsonObject { ["ask"] = true } };
        var elicitation = new JsonObject { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

        var (told, first) = await RawMcp.ExchangeAsync2026(
            http, new Uri(Cluster.LiveUrls[0], $"/mcp/{upstream}"), token, "tools/call", call, elicitation,
            new JsonObject { ["progressToken"] = "first-round", ["io.modelcontextprotocol/logLevel"] = "warning" });

        var asked = first["result"]!.AsObject();
        Assert.Equal("input_required", (string?)asked["resultType"]);
        var (key, question) = asked["inputRequests"]!.AsObject().Single();
        Assert.Equal("Go on?", (string?)question!["params"]?["message"]);
        Assert.Equal(["before: warning", "before: error"], LogLines(told));
        Assert.Equal(["first-round 1/2 before"], ProgressLines(told));

        // The answer, through another replica, at another level and under another token.
        var round = (JsonObject)call.DeepClone();
        round["requestState"] = asked["requestState"]!.DeepClone();
        round["inputResponses"] = new JsonObject { [key] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["ok"] = true } } };
        var (toldAfter, second) = await RawMcp.ExchangeAsync2026(
            http, new Uri(Cluster.LiveUrls[1], $"/mcp/{upstream}"), token, "tools/call", round, elicitation,
            new JsonObject { ["progressToken"] = "second-round", ["io.modelcontextprotocol/logLevel"] = "error" });

        Assert.Equal("chatted", (string?)second["result"]?["content"]?[0]?["text"]);
        Assert.Equal(["after: error"], LogLines(toldAfter));
        Assert.Equal(["second-round 2/2 after"], ProgressLines(toldAfter));

        // A call that asks for neither gets no log message (the revision forbids them without the field), and is not bridged.
        var (quiet, plain) = await RawMcp.ExchangeAsync2026(
            http, new Uri(Cluster.LiveUrls[2], $"/mcp/{upstream}"), token, "tools/call", new JsonObject { ["name"] = "chatty" });
        Assert.Equal("chatted", (string?)plain["result"]?["content"]?[0]?["text"]);
        Assert.Empty(LogLines(quiet));

        // A level the protocol does not have is refused as invalid params.
        var (_, wrong) = await RawMcp.ExchangeAsync2026(
            http, new Uri(Cluster.LiveUrls[2], $"/mcp/{upstream}"), token, "tools/call", new JsonObject { ["name"] = "chatty" }, meta: new JsonObject { ["io.modelcontextprotocol/logLevel"] = "verbose" });
        Assert.Equal(-32602, (int?)wrong["error"]?["code"]);
    }

    /// <summary>
    /// A list is a request too, and a 2026-07-28 agent may ask for its log messages: the C# test upstream logs
    /// <c>listing resources</c> at info on each <c>resources/list</c>. At a 2025 upstream the list runs bridged (a session of
    /// its own at the agent's level), at one spoken to at 2026-07-28 it is relayed, and on <c>/mcp</c> each upstream's page
    /// so; without the field, or at a level above info, no log message.
    /// </summary>
    [Theory]
    [InlineData("/mcp/metered", "agent", 1)]
    [InlineData("/mcp/modern", "current", 1)]
    [InlineData("/mcp", "current", 1)]
    [InlineData("/mcp", "agent", 2)]
    public async Task Log_messages_of_a_list_reach_a_2026_agent_that_asked_for_them(string path, string grant, int testUpstreams)
    {
        var endpoint = new Uri(Cluster.LiveUrls[1], path);
        var token = Cluster.TokenOf(grant);
        using var http = new HttpClient { Timeout = Eventually.Ceiling };

        var (told, listed) = await ListEveryPageAsync(http, endpoint, token, "info");
        var (quiet, _) = await ListEveryPageAsync(http, endpoint, token, null);
        var (above, _) = await ListEveryPageAsync(http, endpoint, token, "warning");

        Assert.NotEmpty(listed);
        Assert.True(
            TextLines(told).Count(line => line == "listing resources") == testUpstreams,
            $"expected {testUpstreams} 'listing resources' in {new JsonArray([.. told.Select(n => n.DeepClone())]).ToJsonString()}");
        Assert.DoesNotContain(quiet, n => (string?)n["method"] == "notifications/message");
        Assert.DoesNotContain("listing resources", TextLines(above));
    }

    /// <summary>Every page of <c>resources/list</c> (on <c>/mcp</c> each upstream has its own), at a log level or none: the notifications and the resources.</summary>
    private static async Task<(List<JsonObject> Told, List<JsonNode?> Resources)> ListEveryPageAsync(HttpClient http, Uri endpoint, string token, string? level)
    {
        var told = new List<JsonObject>();
        var resources = new List<JsonNode?>();
        string? cursor = null;
        do
        {
            var parameters = cursor is null ? new JsonObject() : new JsonObject { ["cursor"] = cursor };
            var (notifications, page) = await RawMcp.ExchangeAsync2026(
                http, endpoint, token, "resources/list", parameters, meta: level is null ? null : new JsonObject { ["io.modelcontextprotocol/logLevel"] = level });
            var result = page["result"] ?? throw new Xunit.Sdk.XunitException(page.ToJsonString());
            told.AddRange(notifications);
            resources.AddRange(result["resources"]!.AsArray().Select(r => r?.DeepClone()));
            cursor = (string?)result["nextCursor"];
        }
        while (cursor is not null);

        return (told, resources);
    }

    /// <summary>The text of log messages (server-everything also logs other shapes on its own).</summary>
    private static List<string> TextLines(List<JsonObject> notifications) =>
        notifications.Where(n => (string?)n["method"] == "notifications/message" && n["params"]?["data"] is JsonValue value && value.TryGetValue<string>(out _))
            .Select(n => (string)n["params"]!["data"]!).ToList();

    private static List<string> LogLines(List<JsonObject> notifications) =>
        notifications.Where(n => (string?)n["method"] == "notifications/message").Select(n => (string)n["params"]!["data"]!).ToList();

    private static List<string> ProgressLines(List<JsonObject> notifications) =>
        notifications.Where(n => (string?)n["method"] == "notifications/progress")
            .Select(n => $"{n["params"]!["progressToken"]} {n["params"]!["progress"]}/{n["params"]!["total"]} {n["params"]!["message"]}")
            .ToList();

    private static JsonObject WithRound(JsonObject call, string state, string key, JsonObject? answer = null)
    {
        var round = (JsonObject)call.DeepClone();
        round["requestState"] = state;
        if (answer is not null)
        {
            round["inputResponses"] = new JsonObject { [key] = answer.DeepClone() };
        }

        return round;
    }
}
