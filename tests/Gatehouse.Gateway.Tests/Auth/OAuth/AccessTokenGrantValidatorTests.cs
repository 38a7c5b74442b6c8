using System.Text;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Auth.OAuth;

/// <summary>
/// <see cref="AccessTokenGrantValidator"/> against a local issuer: which access tokens select which grant, every
/// kind of bad token refused with its reason, key rotation followed without a restart, and static tokens unchanged.
/// </summary>
public sealed class AccessTokenGrantValidatorTests : IAsyncLifetime
{
    private const string PublicUrl = "https://gatehouse.example.com";
    private const string Resource = PublicUrl + "/mcp/quiet";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private LocalIssuer _issuer = null!;
    private AccessTokenGrantValidator _validator = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LocalIssuer.StartAsync();
        var options = Options.Create(new GatehouseOptions
        {
            PublicUrl = PublicUrl,
            Auth = { Issuers = { ["local"] = new IssuerOptions { Authority = new Uri(_issuer.Url) } } },
            Grants =
            {
                ["alpha"] = new GrantOptions { Upstreams = ["quiet"], Match = { ["client_id"] = ["ci-agent"] } },
                ["scoped"] = new GrantOptions { Upstreams = ["quiet"], Match = { ["scope"] = ["mcp:tools"], ["groups"] = ["ops", "sre"] } },
                ["static"] = new GrantOptions { Upstreams = ["quiet"], TokenSha256 = TokenHash.Of("static-token") },
            },
        });
        var registry = new GrantRegistry(options);
        IssuerKeys[] issuers = [new IssuerKeys("local", new Uri(_issuer.Url), new HttpClient(), _time)];
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        _validator = new AccessTokenGrantValidator(
            new RegistryGrantTokenValidator(registry),
            registry,
            new AccessTokenVerifier(issuers, options, NullLogger<AccessTokenVerifier>.Instance),
            new TokenIntrospector(issuers, options, http, _time, NullLogger<TokenIntrospector>.Instance));
    }

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task A_valid_token_for_this_endpoint_selects_the_grant_its_claims_match_and_says_whom_it_speaks_for()
    {
        var resolution = await _validator.ResolveAsync(_issuer.Token(Resource), Resource, default);

        Assert.Equal("alpha", resolution.Grant?.Id);
        Assert.Equal("user-1", resolution.Subject);
        Assert.Equal("ci-agent", resolution.ClientId);
    }

    [Fact]
    public async Task Scope_words_and_array_claims_match_any_accepted_value_and_every_listed_claim_must_match()
    {
        var matching = _issuer.Token(Resource, new Dictionary<string, object> { ["sub"] = "u", ["client_id"] = "other", ["scope"] = "openid mcp:tools", ["groups"] = new[] { "dev", "sre" } });
        var missingGroup = _issuer.Token(Resource, new Dictionary<string, object> { ["sub"] = "u", ["client_id"] = "other", ["scope"] = "openid mcp:tools", ["groups"] = new[] { "dev" } });

        Assert.Equal("scoped", (await _validator.ResolveAsync(matching, Resource, default)).Grant?.Id);
        var refused = await _validator.ResolveAsync(missingGroup, Resource, default);
        Assert.Null(refused.Grant);
        Assert.Equal(GrantRefusal.NoMatchingGrant, refused.Refusal);
        Assert.Contains("match no grant", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired", "has expired")]
    [InlineData("not-yet-valid", "not valid yet")]
    [InlineData("other-resource", "another resource")]
    [InlineData("other-issuer", "issuer is not trusted")]
    [InlineData("unpublished-key", "key its issuer does not publish")]
    [InlineData("tampered", "signature is not valid")]
    [InlineData("hmac", "")]
    [InlineData("alg-none", "")]
    [InlineData("not-a-jwt.a.b", "not a well-formed JWT")]
    public async Task Every_kind_of_bad_access_token_is_refused_as_invalid_with_its_reason(string kind, string reason)
    {
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "expired" => _issuer.Token(Resource, expires: now.AddMinutes(-5), notBefore: now.AddMinutes(-20)),
            "not-yet-valid" => _issuer.Token(Resource, notBefore: now.AddMinutes(5), expires: now.AddMinutes(20)),
            "other-resource" => _issuer.Token(PublicUrl + "/mcp/other"),
            "other-issuer" => _issuer.Token(Resource, issuer: "https://elsewhere.example.com"),
            "unpublished-key" => _issuer.Token(Resource, key: LocalIssuer.NewKey()),
            "tampered" => Tampered(),
            "hmac" => _issuer.Token(Resource, key: new SymmetricSecurityKey(RandomBytes(32)), algorithm: SecurityAlgorithms.HmacSha256),
            "alg-none" => Unsigned(),
            _ => kind,
        };

        var resolution = await _validator.ResolveAsync(token, Resource, default);

        Assert.Null(resolution.Grant);
        Assert.Equal(GrantRefusal.InvalidToken, resolution.Refusal);
        Assert.Contains(reason, resolution.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_issuer_rotates_its_keys_new_tokens_are_accepted_without_a_restart()
    {
        Assert.NotNull((await _validator.ResolveAsync(_issuer.Token(Resource), Resource, default)).Grant);
        var before = _issuer.Token(Resource);
        _time.Advance(IssuerKeys.MinRefreshInterval);

        _issuer.Rotate();
        var resolution = await _validator.ResolveAsync(_issuer.Token(Resource), Resource, default);

        Assert.Equal("alpha", resolution.Grant?.Id);
        Assert.Equal(2, _issuer.JwksRequests);
        // The old key is no longer published: tokens signed with it are refused once the keys were fetched again.
        Assert.Null((await _validator.ResolveAsync(before, Resource, default)).Grant);
    }

    [Fact]
    public async Task Tokens_naming_unknown_keys_fetch_the_keys_again_at_most_once_per_interval()
    {
        Assert.NotNull((await _validator.ResolveAsync(_issuer.Token(Resource), Resource, default)).Grant);
        _time.Advance(IssuerKeys.MinRefreshInterval);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null((await _validator.ResolveAsync(_issuer.Token(Resource, key: LocalIssuer.NewKey()), Resource, default)).Grant);
        }

        Assert.Equal(2, _issuer.JwksRequests);
        _time.Advance(IssuerKeys.MinRefreshInterval);
        Assert.Null((await _validator.ResolveAsync(_issuer.Token(Resource, key: LocalIssuer.NewKey()), Resource, default)).Grant);
        Assert.Equal(3, _issuer.JwksRequests);
    }

    [Fact]
    public async Task Static_grant_tokens_keep_working_beside_access_tokens()
    {
        Assert.Equal("static", (await _validator.ResolveAsync("static-token", Resource, default)).Grant?.Id);
        Assert.Equal(GrantRefusal.UnknownToken, (await _validator.ResolveAsync("no-such-token", Resource, default)).Refusal);
    }

    private string Tampered()
    {
        var genuine = _issuer.Token(Resource).Split('.');
        var forged = _issuer.Token(Resource, new Dictionary<string, object> { ["sub"] = "admin", ["client_id"] = "ci-agent" }).Split('.');
        return $"{genuine[0]}.{forged[1]}.{genuine[2]}";
    }

    private string Unsigned()
    {
        var payload = _issuer.Token(Resource).Split('.')[1];
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}""")) + "." + payload + ".";
    }

    private static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);
}
