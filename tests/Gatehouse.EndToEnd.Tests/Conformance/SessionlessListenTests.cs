using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>
/// A 2026-07-28 agent's <c>subscriptions/listen</c> at an upstream Gatehouse speaks to as a server of 2026-07-28 only
/// (<c>Sessionless</c>; the conformance server, whose listen stays open and whose tool list <c>test_trigger_tool_change</c>
/// changes): with no session to subscribe, the listen is held upstream in the agent's name, acknowledged to the agent only
/// once the upstream acknowledged it, and the upstream's list change comes back on the agent's listen tagged with its id.
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
}
