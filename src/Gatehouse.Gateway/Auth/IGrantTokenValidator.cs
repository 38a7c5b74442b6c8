namespace Gatehouse.Gateway.Auth;

/// <summary>
/// The seam where a presented bearer token becomes a grant. Today the token's SHA-256 is looked up
/// (<see cref="RegistryGrantTokenValidator"/>); a JWT validator for OAuth 2.1 agents can stand beside it.
/// </summary>
internal interface IGrantTokenValidator
{
    /// <summary>The grant the token belongs to, or null when it belongs to none (unknown or revoked).</summary>
    ValueTask<Grant?> FindGrantAsync(string token, CancellationToken cancellationToken);
}
