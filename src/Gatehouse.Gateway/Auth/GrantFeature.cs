namespace Gatehouse.Gateway.Auth;

/// <summary>
/// The grant of the current request, set by <see cref="GrantAuthenticationHandler"/> when it authenticates
/// the request, so readers get the whole grant without looking it up again; with an OAuth access token, also
/// whom it speaks for.
/// </summary>
/// <param name="Grant">The grant.</param>
/// <param name="Subject">The access token's <c>sub</c>; null for a static token.</param>
/// <param name="ClientId">The access token's client; null for a static token.</param>
internal sealed record GrantFeature(Grant Grant, string? Subject = null, string? ClientId = null);
