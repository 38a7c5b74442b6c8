using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.Host.Tests.Admin;

/// <summary>Without <c>Gatehouse:AdminTokenSha256</c> the admin API does not exist: every route, with any token, is a 404 problem.</summary>
public sealed class ClosedAdminApiTests(ClosedAdminReplica replica) : IClassFixture<ClosedAdminReplica>
{
    [Theory]
    [InlineData("/admin/grants", null)]
    [InlineData("/admin/grants", $"Bearer {AuthReplica.AdminToken}")]
    public async Task Every_admin_route_is_a_404_problem_saying_the_api_is_closed(string path, string? authorization)
    {
        using var http = replica.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        var problem = JsonNode.Parse(await response.EnsureStatusAsync(HttpStatusCode.NotFound))!;
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Equal("not_found", (string?)problem["error"]);
        Assert.Equal("The admin API is closed: no Gatehouse:AdminTokenSha256 is configured.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task The_mcp_endpoints_still_authenticate_agents()
    {
        using var http = replica.Http();
        using var response = await http.SendAsync(AuthReplica.Initialize("/mcp/quiet", null));

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }
}
