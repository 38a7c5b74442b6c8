using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Auth;

/// <summary>
/// Gatehouse as an OAuth 2.1 resource server, with a real OpenID provider and the official TypeScript SDK's OAuth
/// client: discovery from the 401, tokens bound to the endpoint, grants chosen by claims, refusals that say why,
/// key rotation followed, static tokens unchanged. (Every kind of malformed or forged token is covered against a
/// local issuer in Gatehouse.Gateway.Tests.)
/// </summary>
public sealed class OAuthTests(OAuthFixture fixture) : IClassFixture<OAuthFixture>
{
    [Fact]
    public async Task An_agent_with_only_a_client_id_and_secret_discovers_the_issuer_from_the_401_and_calls_a_tool()
    {
        var answer = await TypeScriptAgent.CallWithClientCredentialsAsync(
            fixture.Gateway.EndpointOf("everything"), OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.Provider.Issuer, "echo", """{"message":"hello over oauth"}""");

        Assert.True(answer["error"] is null, answer.ToJsonString());
        Assert.Contains("hello over oauth", answer["result"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_endpoint_publishes_protected_resource_metadata_naming_itself_and_the_issuer()
    {
        using var http = new HttpClient { BaseAddress = fixture.Gateway.BaseUrl };
        foreach (var (path, resource) in new[] { ("everything", fixture.Resource), (null, fixture.Gateway.AggregateEndpoint.ToString()) })
        {
            using var response = await http.GetAsync("/.well-known/oauth-protected-resource/mcp" + (path is null ? string.Empty : "/" + path));
            await response.EnsureStatusAsync(HttpStatusCode.OK);
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(resource, (string?)document["resource"]);
            Assert.Equal(fixture.Provider.Issuer, (string?)document["authorization_servers"]![0]);
            Assert.Equal("mcp:tools:write", (string?)document["scopes_supported"]![0]);
        }

        using var unknown = await http.GetAsync("/.well-known/oauth-protected-resource/mcp/nothing-here");
        await unknown.EnsureStatusAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_without_a_token_is_told_where_the_metadata_is()
    {
        using var response = await InitializeAsync(token: null);

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(
            $"Bearer realm=\"gatehouse\", resource_metadata=\"{fixture.Gateway.BaseUrl.ToString().TrimEnd('/')}/.well-known/oauth-protected-resource/mcp/everything\"",
            response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("another-resource", "issued for another resource")]
    [InlineData("tampered", "signature is not valid")]
    public async Task A_token_not_valid_for_this_endpoint_is_401_invalid_token_with_the_reason(string kind, string reason)
    {
        var token = kind == "another-resource"
            ? await fixture.Provider.TokenAsync(OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.Gateway.BaseUrl + "mcp/other")
            : Tampered(await fixture.Provider.TokenAsync(OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.Resource));

        using var response = await InitializeAsync(token);

        await response.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        Assert.Contains("resource_metadata=", challenge, StringComparison.Ordinal);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_token_whose_claims_match_no_grant_is_403_saying_so()
    {
        var token = await fixture.Provider.TokenAsync(OAuthFixture.StrangerId, OAuthFixture.StrangerSecret, fixture.Resource);

        using var response = await InitializeAsync(token);

        await response.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("match no grant", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains("scope=\"mcp:tools:write\"", challenge, StringComparison.Ordinal);
        Assert.Contains("resource_metadata=", challenge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_grant_tokens_keep_working_beside_oauth()
    {
        using var response = await InitializeAsync(fixture.Gateway.TokenOf("static-agent"));

        await response.EnsureStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_the_issuer_rotates_its_key_new_tokens_are_accepted_and_old_ones_refused_without_a_restart()
    {
        var old = await fixture.Provider.TokenAsync(OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.Resource);
        using (var before = await InitializeAsync(old))
        {
            await before.EnsureStatusAsync(HttpStatusCode.OK);
        }

        await fixture.Provider.RotateAsync();
        var fresh = await fixture.Provider.TokenAsync(OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.Resource);

        // The gateway fetches the issuer's keys again when a token names one it has not seen, at most every few seconds.
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await InitializeAsync(fresh);
            return response.StatusCode == HttpStatusCode.OK;
        }, "a token signed with the rotated key is accepted");
        using var stale = await InitializeAsync(old);
        await stale.EnsureStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_operator_matching_admin_match_uses_the_admin_api_with_an_access_token_and_others_are_refused()
    {
        var operatorToken = await fixture.Provider.TokenAsync(OAuthFixture.OpsId, OAuthFixture.OpsSecret, fixture.AdminResource);
        var agentToken = await fixture.Provider.TokenAsync(OAuthFixture.ClientId, OAuthFixture.ClientSecret, fixture.AdminResource);
        var mcpToken = await fixture.Provider.TokenAsync(OAuthFixture.OpsId, OAuthFixture.OpsSecret, fixture.Resource);

        using var asOperator = await AdminAsync(operatorToken);
        using var asAgent = await AdminAsync(agentToken);
        using var forAnotherResource = await AdminAsync(mcpToken);

        await asOperator.EnsureStatusAsync(HttpStatusCode.OK);
        Assert.Contains("static-agent", await asOperator.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await asAgent.EnsureStatusAsync(HttpStatusCode.Forbidden);
        Assert.Contains("match no Gatehouse:AdminMatch", await asAgent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await forAnotherResource.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("error=\"invalid_token\"", forAnotherResource.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("issued for another resource", await forAnotherResource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_opaque_access_token_is_introspected_at_its_issuer_and_chooses_its_grant()
    {
        var opaque = await fixture.Provider.TokenAsync(OAuthFixture.OpaqueId, OAuthFixture.OpaqueSecret, fixture.Resource);
        var forAnother = await fixture.Provider.TokenAsync(OAuthFixture.OpaqueId, OAuthFixture.OpaqueSecret, fixture.Gateway.BaseUrl + "mcp/other");

        using var accepted = await InitializeAsync(opaque);
        using var otherResource = await InitializeAsync(forAnother);
        using var unknown = await InitializeAsync("not-a-token-the-issuer-ever-made");

        Assert.DoesNotContain('.', opaque);
        await accepted.EnsureStatusAsync(HttpStatusCode.OK);
        await otherResource.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("issued for another resource", await otherResource.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await unknown.EnsureStatusAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("not active", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> AdminAsync(string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Gateway.BaseUrl, "/admin/grants"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> InitializeAsync(string? token)
    {
        using var http = new HttpClient();
        using var request = RawMcp.Post(fixture.Gateway.EndpointOf("everything"), token, RawMcp.InitializeBody, sessionId: null);
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>The same token, its signature kept, naming another subject.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        payload["sub"] = "someone-else";
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }
}
