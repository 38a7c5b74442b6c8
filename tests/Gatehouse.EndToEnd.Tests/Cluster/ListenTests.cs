using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// A 2026-07-28 agent's <c>subscriptions/listen</c> on a 2025 upstream: bridged to a resource subscription on an upstream
/// session of the listen's own, whose update comes back on the listen's stream tagged with its id, while the agent's
/// other requests reach other replicas. The upstream session ends with the listen. (The C# SDK 2.4 client still sends
/// <c>resources/subscribe</c> on 2026-07-28, so the listen is made by hand.)
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class ListenTests(FidelityFixture fixture)
{
    private const string Hello = "test://static/hello";

    private GatewayCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_resource_update_reaches_a_2026_agent_on_its_listen_and_the_subscription_ends_with_it()
    {
        var token = Cluster.TokenOf("agent");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var listen = await Listen.OpenAsync(http, new Uri(Cluster.LiveUrls[0], "/mcp/watched"), token, Hello, "test://static/other");
        var ack = listen.Acknowledged;

        // The upstream tells its subscribed sessions (the listen's own) when the test chooses, through another replica.
        Assert.Equal("1", await TouchAsync(http, Cluster.LiveUrls[1], token));
        var update = await listen.UpdateAsync();

        Assert.Equal([Hello, "test://static/other"], ack["notifications"]!["resourceSubscriptions"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(1, (int?)ack["_meta"]?["io.modelcontextprotocol/subscriptionId"]);
        Assert.Equal(Hello, (string?)update["params"]!["uri"]);
        Assert.Equal(1, (int?)update["params"]!["_meta"]?["io.modelcontextprotocol/subscriptionId"]);

        // The agent ends the listen: the upstream session that held the subscription ends too.
        listen.Dispose();
        await Eventually.HoldsAsync(async () => await TouchAsync(http, Cluster.LiveUrls[2], token) == "0", "the upstream still has a subscriber after the listen ended");
    }

    /// <summary>
    /// On the aggregate <c>/mcp</c>, a listen reaches each of the grant's upstreams that can honour what it asks, with
    /// resource URIs in the aggregate's form both ways; what no upstream can honour (a URI of an upstream without
    /// subscriptions, or of none of the grant's) is left out of the acknowledgement.
    /// </summary>
    [Fact]
    public async Task A_listen_on_the_aggregate_reaches_the_upstream_a_resource_is_from()
    {
        var token = Cluster.TokenOf("agent");
        var watchedHello = "gatehouse:watched:" + Hello;
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var listen = await Listen.OpenAsync(http, new Uri(Cluster.LiveUrls[1], "/mcp"), token, watchedHello, "gatehouse:metered:" + Hello, "gatehouse:nowhere:x");
        var ack = listen.Acknowledged;

        Assert.Equal("1", await TouchAsync(http, Cluster.LiveUrls[2], token));
        var update = await listen.UpdateAsync();

        Assert.Equal([watchedHello], ack["notifications"]!["resourceSubscriptions"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(watchedHello, (string?)update["params"]!["uri"]);
        Assert.Equal(1, (int?)update["params"]!["_meta"]?["io.modelcontextprotocol/subscriptionId"]);

        listen.Dispose();
        await Eventually.HoldsAsync(async () => await TouchAsync(http, Cluster.LiveUrls[0], token) == "0", "the upstream still has a subscriber after the listen ended");
    }

    /// <summary>
    /// A stdio upstream's one shared process (which a 2026-07-28 agent's requests reach) tells the listen of the agent,
    /// held on one replica, through the grain that owns the process, wherever it lives; the subscription is made on the
    /// process for the listen, and ended with it.
    /// </summary>
    [Fact]
    public async Task A_resource_update_of_a_stdio_upstreams_shared_process_reaches_a_2026_agents_listen()
    {
        var token = Cluster.TokenOf("local");
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var listen = await Listen.OpenAsync(http, new Uri(Cluster.LiveUrls[2], "/mcp/shared-watched"), token, Hello);
        var ack = listen.Acknowledged;

        Assert.Equal("1", await TouchAsync(http, Cluster.LiveUrls[0], token, "shared-watched"));
        var update = await listen.UpdateAsync();

        Assert.Equal([Hello], ack["notifications"]!["resourceSubscriptions"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(Hello, (string?)update["params"]!["uri"]);
        Assert.Equal(1, (int?)update["params"]!["_meta"]?["io.modelcontextprotocol/subscriptionId"]);

        listen.Dispose();
        await Eventually.HoldsAsync(async () => await TouchAsync(http, Cluster.LiveUrls[1], token, "shared-watched") == "0", "the process is still subscribed after the listen ended");
    }

    private static async Task<string?> TouchAsync(HttpClient http, Uri replica, string token, string upstream = "watched")
    {
        var called = await RawMcp.RequestAsync2026(http, new Uri(replica, $"/mcp/{upstream}"), token, "tools/call",
            new JsonObject { ["name"] = "touch", ["arguments"] = new JsonObject { ["uri"] = Hello } });
        return (string?)called["result"]?["content"]?[0]?["text"];
    }

    /// <summary>A <c>subscriptions/listen</c> held open, acknowledged, and read until its first resource update.</summary>
    private sealed class Listen(HttpResponseMessage response, JsonObject acknowledged, Task<List<(string? Id, string Data)>> reading) : IDisposable
    {
        /// <summary>The <c>params</c> of the listen's acknowledgement.</summary>
        public JsonObject Acknowledged => acknowledged;

        /// <summary>Opens a listen for updates of <paramref name="uris"/> and waits for its acknowledgement.</summary>
        public static async Task<Listen> OpenAsync(HttpClient http, Uri endpoint, string token, params string[] uris)
        {
            var notifications = new JsonObject { ["resourceSubscriptions"] = new JsonArray([.. uris.Select(uri => JsonValue.Create(uri))]) };
            var response = await http.SendAsync(
                RawMcp.Post2026(endpoint, token, "subscriptions/listen", new JsonObject { ["notifications"] = notifications }),
                HttpCompletionOption.ResponseHeadersRead);
            var acknowledged = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reading = RawMcp.ReadEventsAsync(response, events =>
            {
                if (events.Select(e => JsonNode.Parse(e.Data)!).FirstOrDefault(m => (string?)m["method"] == "notifications/subscriptions/acknowledged") is { } ack)
                {
                    acknowledged.TrySetResult(ack["params"]!.AsObject());
                }

                return events.Any(e => e.Data.Contains("notifications/resources/updated", StringComparison.Ordinal));
            });
            return new Listen(response, await acknowledged.Task.WaitAsync(Eventually.Ceiling), reading);
        }

        /// <summary>The first <c>notifications/resources/updated</c> on the listen's stream.</summary>
        public async Task<JsonNode> UpdateAsync() =>
            (await reading.WaitAsync(Eventually.Ceiling)).Select(e => JsonNode.Parse(e.Data)!).Single(m => (string?)m["method"] == "notifications/resources/updated");

        /// <summary>Ends the listen (the agent closes its request).</summary>
        public void Dispose() => response.Dispose();
    }
}
