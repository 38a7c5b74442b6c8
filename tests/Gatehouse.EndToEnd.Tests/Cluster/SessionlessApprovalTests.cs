using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Approvals for 2026-07-28 agents (no session): the call is answered <c>input_required</c> at once, and the agent
/// calls again, through any replica, with the signed <c>requestState</c> until the approval is decided.
/// </summary>
[Collection(ApprovalCollection.Name)]
public sealed class SessionlessApprovalTests(ApprovalFixture fixture)
{
    private GatewayCluster Cluster => fixture.Cluster;

    /// <summary>The key of Gatehouse's question in <c>inputRequests</c>, and of the answer in <c>inputResponses</c>.</summary>
    private const string ApprovalInputKey = "gatehouse/approval";

    private static AdminApi Admin => GatewayConfig.Admin;

    private static McpClientOptions Sessionless(Func<ElicitRequestParams?, Task<ElicitResult>> elicit) => new()
    {
        ProtocolVersion = "2026-07-28",
        Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Form = new(), Url = new() } },
        Handlers = new McpClientHandlers { ElicitationHandler = async (request, _) => await elicit(request) },
    };

    [Fact]
    public async Task A_call_held_for_an_operator_offers_the_console_page_and_goes_ahead_once_approved_through_another_replica()
    {
        var pages = new List<string?>();
        var (agent, balancer) = await Cluster.ConnectAsync("bank", "agent", Sessionless(async request =>
        {
            // The agent's user opens the page; an operator approves, through another replica.
            pages.Add(request?.Url);
            var pending = await ApprovalTests.PendingAsync(Cluster.LiveUrls[1], "transfer");
            await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Cluster.LiveUrls[2], $"/admin/approvals/{pending["id"]}/approve");
            return new ElicitResult { Action = "accept" };
        }));
        await using var _ = agent;

        var result = await agent.CallToolAsync("transfer", Args(("amount", 7), ("to", "acct-sessionless")));

        Assert.Null(agent.SessionId);
        Assert.Equal("transferred 7 to acct-sessionless", result.Text());
        var page = Assert.Single(pages);
        Assert.StartsWith($"{ApprovalFixture.ConsoleUrl}#/approvals/", page, StringComparison.Ordinal);
        Assert.True(balancer.Sent.Distinct().Count() >= 2, "the call and its call back went to one replica");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_call_held_for_the_user_asks_in_the_result_and_is_decided_by_the_answer(bool approves)
    {
        var asked = new List<ElicitRequestParams?>();
        var (agent, _) = await Cluster.ConnectAsync("bank", "agent", Sessionless(request =>
        {
            asked.Add(request);
            return Task.FromResult(approves
                ? new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(true) } }
                : new ElicitResult { Action = "decline" });
        }));
        await using var __ = agent;

        var message = approves ? "sessionless yes" : "sessionless no";
        var result = await agent.CallToolAsync("echo", Args(("message", message)));

        var question = Assert.Single(asked);
        Assert.Contains("'echo'", question?.Message, StringComparison.Ordinal);
        Assert.NotNull(question?.RequestedSchema);
        if (approves)
        {
            Assert.Equal($"echo: {message}", result.Text());
        }
        else
        {
            Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        }
    }

    [Fact]
    public async Task A_requestState_that_was_altered_used_already_or_made_for_another_call_is_refused()
    {
        using var http = new HttpClient();
        var arguments = new JsonObject { ["amount"] = 3, ["to"] = "acct-replay" };

        var first = await CallAsync(http, Cluster.LiveUrls[0], "transfer", arguments, requestState: null);
        Assert.Equal("input_required", (string?)first["result"]?["resultType"]);
        var state = (string)first["result"]!["requestState"]!;

        var altered = await CallAsync(http, Cluster.LiveUrls[1], "transfer", arguments, state[..^2] + (state[^2] == 'A' ? "BB" : "AA"));
        var otherCall = await CallAsync(http, Cluster.LiveUrls[1], "transfer", new JsonObject { ["amount"] = 4, ["to"] = "acct-replay" }, state);
        Assert.Equal(-32602, (int?)altered["error"]?["code"]);
        Assert.Equal(-32602, (int?)otherCall["error"]?["code"]);
        Assert.Contains("requestState", (string?)altered["error"]?["message"], StringComparison.Ordinal);

        var pending = await ApprovalTests.PendingAsync(Cluster.LiveUrls[2], "transfer");
        Assert.Equal("acct-replay", (string?)pending["arguments"]?["to"]);
        await Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Cluster.LiveUrls[2], $"/admin/approvals/{pending["id"]}/approve");

        var approved = await CallAsync(http, Cluster.LiveUrls[1], "transfer", arguments, state);
        var replayed = await CallAsync(http, Cluster.LiveUrls[2], "transfer", arguments, state);

        Assert.Equal("transferred 3 to acct-replay", (string?)approved["result"]?["content"]?[0]?["text"]);
        Assert.Equal(true, (bool?)replayed["result"]?["isError"]);
        Assert.Equal("approval_denied", (string?)replayed["result"]?["_meta"]?["gatehouse/decision"]?["action"]);
    }

    [Fact]
    public async Task An_agents_own_answer_never_decides_an_operators_approval_and_a_call_back_waits_for_the_decision()
    {
        using var http = new HttpClient();
        var arguments = new JsonObject { ["a"] = 40, ["b"] = 2 };

        var first = await CallAsync(http, Cluster.LiveUrls[0], "add", arguments, requestState: null);
        var state = (string)first["result"]!["requestState"]!;
        var selfApproved = new JsonObject
        {
            [ApprovalInputKey] = new JsonObject { ["action"] = "accept", ["content"] = new JsonObject { ["approve"] = true } },
        };

        // Nobody decides within the approval's 2 s: the call back, which waits for a decision, ends it as timed out.
        var after = await CallAsync(http, Cluster.LiveUrls[1], "add", arguments, state, selfApproved);

        Assert.Equal("input_required", (string?)first["result"]?["resultType"]);
        Assert.Null(first["result"]?["inputRequests"]);
        Assert.Equal("approval_timeout", (string?)after["result"]?["_meta"]?["gatehouse/decision"]?["action"]);
    }

    /// <summary>A 2026-07-28 <c>tools/call</c> by hand (the SDK would call again by itself); the JSON-RPC response.</summary>
    private Task<JsonObject> CallAsync(HttpClient http, Uri replica, string tool, JsonObject arguments, string? requestState, JsonObject? inputResponses = null)
    {
        var parameters = new JsonObject { ["name"] = tool, ["arguments"] = arguments.DeepClone() };
        if (requestState is not null)
        {
            parameters["requestState"] = requestState;
        }

        if (inputResponses is not null)
        {
            parameters["inputResponses"] = inputResponses.DeepClone();
        }

        return RawMcp.RequestAsync2026(http, new Uri(replica, "/mcp/bank"), Cluster.TokenOf("agent"), "tools/call", parameters);
    }
}
