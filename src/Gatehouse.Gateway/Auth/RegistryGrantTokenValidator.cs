namespace Gatehouse.Gateway.Auth;

/// <summary>Static grant tokens: the token's SHA-256 selects a grant of the <see cref="GrantRegistry"/>.</summary>
internal sealed class RegistryGrantTokenValidator(GrantRegistry grants) : IGrantTokenValidator
{
    public ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken) =>
        ValueTask.FromResult(grants.FindByToken(token) is { } grant
            ? GrantResolution.Found(grant)
            : GrantResolution.Unknown());
}
