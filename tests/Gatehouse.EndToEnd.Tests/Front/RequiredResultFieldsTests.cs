using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// What the 2026-07-28 revision requires of a server's results, which an upstream on 2025-11-25 does not send:
/// <c>resultType</c> on every result, <c>ttlMs</c> and <c>cacheScope</c> on lists and reads, and -32602 for an unknown
/// resource; the upstream's error message as it sent it. A 2025 agent gets the results as they came.
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class RequiredResultFieldsTests(CoreGatewayFixture fixture)
{
    [Fact]
    public async Task A_2026_agent_gets_every_field_its_revision_requires()
    {
        using var http = new HttpClient { Timeout = Eventually.Ceiling };
        var endpoint = fixture.Gateway.EndpointOf("test");
        var token = fixture.Gateway.TokenOf("beta");

        var tools = (await RawMcp.RequestAsync2026(http, endpoint, token, "tools/list"))["result"]!;
        var called = (await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", new JsonObject { ["name"] = "echo", ["arguments"] = new JsonObject { ["message"] = "m" } }))["result"]!;
        var prompt = (await RawMcp.RequestAsync2026(http, endpoint, token, "prompts/get", new JsonObject { ["name"] = "greet", ["arguments"] = new JsonObject { ["name"] = "Ada" } }))["result"]!;
        var missing = await RawMcp.RequestAsync2026(http, endpoint, token, "resources/read", new JsonObject { ["uri"] = "test://static/missing" });
        var unknownTool = await RawMcp.RequestAsync2026(http, endpoint, token, "tools/call", new JsonObject { ["name"] = "no-such-tool" });

        Assert.Equal(("complete", 0, "private"), ((string?)tools["resultType"], (int?)tools["ttlMs"], (string?)tools["cacheScope"]));
        Assert.Equal("complete", (string?)called["resultType"]);
        Assert.Null(called["ttlMs"]);
        Assert.Equal("complete", (string?)prompt["resultType"]);
        Assert.Equal(-32602, (int?)missing["error"]?["code"]);
        Assert.DoesNotContain("Request failed (remote)", (string?)unknownTool["error"]?["message"], StringComparison.Ordinal);
        Assert.Contains("no-such-tool", (string?)unknownTool["error"]?["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2025_agent_gets_the_results_as_they_came()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "beta");

        var tools = await agent.SendRequestAsync(new ModelContextProtocol.Protocol.JsonRpcRequest { Method = "tools/list", Params = new JsonObject() });

        Assert.Null(tools.Result?["resultType"]);
        Assert.Null(tools.Result?["ttlMs"]);
    }
}
