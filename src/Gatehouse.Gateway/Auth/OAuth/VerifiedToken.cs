using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>The outcome of <see cref="AccessTokenVerifier"/>: the verified token and its issuer's name, or why it was refused.</summary>
internal sealed record VerifiedToken(JsonWebToken? Token, string? IssuerName, string? Failure)
{
    public static VerifiedToken Valid(JsonWebToken token, string issuerName) => new(token, issuerName, null);

    public static VerifiedToken Failed(string why) => new(null, null, why);

    /// <summary>The token's <c>sub</c>.</summary>
    public string? Subject => Token is { } token && token.TryGetPayloadValue<string>("sub", out var sub) ? sub : null;

    /// <summary>The client the token was issued to: <c>client_id</c>, else <c>azp</c>.</summary>
    public string? ClientId => Token is not { } token ? null
        : token.TryGetPayloadValue<string>("client_id", out var client) ? client
        : token.TryGetPayloadValue<string>("azp", out var azp) ? azp : null;

    /// <summary>A claim's values: each element of an array claim, and each word of <c>scope</c>.</summary>
    public IReadOnlyList<string> ValuesOf(string claim)
    {
        var values = (Token?.Claims ?? []).Where(c => c.Type == claim).Select(c => c.Value);
        return claim == "scope" ? [.. values.SelectMany(scope => scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))] : [.. values];
    }
}
