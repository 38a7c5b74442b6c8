using System.Buffers.Text;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// A 2026-07-28 agent at an upstream Gatehouse speaks 2026-07-28 to (<c>ProtocolVersion</c>; the C# test upstream as
/// <c>modern</c>): each request goes over the sessionless wire as the agent sent it, and the upstream's own
/// multi-round-trip questions pass through unchanged (its keys, not Gatehouse's), its <c>requestState</c> wrapped in a
/// state Gatehouse signs, so a later round, through any replica, continues that call and no other.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class StatelessUpstreamTests(FidelityFixture fixture)
{
    private static readonly JsonObject Elicitation = new() { ["elicitation"] = new JsonObject { ["form"] = new JsonObject() } };

    private GatewayCluster Cluster => fixture.Cluster;

    [Theory]
    [InlineData("/mcp/modern", "confirm")]
    [InlineData("/mcp", "modern__confirm")]
    public async Task The_upstreams_questions_reach_the_agent_as_it_asked_them_and_the_answer_through_another_replica_continues_the_call(string path, string tool)
    {
        var token = Cluster.TokenOf("current");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var call = new JsonObject { ["name"] = tool, ["arguments"] = new JsonObject { ["action"] = "deploy" } };

        var first = await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[0], path), token, "tools/call", call, Elicitation);

        // The upstream's own question, under its own key (a bridged call's would be Gatehouse's, gatehouse-0).
        var asked = first["result"]!.AsObject();
        Assert.Equal("input_required", (string?)asked["resultType"]);
        var (key, question) = asked["inputRequests"]!.AsObject().Single();
        Assert.Equal("confirm", key);
        Assert.Equal("elicitation/create", (string?)question!["method"]);
        Assert.Equal("Confirm deploy?", (string?)question["params"]?["message"]);

        // Its state is the upstream's, inside a state Gatehouse signed for this grant, upstream, method and tool.
        var state = (string)asked["requestState"]!;
        var signed = JsonNode.Parse(Base64Url.DecodeFromChars(state.Split('.')[0]))!;
        Assert.Equal("relay", (string?)signed["p"]);
        Assert.Equal("confirming", (string?)signed["d"]?["state"]);
        Assert.Equal("confirm", (string?)signed["d"]?["target"]);

        var answered = Round(call, state, new JsonObject { ["confirm"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["ok"] = true } } });
        var done = await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[1], path), token, "tools/call", answered, Elicitation);
        Assert.Equal("confirmed: deploy", (string?)done["result"]?["content"]?[0]?["text"]);

        // Declined, through the third replica: the upstream reads that answer instead (each round stands alone upstream).
        var declined = Round(call, state, new JsonObject { ["confirm"] = new JsonObject { ["action"] = "decline" } });
        var refusedByUser = await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[2], path), token, "tools/call", declined, Elicitation);
        Assert.Equal("not confirmed: deploy", (string?)refusedByUser["result"]?["content"]?[0]?["text"]);
    }

    [Fact]
    public async Task A_state_that_is_not_gatehouses_or_was_made_for_another_call_is_refused_before_it_reaches_the_upstream()
    {
        var endpoint = new Uri(Cluster.LiveUrls[0], "/mcp/modern");
        var token = Cluster.TokenOf("current");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var call = new JsonObject { ["name"] = "confirm", ["arguments"] = new JsonObject { ["action"] = "deploy" } };
        var asked = (await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", call, Elicitation))["result"]!;
        var state = (string)asked["requestState"]!;
        var yes = new JsonObject { ["confirm"] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["ok"] = true } } };

        // The upstream's own state, as the agent would have had it directly: not Gatehouse's, so refused.
        var raw = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", Round(call, "confirming", yes), Elicitation);
        Assert.Equal(-32602, (int?)raw["error"]?["code"]);

        // Altered: refused.
        var mac = state.IndexOf('.', StringComparison.Ordinal) + 1;
        var tampered = state[..mac] + (state[mac] == 'A' ? 'B' : 'A') + state[(mac + 1)..];
        var altered = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", Round(call, tampered, yes), Elicitation);
        Assert.Equal(-32602, (int?)altered["error"]?["code"]);

        // Made for confirm, brought to another tool: refused, not run as a round of it.
        var echo = new JsonObject { ["name"] = "echo", ["arguments"] = new JsonObject { ["message"] = "m" } };
        var elsewhere = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", Round(echo, state, yes), Elicitation);
        Assert.Equal(-32602, (int?)elsewhere["error"]?["code"]);

        // Made for grant current, brought by another grant to another endpoint of the same upstream: refused.
        var stranger = await RawMcp.RequestAsync2026(http, new Uri(Cluster.LiveUrls[1], "/mcp/metered"), Cluster.TokenOf("agent"), "tools/call", Round(call, state, yes), Elicitation);
        Assert.Equal(-32602, (int?)stranger["error"]?["code"]);

        // The state as given still continues its own call.
        var done = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", Round(call, state, yes), Elicitation);
        Assert.Equal("confirmed: deploy", (string?)done["result"]?["content"]?[0]?["text"]);

        // The audit: the call allowed, asked for input; the answering round continued it (not decided, nor charged, again).
        await ContinuedCallAudit.AssertAsync(Cluster.LiveUrls[2], "current", "confirm");
    }

    [Fact]
    public async Task Progress_and_log_messages_come_from_the_upstream_as_the_request_asked_for_them()
    {
        var (told, answer) = await RawMcp.ExchangeAsync2026(
            new HttpClient { Timeout = Eventually.Ceiling }, new Uri(Cluster.LiveUrls[0], "/mcp/modern"), Cluster.TokenOf("current"), "tools/call",
            new JsonObject { ["name"] = "chatty" }, meta: new JsonObject { ["progressToken"] = "mine", ["io.modelcontextprotocol/logLevel"] = "warning" });

        Assert.Equal("chatted", (string?)answer["result"]?["content"]?[0]?["text"]);
        Assert.Equal(
            ["mine 1/2 before", "mine 2/2 after"],
            told.Where(n => (string?)n["method"] == "notifications/progress").Select(n => $"{n["params"]!["progressToken"]} {n["params"]!["progress"]}/{n["params"]!["total"]} {n["params"]!["message"]}"));
        Assert.Equal(
            ["before: warning", "before: error", "after: warning", "after: error"],
            told.Where(n => (string?)n["method"] == "notifications/message").Select(n => (string)n["params"]!["data"]!));
    }

    [Fact]
    public async Task The_upstreams_error_comes_through_with_its_code_message_and_data()
    {
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var refused = await RawMcp.RequestAsync2026(
            http, new Uri(Cluster.LiveUrls[1], "/mcp/modern"), Cluster.TokenOf("current"), "tools/call",
            new JsonObject { ["name"] = "refuse", ["arguments"] = new JsonObject { ["message"] = "not today" } });

        Assert.Equal("""{"code":-31999,"message":"not today","data":{"reason":"on purpose","attempts":[1,2]}}""", refused["error"]?.ToJsonString());
    }

    private static JsonObject Round(JsonObject call, string state, JsonObject answers)
    {
        var round = (JsonObject)call.DeepClone();
        round["requestState"] = state;
        round["inputResponses"] = answers.DeepClone();
        return round;
    }
}
