using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// <c>server/discover</c> (2026-07-28): each endpoint describes what it serves this grant — one upstream as the upstream
/// describes itself (with the tasks extension when it makes tasks), <c>/mcp</c> the merge of the grant's upstreams only —
/// and says the answer is not to be shared.
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class DiscoverTests(CoreGatewayFixture fixture)
{
    private async Task<JsonObject> DiscoverAsync(Uri endpoint, string grant)
    {
        using var http = new HttpClient();
        var response = await RawMcp.RequestAsync2026(http, endpoint, fixture.Gateway.TokenOf(grant), "server/discover");
        return response["result"] as JsonObject ?? throw new Xunit.Sdk.XunitException($"no result: {response.ToJsonString()}");
    }

    private static string? ServerName(JsonObject discovered) => (string?)discovered["_meta"]?["io.modelcontextprotocol/serverInfo"]?["name"];

    private static SortedSet<string> Features(JsonObject discovered) =>
        new(discovered["capabilities"]!.AsObject().Where(p => p.Value is not null).Select(p => p.Key), StringComparer.Ordinal);

    [Fact]
    public async Task An_upstreams_endpoint_presents_that_upstream_and_the_aggregate_only_the_grants_upstreams()
    {
        var test = await DiscoverAsync(fixture.Gateway.EndpointOf("test"), "beta");
        var everything = await DiscoverAsync(fixture.Gateway.EndpointOf("everything"), "combo");
        var onlyTest = await DiscoverAsync(fixture.Gateway.AggregateEndpoint, "beta");
        var both = await DiscoverAsync(fixture.Gateway.AggregateEndpoint, "combo");

        Assert.Equal("test-upstream", ServerName(test));
        Assert.Equal("gatehouse", ServerName(onlyTest));
        Assert.Contains("[everything]", (string?)both["instructions"], StringComparison.Ordinal);
        Assert.Null(onlyTest["instructions"]);
        Assert.Contains("2026-07-28", test["supportedVersions"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(Features(test), Features(onlyTest));
        // server-everything makes tasks of tool calls: its own endpoint offers the tasks extension, and so does /mcp for a grant
        // that reaches it (its tasks named {upstream}__{taskId} there).
        Assert.NotNull(everything["capabilities"]?["extensions"]?["io.modelcontextprotocol/tasks"]);
        Assert.NotNull(both["capabilities"]?["extensions"]?["io.modelcontextprotocol/tasks"]);
        Assert.Null(onlyTest["capabilities"]?["extensions"]);
        Assert.Equal(new SortedSet<string>(Features(test).Union(Features(everything)), StringComparer.Ordinal), Features(both));
        Assert.NotEqual(Features(onlyTest), Features(both));
        Assert.Equal(true, (bool?)both["capabilities"]?["resources"]?["subscribe"]);
        Assert.NotEqual(true, (bool?)onlyTest["capabilities"]?["resources"]?["subscribe"]);
        Assert.All([test, everything, onlyTest, both], d => Assert.Equal("private", (string?)d["cacheScope"]));
    }
}
