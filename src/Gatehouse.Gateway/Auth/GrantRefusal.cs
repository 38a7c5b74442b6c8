namespace Gatehouse.Gateway.Auth;

/// <summary>Why a bearer token selects no grant.</summary>
internal enum GrantRefusal
{
    /// <summary>It selects one.</summary>
    None,

    /// <summary>A static token that is unknown or whose grant was revoked: 401, like no token at all.</summary>
    UnknownToken,

    /// <summary>An OAuth access token that is not valid for this resource: 401 with <c>error="invalid_token"</c> and why.</summary>
    InvalidToken,

    /// <summary>A valid OAuth access token whose claims match no grant: 403.</summary>
    NoMatchingGrant,
}
