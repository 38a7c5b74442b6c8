using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// Checks a JWT from a trusted issuer, the same way for agents and operators: the issuer it names must be configured;
/// its signature must verify with one of the issuer's published keys under an allow-listed asymmetric algorithm
/// (never <c>none</c>, never HMAC; an unknown <c>kid</c> refetches the keys, at most every few seconds); <c>iss</c>; the
/// audience (the resource URI asked for, or the issuer's configured <c>Audience</c>); <c>exp</c>/<c>nbf</c> with 30 s of skew.
/// </summary>
internal sealed partial class AccessTokenVerifier(IReadOnlyList<IssuerKeys> issuers, IOptions<GatehouseOptions> options, ILogger<AccessTokenVerifier> logger)
{
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>Whether the token has the shape of a JWT (three dot-separated parts); anything else is a static token.</summary>
    public static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    /// <summary>Verifies an access token meant for <paramref name="resource"/> (or for its issuer's configured audience).</summary>
    public Task<VerifiedToken> VerifyAccessTokenAsync(string token, string? resource, CancellationToken cancellationToken) =>
        VerifyAsync(token, issuer => options.Value.Auth.Issuers[issuer.Name].Audience ?? resource, "access token", cancellationToken);

    /// <summary>Verifies a token whose audience must be exactly <paramref name="audience"/> (e.g. an ID token for the console's client).</summary>
    public Task<VerifiedToken> VerifyAsync(string token, string audience, string what, CancellationToken cancellationToken) =>
        VerifyAsync(token, _ => audience, what, cancellationToken);

    private async Task<VerifiedToken> VerifyAsync(string token, Func<IssuerKeys, string?> audienceOf, string what, CancellationToken cancellationToken)
    {
        JsonWebToken unverified;
        try
        {
            unverified = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return VerifiedToken.Failed($"The {what} is not a well-formed JWT.");
        }

        var claimedIssuer = unverified.TryGetPayloadValue<string>("iss", out var iss) ? iss.TrimEnd('/') : null;
        if (issuers.FirstOrDefault(candidate => candidate.Issuer == claimedIssuer) is not { } issuer)
        {
            return VerifiedToken.Failed($"The {what}'s issuer is not trusted here.");
        }

        if (audienceOf(issuer) is not { } audience)
        {
            return VerifiedToken.Failed($"Gatehouse:PublicUrl is not set, so no {what} can be bound to this resource.");
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
            return VerifiedToken.Failed($"The {what}'s issuer could not be reached to check it.");
        }

        return result.IsValid
            ? VerifiedToken.Valid((JsonWebToken)result.SecurityToken, issuer.Name)
            : VerifiedToken.Failed(Describe(result.Exception, what));
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

    private static string Describe(Exception? failure, string what) => failure switch
    {
        SecurityTokenExpiredException => $"The {what} has expired.",
        SecurityTokenNotYetValidException => $"The {what} is not valid yet.",
        SecurityTokenNoExpirationException => $"The {what} has no expiry.",
        SecurityTokenInvalidAudienceException => $"The {what} was issued for another resource (its audience is not this endpoint).",
        SecurityTokenInvalidIssuerException => $"The {what}'s issuer is not trusted here.",
        SecurityTokenInvalidAlgorithmException => $"The {what} is signed with an algorithm not accepted here.",
        SecurityTokenSignatureKeyNotFoundException => $"The {what} is signed with a key its issuer does not publish.",
        SecurityTokenInvalidSignatureException => $"The {what}'s signature is not valid.",
        SecurityTokenInvalidLifetimeException => $"The {what}'s lifetime is not valid.",
        _ => $"The {what} is not valid.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "OAuth issuer {Issuer} is unavailable: {Reason}")]
    private partial void LogIssuerUnavailable(string issuer, string reason);
}
