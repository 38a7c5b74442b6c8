namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// OAuth 2.1 resource server: a JWT access token is checked against the trusted issuer it names (see
/// <see cref="AccessTokenVerifier"/>; its audience must be the resource URI of the endpoint called, RFC 8707, or the
/// issuer's configured audience), and its claims select the grant (<c>Grants:{id}:Match</c>). Any other token is a
/// static grant token, looked up as before.
/// </summary>
internal sealed class AccessTokenGrantValidator(RegistryGrantTokenValidator staticTokens, GrantRegistry grants, AccessTokenVerifier verifier) : IGrantTokenValidator
{
    public async ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken)
    {
        if (!AccessTokenVerifier.LooksLikeJwt(token))
        {
            return await staticTokens.ResolveAsync(token, resource, cancellationToken);
        }

        var verified = await verifier.VerifyAccessTokenAsync(token, resource, cancellationToken);
        if (verified.Failure is { } failure)
        {
            return GrantResolution.Invalid(failure);
        }

        return grants.FindByClaims(verified.ValuesOf) is { } grant
            ? GrantResolution.Found(grant, verified.Subject, verified.ClientId)
            : GrantResolution.NoGrant("The access token is valid, but its claims match no grant here (Gatehouse:Grants:{id}:Match).");
    }
}
