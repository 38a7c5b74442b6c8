namespace Gatehouse.Gateway.Auth;

/// <summary>
/// The seam where a presented bearer token becomes a grant: a static token's SHA-256 is looked up
/// (<see cref="RegistryGrantTokenValidator"/>); an OAuth access token is validated and its claims select
/// the grant (<see cref="OAuth.AccessTokenGrantValidator"/>).
/// </summary>
internal interface IGrantTokenValidator
{
    /// <summary>The grant the token selects on the endpoint of <paramref name="resource"/>, or why it selects none.</summary>
    /// <param name="token">The bearer token as presented.</param>
    /// <param name="resource">The resource URI of the endpoint called (RFC 8707); null when no public URL is configured.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<GrantResolution> ResolveAsync(string token, string? resource, CancellationToken cancellationToken);
}
