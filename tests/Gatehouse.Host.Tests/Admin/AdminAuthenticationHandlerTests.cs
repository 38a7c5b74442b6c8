using System.Net;
using System.Text.Json.Nodes;

namespace Gatehouse.Host.Tests.Admin;

/// <summary>The admin scheme on a whole replica: a missing or wrong admin token gets a 401 problem with the admin challenge.</summary>
public sealed class AdminAuthenticationHandlerTests(OpenAdminReplica replica) : IClassFixture<OpenAdminReplica>
{
    [Theory]
    [InlineData("/admin/grants", null)]
    [InlineData("/admin/grants", "Bearer wrong-admin-token")]
    [InlineData("/admin/grants", $"Bearer {AuthReplica.AlphaToken}")]
    [InlineData("/admin/no/such/route", null)]
    public async Task A_missing_or_wrong_admin_token_gets_a_401_problem_with_the_admin_challenge(string path, string? authorization)
    {
        using var http = replica.Http();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);

        var problem = JsonNode.Parse(await response.EnsureStatusAsync(HttpStatusCode.Unauthorized))!;
        Assert.Equal("Bearer realm=\"gatehouse-admin\"", Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.2", (string?)problem["type"]);
        Assert.Equal(401, (int)problem["status"]!);
        Assert.Equal("Admin token required", (string?)problem["title"]);
        Assert.Equal("The admin token is required.", (string?)problem["detail"]);
        Assert.Equal("unauthorized", (string?)problem["error"]);
        Assert.Equal("The admin token is required.", (string?)problem["message"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
    }

    [Fact]
    public async Task The_admin_token_opens_the_admin_api()
    {
        var grants = await new AdminApi(AuthReplica.AdminToken).GetAsync(replica.BaseUrl, "/admin/grants");

        Assert.Contains(grants["grants"]!.AsArray(), grant => (string?)grant!["id"] == "alpha");
    }

    [Fact]
    public async Task A_refusal_of_an_admin_route_is_a_problem_that_keeps_error_and_message()
    {
        var answer = await new AdminApi(AuthReplica.AdminToken).SendAsync(HttpMethod.Delete, replica.BaseUrl, "/admin/grants/alpha");

        var problem = answer.Expect(HttpStatusCode.Conflict)!;
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(409, (int)problem["status"]!);
        Assert.Equal("Grant is configured", (string?)problem["title"]);
        Assert.Equal("Grant 'alpha' comes from the configuration; remove it there.", (string?)problem["detail"]);
        Assert.Equal("conflict", (string?)problem["error"]);
        Assert.Equal((string?)problem["detail"], (string?)problem["message"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    public async Task A_route_whose_body_is_optional_is_reached_without_a_body(string? body)
    {
        var answer = await new AdminApi(AuthReplica.AdminToken).SendAsync(HttpMethod.Post, replica.BaseUrl, "/admin/tools/quiet/nosuch/accept", body);

        var problem = answer.Expect(HttpStatusCode.NotFound)!;
        Assert.Equal("No such tool", (string?)problem["title"]);
    }

    [Fact]
    public async Task An_unknown_admin_route_with_the_admin_token_is_a_404_problem()
    {
        var answer = await new AdminApi(AuthReplica.AdminToken).SendAsync(HttpMethod.Get, replica.BaseUrl, "/admin/no/such/route");

        var problem = answer.Expect(HttpStatusCode.NotFound)!;
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal("GET /admin/no/such/route is not a route of the admin API.", (string?)problem["detail"]);
    }
}
