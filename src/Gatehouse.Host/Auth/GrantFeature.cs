namespace Gatehouse.Host.Auth;

/// <summary>The grant of the current request, set by <see cref="GrantAuthenticationMiddleware"/>.</summary>
internal sealed record GrantFeature(Grant Grant);
