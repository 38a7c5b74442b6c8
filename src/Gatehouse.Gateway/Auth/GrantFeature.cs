namespace Gatehouse.Gateway.Auth;

/// <summary>
/// The grant of the current request, set by <see cref="GrantAuthenticationHandler"/> when it authenticates
/// the request, so readers get the whole grant without looking it up again.
/// </summary>
internal sealed record GrantFeature(Grant Grant);
