using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Gatehouse.Host.Tests.OperatorConsole;

/// <summary>Sign-in, the session cookie on any replica, sign-out and anti-forgery, over HTTP against whole replicas.</summary>
public sealed class ConsoleSessionTests(ConsoleReplicas replicas) : IClassFixture<ConsoleReplicas>
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    private readonly AdminApi _admin = new(ConsoleReplicas.AdminToken);

    [Fact]
    public async Task Sign_in_sets_an_http_only_strict_cookie_that_another_replica_with_the_same_configuration_accepts()
    {
        var (cookie, setCookie, csrf) = await SignInAsync(replicas.A.BaseUrl);

        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase); // plain http here
        Assert.False(string.IsNullOrEmpty(csrf));

        using var approvals = await SendAsync(HttpMethod.Get, replicas.B.BaseUrl, "/admin/approvals", cookie);
        Assert.Equal(HttpStatusCode.OK, approvals.StatusCode);
        using var session = await SendAsync(HttpMethod.Get, replicas.B.BaseUrl, "/console/session", cookie);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var body = JsonNode.Parse(await session.Content.ReadAsStringAsync())!;
        Assert.Equal("admin", (string?)body["subject"]);
        Assert.Equal(csrf, (string?)body["csrf"]);
        Assert.Equal("https://grafana.example/explore?trace={traceId}", (string?)body["traceUrl"]);
    }

    [Fact]
    public async Task A_wrong_admin_token_is_refused_401_without_a_cookie()
    {
        using var answer = await Http.PostAsync(new Uri(replicas.A.BaseUrl, "/console/session"), Json("""{"token":"not-the-admin-token"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.False(answer.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_forged_or_tampered_cookie_is_refused_401()
    {
        var (cookie, _, _) = await SignInAsync(replicas.A.BaseUrl);
        var tampered = cookie.Replace("eyJ", "eyK", StringComparison.Ordinal);

        using var answer = await SendAsync(HttpMethod.Get, replicas.B.BaseUrl, "/admin/approvals", tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie_and_needs_the_antiforgery_token()
    {
        var (cookie, _, csrf) = await SignInAsync(replicas.A.BaseUrl);

        using var forged = await SendAsync(HttpMethod.Delete, replicas.A.BaseUrl, "/console/session", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        using var signOut = await SendAsync(HttpMethod.Delete, replicas.B.BaseUrl, "/console/session", cookie, csrf);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        var cleared = Assert.Single(signOut.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("gatehouse_console=;", cleared, StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.Ordinal);
        using var afterwards = await SendAsync(HttpMethod.Get, replicas.A.BaseUrl, "/console/session", cookie: null);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_change_made_with_the_cookie_needs_the_sessions_antiforgery_token_and_bearer_calls_do_not()
    {
        var grant = $"console-{Guid.NewGuid():N}"[..20];
        await _admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, replicas.A.BaseUrl, "/admin/grants", $$"""{"id":"{{grant}}","upstreams":["bank"]}""");
        var (cookie, _, csrf) = await SignInAsync(replicas.A.BaseUrl);
        var (_, _, otherCsrf) = await SignInAsync(replicas.A.BaseUrl);

        using var without = await SendAsync(HttpMethod.Delete, replicas.A.BaseUrl, $"/admin/grants/{grant}", cookie);
        using var wrong = await SendAsync(HttpMethod.Delete, replicas.A.BaseUrl, $"/admin/grants/{grant}", cookie, otherCsrf);

        foreach (var refused in new[] { without, wrong })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("antiforgery", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]);
        }

        var grants = await _admin.GetAsync(replicas.A.BaseUrl, "/admin/grants");
        Assert.Null(grants["grants"]!.AsArray().Single(g => (string?)g!["id"] == grant)!["revokedAt"]);

        using var allowed = await SendAsync(HttpMethod.Delete, replicas.A.BaseUrl, $"/admin/grants/{grant}", cookie, csrf);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        // The admin token as a bearer token carries no cookie to forge: no anti-forgery token needed.
        await _admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, replicas.A.BaseUrl, "/admin/grants", $$"""{"id":"{{grant}}-b","upstreams":["bank"]}""");
    }

    [Fact]
    public async Task The_console_pages_are_served_by_every_replica_with_a_strict_content_security_policy()
    {
        foreach (var replica in new[] { replicas.A.BaseUrl, replicas.B.BaseUrl })
        {
            using var redirect = await SendAsync(HttpMethod.Get, replica, "/console", cookie: null);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal("/console/", redirect.Headers.Location?.OriginalString);

            using var page = await SendAsync(HttpMethod.Get, replica, "/console/", cookie: null);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Contains("app.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            using var script = await SendAsync(HttpMethod.Get, replica, "/console/pages/approvals.js", cookie: null);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        }
    }

    internal static async Task<(string Cookie, string SetCookie, string Csrf)> SignInAsync(Uri replica)
    {
        using var answer = await Http.PostAsync(new Uri(replica, "/console/session"), Json($$"""{"token":"{{ConsoleReplicas.AdminToken}}"}"""));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var setCookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"));
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        return (setCookie.Split(';')[0], setCookie, (string)body["csrf"]!);
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri replica, string path, string? cookie, string? csrf = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(replica, path));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (csrf is not null)
        {
            request.Headers.Add("X-Gatehouse-Csrf", csrf);
        }

        return await Http.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
