namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>
/// OAuth 2.1 resource server: a JWT access token is checked against the trusted issuer it names (see
/// <see cref="AccessTokenVerifier"/>; its audience must be the resource URI of the endpoint called, RFC 8707, or the
/// issuer's configured audience), and its claims select the grant (<c>Grants:{id}:Match</c>). Any other token is a
/// static grant token, looked up as before, or, when it is none and an issuer introspects, an opaque access token
/// (<see cref="TokenIntrospector"/>) whose claims select the grant the same way.
/// </summary>
internal sealed class AccessTokenGrantValidator(RegistryGrantTokenValidator staticTokens, GrantRegistry grants, AccessTokenVerifier verifier, TokenIntrospector introspector) : IGrantTokenValidator
{
    public async ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken)
    {
        VerifiedToken verified;
        if (!AccessTokenVerifier.LooksLikeJwt(token))
        {
            var known = await staticTokens.ResolveAsync(token, resource, cancellationToken);
            if (known.Refusal != GrantRefusal.UnknownToken || !introspector.IsEnabled)
            {
                return known;
            }

            verified = await introspector.IntrospectAsync(token, resource, cancellationToken);
        }
        else
        {
            verified = await verifier.VerifyAccessTokenAsync(token, resource, cancellationToken);
        }

        if (verified.Failure is { } failure)
        {
            return GrantResolution.Invalid(failure);
        }

        return grants.FindByClaims(verified.ValuesOf) is { } grant
            ? GrantResolution.Found(grant, verified.Subject, verified.ClientId)
            : GrantResolution.NoGrant("The access token is valid, but its claims match no grant here (Gatehouse:Grants:{id}:Match).");
    }
}
