using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>
/// List changes at an upstream Gatehouse speaks to as a server of 2026-07-28 only (<c>Sessionless</c>; the conformance
/// server, whose listen stays open and whose tool list <c>test_trigger_tool_change</c> changes), which has no session to
/// subscribe. A 2026-07-28 agent's <c>subscriptions/listen</c> is held upstream in the agent's name, acknowledged to the
/// agent only once the upstream acknowledged it, and the upstream's list change comes back on the agent's listen tagged
/// with its id. A 2025 agent's session stream gets a listen held upstream in the session's name while it is open, and the
/// change comes to the session as a 2025 notification, untagged.
/// </summary>
public sealed class SessionlessListenTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    private const string ListChanged = "notifications/tools/list_changed";

    [Fact]
    public async Task A_tool_list_change_reaches_the_agents_listen_held_at_an_upstream_without_sessions()
    {
        var endpoint = fixture.Gateway.EndpointOf("conformance-sessionless");
        var token = fixture.Gateway.TokenOf("suite");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        using var response = await http.SendAsync(
            RawMcp.Post2026(endpoint, token, "subscriptions/listen", new JsonObject { ["notifications"] = new JsonObject { ["toolsListChanged"] = true } }),
            HttpCompletionOption.ResponseHeadersRead);
        var acknowledged = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = RawMcp.ReadEventsAsync(response, events =>
        {
            if (events.Select(e => JsonNode.Parse(e.Data)!).FirstOrDefault(m => (string?)m["method"] == "notifications/subscriptions/acknowledged") is { } ack)
            {
                acknowledged.TrySetResult(ack);
            }

            return events.Any(e => e.Data.Contains(ListChanged, StringComparison.Ordinal));
        });
        var ack = await acknowledged.Task.WaitAsync(Eventually.Ceiling);

        var trigger = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", new JsonObject { ["name"] = "test_trigger_tool_change", ["arguments"] = new JsonObject() });
        var changed = (await reading.WaitAsync(Eventually.Ceiling)).Select(e => JsonNode.Parse(e.Data)!).First(m => (string?)m["method"] == ListChanged);

        Assert.True((bool?)ack["params"]?["notifications"]?["toolsListChanged"], ack.ToJsonString());
        Assert.True(trigger["result"] is not null, trigger.ToJsonString());
        Assert.Equal("1", changed["params"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"]?.ToJsonString());
    }

    [Fact]
    public async Task A_tool_list_change_reaches_a_2025_agents_session_at_an_upstream_without_sessions()
    {
        var endpoint = fixture.Gateway.EndpointOf("conformance-sessionless");
        var token = fixture.Gateway.TokenOf("suite");
        await using var session = await RawSession.OpenAsync(endpoint, token);
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        using var get = new HttpRequestMessage(HttpMethod.Get, endpoint);
        get.Headers.Accept.ParseAdd("text/event-stream");
        get.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        get.Headers.Add("Mcp-Session-Id", session.SessionId);
        get.Headers.Add("MCP-Protocol-Version", "2025-11-25");

        // The stream's headers come once the listen Gatehouse holds upstream for the session was acknowledged.
        using var stream = await http.SendAsync(get, HttpCompletionOption.ResponseHeadersRead);
        var reading = RawMcp.ReadEventsAsync(stream, events => events.Any(e => e.Data.Contains(ListChanged, StringComparison.Ordinal)));
        var trigger = await session.RequestAsync("tools/call", new JsonObject { ["name"] = "test_trigger_tool_change", ["arguments"] = new JsonObject() });

        // Gatehouse tells a session on the stream of its request in flight when there is one, else on its own stream.
        var changed = trigger.Notifications.FirstOrDefault(m => (string?)m["method"] == ListChanged)
            ?? (await reading.WaitAsync(Eventually.Ceiling)).Select(e => JsonNode.Parse(e.Data)!).First(m => (string?)m["method"] == ListChanged).AsObject();
        Assert.Null(trigger.Error);
        Assert.Equal("2.0", (string?)changed["jsonrpc"]);
        Assert.Null(changed["params"]?["_meta"]?["io.modelcontextprotocol/subscriptionId"]);
    }

    [Fact]
    public async Task A_2025_agent_is_not_offered_resource_subscriptions_that_an_upstream_without_sessions_cannot_hold()
    {
        var token = fixture.Gateway.TokenOf("suite");
        await using var sessionless = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("conformance-sessionless"), token);
        await using var sessionful = await RawSession.OpenAsync(fixture.Gateway.EndpointOf("conformance"), token);

        // The same server, spoken to with sessions, holds the session's subscriptions; without, it refuses the method.
        var refused = await sessionless.RequestAsync("resources/subscribe", new JsonObject { ["uri"] = "test://watched-resource" });
        var held = await sessionful.RequestAsync("resources/subscribe", new JsonObject { ["uri"] = "test://watched-resource" });

        var resources = sessionless.Initialized.Message["result"]!["capabilities"]!["resources"]!.AsObject();
        Assert.False(resources.ContainsKey("subscribe"), resources.ToJsonString());
        Assert.Equal(true, (bool?)resources["listChanged"]);
        Assert.Equal(true, (bool?)sessionful.Initialized.Message["result"]!["capabilities"]!["resources"]!["subscribe"]);
        Assert.Equal(-32601, (int?)refused.Error?["code"]);
        Assert.Null(held.Error);
    }
}
