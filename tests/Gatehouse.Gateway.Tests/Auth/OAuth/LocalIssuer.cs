using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Auth.OAuth;

/// <summary>
/// A minimal token issuer on 127.0.0.1 for the validator's unit tests: a discovery document, a JWKS of the keys
/// it publishes now (which a test can rotate), and tokens signed with any key, published or not. The end-to-end
/// tests use a real OpenID provider instead.
/// </summary>
internal sealed class LocalIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile RsaSecurityKey[] _published;
    private int _jwksRequests;

    private LocalIssuer(WebApplication app, string url, RsaSecurityKey first)
    {
        _app = app;
        Url = url;
        _published = [first];
        Current = first;
    }

    public string Url { get; }

    /// <summary>The key tokens are signed with unless a test says otherwise.</summary>
    public RsaSecurityKey Current { get; private set; }

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    public static async Task<LocalIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LocalIssuer? issuer = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, string>
        {
            ["issuer"] = issuer!.Url,
            ["jwks_uri"] = issuer.Url + "/jwks",
        }));
        app.MapGet("/jwks", () =>
        {
            Interlocked.Increment(ref issuer!._jwksRequests);
            var keys = issuer._published.Select(key =>
            {
                var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
                return new Dictionary<string, string> { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = "sig", ["n"] = jwk.N, ["e"] = jwk.E };
            });
            return Results.Json(new { keys });
        });
        await app.StartAsync();
        var url = app.Urls.Single().TrimEnd('/');
        issuer = new LocalIssuer(app, url, NewKey());
        return issuer;
    }

    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>The issuer starts signing with a new key and publishes only that one.</summary>
    public RsaSecurityKey Rotate()
    {
        Current = NewKey();
        _published = [Current];
        return Current;
    }

    public string Token(
        string audience,
        IDictionary<string, object>? claims = null,
        SecurityKey? key = null,
        string? issuer = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Url,
            Audience = audience,
            IssuedAt = now,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Claims = claims ?? new Dictionary<string, object> { ["sub"] = "user-1", ["client_id"] = "ci-agent" },
            SigningCredentials = new SigningCredentials(key ?? Current, algorithm),
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
