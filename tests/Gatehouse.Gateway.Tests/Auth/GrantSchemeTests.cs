using System.Text;
using System.Text.Encodings.Web;
using Gatehouse.Gateway.Auth;
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

    private static async Task<(GrantAuthenticationHandler Handler, DefaultHttpContext Context)> HandlerAsync(string? authorization)
    {
        var options = new OptionsMonitor<AuthenticationSchemeOptions>(
            new OptionsFactory<AuthenticationSchemeOptions>([], []), [], new OptionsCache<AuthenticationSchemeOptions>());
        var handler = new GrantAuthenticationHandler(options, NullLoggerFactory.Instance, UrlEncoder.Default, new Tokens());
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        await handler.InitializeAsync(new AuthenticationScheme(GrantAuthentication.Scheme, null, typeof(GrantAuthenticationHandler)), context);
        return (handler, context);
    }

    /// <summary>Knows one token; "revoked" stands for a token whose grant is gone, which the registry no longer finds.</summary>
    private sealed class Tokens : IGrantTokenValidator
    {
        public ValueTask<Grant?> FindGrantAsync(string token, CancellationToken cancellationToken) =>
            ValueTask.FromResult(TokenHash.Of(token) == Alpha.TokenSha256 ? Alpha : null);
    }
}
