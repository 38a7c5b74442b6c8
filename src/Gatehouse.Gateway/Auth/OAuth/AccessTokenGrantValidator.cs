using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// OAuth 2.1 resource server: a JWT access token is checked against the trusted issuer it names — signature by
/// one of the issuer's published keys with an allow-listed asymmetric algorithm (never <c>none</c>, never HMAC),
/// <c>iss</c>, <c>aud</c> equal to the resource URI of the endpoint called (RFC 8707) or the issuer's configured
/// audience, <c>exp</c>/<c>nbf</c> with 30 s of skew — and its claims select the grant (<c>Grants:{id}:Match</c>).
/// Any other token is a static grant token, looked up as before.
/// </summary>
internal sealed partial class AccessTokenGrantValidator(
    RegistryGrantTokenValidator staticTokens,
    GrantRegistry grants,
    IReadOnlyList<IssuerKeys> issuers,
    IOptions<GatehouseOptions> options,
    ILogger<AccessTokenGrantValidator> logger) : IGrantTokenValidator
{
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new();

    public async ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken)
    {
        if (token.Count(c => c == '.') != 2)
        {
            return await staticTokens.ResolveAsync(token, resource, cancellationToken);
        }

        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return GrantResolution.Invalid("The access token is not a well-formed JWT.");
        }

        var claimedIssuer = unverified.TryGetPayloadValue<string>("iss", out var iss) ? iss.TrimEnd('/') : null;
        if (issuers.FirstOrDefault(candidate => candidate.Issuer == claimedIssuer) is not { } issuer)
        {
            return GrantResolution.Invalid("The access token's issuer is not trusted here.");
        }

        if ((options.Value.Auth.Issuers[issuer.Name].Audience ?? resource) is not { } audience)
        {
            return GrantResolution.Invalid("Gatehouse:PublicUrl is not set, so no access token can be bound to this resource.");
        }

        TokenValidationResult result;
        try
        {
            var keys = await issuer.GetAsync(cancellationToken);
            result = await ValidateAsync(token, issuer, keys, audience);
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await issuer.RefreshAsync(keys, cancellationToken) is { } fresher)
            {
                result = await ValidateAsync(token, issuer, fresher, audience);
            }
        }
        catch (IssuerUnavailableException ex)
        {
            LogIssuerUnavailable(issuer.Name, ex.Message);
            return GrantResolution.Invalid("The access token's issuer could not be reached to check it.");
        }

        if (!result.IsValid)
        {
            return GrantResolution.Invalid(Describe(result.Exception));
        }

        var verified = (JsonWebToken)result.SecurityToken;
        var subject = verified.TryGetPayloadValue<string>("sub", out var sub) ? sub : null;
        var clientId = verified.TryGetPayloadValue<string>("client_id", out var client) ? client
            : verified.TryGetPayloadValue<string>("azp", out var azp) ? azp : null;
        return grants.FindByClaims(claim => ValuesOf(verified, claim)) is { } grant
            ? GrantResolution.Found(grant, subject, clientId)
            : GrantResolution.NoGrant("The access token is valid, but its claims match no grant here (Gatehouse:Grants:{id}:Match).");
    }

    private Task<TokenValidationResult> ValidateAsync(string token, IssuerKeys issuer, IssuerKeys.Snapshot keys, string audience) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuers = [issuer.Issuer, issuer.Issuer + "/"],
            ValidAudience = audience,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
        });

    /// <summary>A claim's values: each element of an array claim, and each word of <c>scope</c>.</summary>
    private static IReadOnlyList<string> ValuesOf(JsonWebToken token, string claim)
    {
        var values = token.Claims.Where(c => c.Type == claim).Select(c => c.Value);
        return claim == "scope" ? [.. values.SelectMany(scope => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))] : [.. values];
    }

    private static string Describe(Exception? failure) => failure switch
    {
        SecurityTokenExpiredException => "The access token has expired.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenNoExpirationException => "The access token has no expiry.",
        SecurityTokenInvalidAudienceException => "The access token was issued for another resource (its audience is not this endpoint).",
        SecurityTokenInvalidIssuerException => "The access token's issuer is not trusted here.",
        SecurityTokenInvalidAlgorithmException => "The access token is signed with an algorithm not accepted here.",
        SecurityTokenSignatureKeyNotFoundException => "The access token is signed with a key its issuer does not publish.",
        SecurityTokenInvalidSignatureException => "The access token's signature is not valid.",
        SecurityTokenInvalidLifetimeException => "The access token's lifetime is not valid.",
        _ => "The access token is not valid.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth issuer {Issuer} is unavailable: {Reason}")]
    private partial void LogIssuerUnavailable(string issuer, string reason);
}
