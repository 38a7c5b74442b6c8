using System.Net;
using System.Net.Http.Headers;

namespace Gatehouse.Gateway.Tests.Auth;

/// <summary>
/// The grant scheme on a whole replica: what an agent without a valid token gets, byte for byte (the same
/// answer as before the scheme replaced the hand-written middleware), and that a valid one gets through.
/// </summary>
public sealed class GrantAuthenticationHandlerTests(OpenAdminReplica replica) : IClassFixture<OpenAdminReplica>
{
    private const string Challenge = "Bearer realm=\"gatehouse\"";
    private const string UnauthorizedBody = """{"error":"unauthorized","message":"A valid bearer token is required."}""";

    [Theory]
    [InlineData("/mcp/quiet", null)]
    [InlineData("/mcp", null)]
    [InlineData("/mcp/quiet", "Bearer not-a-real-token")]
    [InlineData("/mcp", "Bearer not-a-real-token")]
    [InlineData("/mcp/quiet", "Bearer ")]
    [InlineData("/mcp/quiet", "Basic YWxwaGE6YWxwaGE=")]
    [InlineData("/mcp/quiet/no/such/route", null)]
    public async Task A_missing_or_unknown_token_gets_401_with_the_bearer_challenge_and_the_json_body(string path, string? authorization)
    {
        using var http = replica.Http();
        using var response = await http.SendAsync(AuthReplica.Initialize(path, authorization));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_valid_token_gets_past_authentication_to_the_route_guard()
    {
        using var http = replica.Http();
        using var unknown = await http.SendAsync(AuthReplica.Initialize("/mcp/nonesuch", $"Bearer {AuthReplica.AlphaToken}"));
        using var unnamed = await http.SendAsync(AuthReplica.Initialize("/mcp/other", $"Bearer {AuthReplica.AlphaToken}"));

        Assert.Equal("""{"error":"not_found","message":"No such MCP endpoint."}""", await unknown.EnsureStatusAsync(HttpStatusCode.NotFound));
        Assert.Equal("""{"error":"forbidden","message":"This grant may not use upstream 'other'."}""", await unnamed.EnsureStatusAsync(HttpStatusCode.Forbidden));
        Assert.Empty(unknown.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task A_revoked_grant_gets_401_like_an_unknown_token()
    {
        var admin = new AdminApi(AuthReplica.AdminToken);
        var id = $"temp-{Guid.NewGuid():N}";
        var created = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, replica.BaseUrl, "/admin/grants", $$"""{ "id": "{{id}}", "upstreams": ["quiet"] }""");
        var token = (string)created!["token"]!;
        using var http = replica.Http();
        using (var before = await http.SendAsync(AuthReplica.Initialize("/mcp/nonesuch", $"Bearer {token}")))
        {
            await before.EnsureStatusAsync(HttpStatusCode.NotFound);
        }

        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, replica.BaseUrl, $"/admin/grants/{id}");
        using var after = await http.SendAsync(AuthReplica.Initialize("/mcp/quiet", $"Bearer {token}"));

        await AssertUnauthorizedAsync(after);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(UnauthorizedBody, await response.EnsureStatusAsync(HttpStatusCode.Unauthorized));
        Assert.Equal(Challenge, Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
    }
}
