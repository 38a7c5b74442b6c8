using System.Text;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Upstreams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Tests.Auth;

/// <summary>
/// <see cref="GrantAuthenticationHandler"/> on its own, behind a token validator of the test's: what it makes
/// of each kind of token, and the challenge it writes.
/// </summary>
public sealed class GrantSchemeTests
{
    private static readonly Grant Alpha = new("alpha", new HashSet<string> { "quiet" }, TokenHash.Of("good"));

    [Fact]
    public async Task A_known_token_authenticates_as_its_grant_and_sets_the_grant_feature()
    {
        var (handler, context) = await HandlerAsync("Bearer good");

        var result = await handler.AuthenticateAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("alpha", result.Principal!.GrantId());
        Assert.Equal(GrantAuthentication.Scheme, result.Ticket!.AuthenticationScheme);
        Assert.Equal(GrantAuthenticationHandler.AuthenticationType, result.Principal.Identity!.AuthenticationType);
        Assert.Same(Alpha, context.Features.Get<GrantFeature>()!.Grant);
    }

    [Theory]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer revoked")]
    public async Task An_unknown_or_revoked_token_fails_and_sets_no_grant(string authorization)
    {
        var (handler, context) = await HandlerAsync(authorization);

        var result = await handler.AuthenticateAsync();

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Failure);
        Assert.Null(context.Features.Get<GrantFeature>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic Z29vZA==")]
    [InlineData("Bearer ")]
    public async Task No_bearer_token_is_no_result(string? authorization)
    {
        var (handler, _) = await HandlerAsync(authorization);

        var result = await handler.AuthenticateAsync();

        Assert.True(result.None);
    }

    [Fact]
    public async Task The_challenge_is_401_with_the_bearer_realm_and_the_json_body()
    {
        var (handler, context) = await HandlerAsync(null);

        await handler.ChallengeAsync(null);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"gatehouse\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal("""{"error":"unauthorized","message":"A valid bearer token is required."}""", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task A_refused_access_token_is_named_in_the_challenge_as_an_invalid_token_with_the_reason()
    {
        var (handler, context) = await HandlerAsync("Bearer expired");

        await handler.AuthenticateAsync();
        await handler.ChallengeAsync(null);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"gatehouse\", error=\"invalid_token\", error_description=\"expired\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("""{"error":"unauthorized","message":"expired"}""", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Theory]
    [InlineData("https://gatehouse.example.com", "quiet", "https://gatehouse.example.com/.well-known/oauth-protected-resource/mcp/quiet")]
    [InlineData("https://gatehouse.example.com/", null, "https://gatehouse.example.com/.well-known/oauth-protected-resource/mcp")]
    [InlineData("https://example.com/gatehouse", "quiet", "https://example.com/.well-known/oauth-protected-resource/gatehouse/mcp/quiet")]
    public async Task With_a_public_url_the_challenge_names_the_endpoints_protected_resource_metadata(string publicUrl, string? upstream, string metadata)
    {
        var (handler, context) = await HandlerAsync(null, publicUrl);
        if (upstream is not null)
        {
            context.Request.RouteValues["upstream"] = upstream;
        }

        await handler.ChallengeAsync(null);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal($"Bearer realm=\"gatehouse\", resource_metadata=\"{metadata}\"", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task A_valid_access_token_that_matches_no_grant_is_403_saying_so()
    {
        var (handler, context) = await HandlerAsync("Bearer nomatch");

        var result = await handler.AuthenticateAsync();
        await handler.ChallengeAsync(null);

        Assert.False(result.Succeeded);
        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal("""{"error":"forbidden","message":"matches no grant"}""", Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }

    [Fact]
    public async Task An_access_token_puts_its_subject_and_client_on_the_principal_and_the_grant_feature()
    {
        var (handler, context) = await HandlerAsync("Bearer oauth");

        var result = await handler.AuthenticateAsync();

        Assert.True(result.Succeeded);
        Assert.Equal("alpha", result.Principal!.GrantId());
        Assert.Equal("user-7", result.Principal.FindFirst("sub")!.Value);
        Assert.Equal("ci-agent", result.Principal.FindFirst("client_id")!.Value);
        Assert.Equal(new GrantFeature(Alpha, "user-7", "ci-agent"), context.Features.Get<GrantFeature>());
    }

    private static async Task<(GrantAuthenticationHandler Handler, DefaultHttpContext Context)> HandlerAsync(string? authorization, string? publicUrl = null)
    {
        var options = new OptionsMonitor<AuthenticationSchemeOptions>(
            new OptionsFactory<AuthenticationSchemeOptions>([], []), [], new OptionsCache<AuthenticationSchemeOptions>());
        var handler = new GrantAuthenticationHandler(
            options, NullLoggerFactory.Instance, UrlEncoder.Default, new Tokens(), new UpstreamCatalog(new Dictionary<string, UpstreamOptions>()), Options.Create(new GatehouseOptions { PublicUrl = publicUrl }));
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        await handler.InitializeAsync(new AuthenticationScheme(GrantAuthentication.Scheme, null, typeof(GrantAuthenticationHandler)), context);
        return (handler, context);
    }

    /// <summary>
    /// Knows one static token, one access token ("oauth") for alpha, one valid access token that matches no grant, and
    /// one refused access token ("expired");
    /// "revoked" stands for a token whose grant is gone, which the registry no longer finds.
    /// </summary>
    private sealed class Tokens : IGrantTokenValidator
    {
        public ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken) =>
            ValueTask.FromResult(token switch
            {
                "oauth" => GrantResolution.Found(Alpha, "user-7", "ci-agent"),
                "nomatch" => GrantResolution.NoGrant("matches no grant"),
                "expired" => GrantResolution.Invalid("expired"),
                _ when TokenHash.Of(token) == Alpha.TokenSha256 => GrantResolution.Found(Alpha),
                _ => GrantResolution.Unknown(),
            });
    }
}
