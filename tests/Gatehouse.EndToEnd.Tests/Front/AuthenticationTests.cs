using System.Net;
using System.Text;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Front;

[Collection(CoreGatewayCollection.Name)]
public sealed class AuthenticationTests(CoreGatewayFixture fixture)
{
    private static HttpRequestMessage Post(string path, string? token) =>
        RawMcp.Post(new Uri(path, UriKind.Relative), token, RawMcp.InitializeBody, sessionId: null);

    [Fact]
    public async Task Request_without_a_token_gets_401_with_a_bearer_challenge()
    {
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var response = await http.SendAsync(Post("/mcp/test", token: null));

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Request_with_an_unknown_token_gets_401()
    {
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var response = await http.SendAsync(Post("/mcp/test", token: "not-a-real-token"));

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Sdk_client_without_a_token_cannot_connect()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => Agents.ConnectAsync(fixture.Gateway.EndpointOf("test"), token: null));
    }

    [Fact]
    public async Task Grant_cannot_reach_an_upstream_it_does_not_name()
    {
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var response = await http.SendAsync(Post("/mcp/limited", fixture.Gateway.TokenOf("beta")));

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Values.Sum(), after.Values.Sum());
    }

    [Fact]
    public async Task Unknown_upstream_is_not_found()
    {
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var response = await http.SendAsync(Post("/mcp/nonesuch", fixture.Gateway.TokenOf("alpha")));

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Session_presented_with_another_grants_token_is_refused()
    {
        await using var alpha = await fixture.Gateway.ConnectAsync("test", "alpha");
        var sessionId = alpha.SessionId;
        Assert.False(string.IsNullOrEmpty(sessionId));

        using var http = fixture.Gateway.HttpFor(grant: null);
        using var request = Post("/mcp/test", fixture.Gateway.TokenOf("beta"));
        request.Content = new StringContent("""{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json");
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_session_id_gets_404()
    {
        using var http = fixture.Gateway.HttpFor(grant: null);
        using var request = Post("/mcp/test", fixture.Gateway.TokenOf("alpha"));
        request.Content = new StringContent("""{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""", Encoding.UTF8, "application/json");
        request.Headers.Add("Mcp-Session-Id", "no-such-session");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);

        await response.EnsureStatusAsync(HttpStatusCode.NotFound);
    }
}
