using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>Agents of each protocol generation against the same endpoints and policies.</summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class ProtocolGenerationTests(CoreGatewayFixture fixture)
{
    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData(null)]
    public async Task Each_generation_gets_results_and_refusals_by_the_same_policy(string? protocolVersion)
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha", protocolVersion);

        var names = (await agent.ListToolsAsync()).Select(t => t.Name).ToList();
        var echo = await agent.CallToolAsync("echo", Args(("message", "hi")));
        var denied = await agent.CallToolAsync("get-secret");

        Assert.Equal(protocolVersion ?? "2026-07-28", agent.NegotiatedProtocolVersion);
        Assert.Equal(protocolVersion is null, agent.SessionId is null);
        Assert.DoesNotContain("get-secret", names);
        Assert.Equal("echo: hi", echo.Text());
        Assert.True(denied.IsError);
        Assert.Equal("deny", (string?)denied.Decision()?["action"]);
        Assert.DoesNotContain("s3cret", denied.Text());
    }

    [Fact]
    public async Task A_2026_request_whose_headers_disagree_with_its_body_is_refused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Gateway.EndpointOf("test"))
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Gateway.TokenOf("alpha"));
        request.Headers.Add("MCP-Protocol-Version", "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/call");
        request.Headers.Add("Mcp-Name", "get-secret");

        using var response = await http.SendAsync(request);

        Assert.DoesNotContain("echo: x", await response.EnsureStatusAsync(HttpStatusCode.BadRequest));
    }
}
