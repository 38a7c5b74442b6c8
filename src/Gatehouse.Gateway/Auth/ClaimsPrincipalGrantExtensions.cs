using System.Security.Claims;

namespace Gatehouse.Gateway.Auth;

internal static class ClaimsPrincipalGrantExtensions
{
    /// <summary>The agent's OAuth access token, kept on the principal only when an upstream exchanges it (RFC 8693).</summary>
    public const string AccessTokenClaim = "gatehouse:access_token";

    /// <summary>The OAuth access token the request carried, when an upstream may need it exchanged; null otherwise.</summary>
    public static string? AccessToken(this ClaimsPrincipal? user) => user?.FindFirst(AccessTokenClaim)?.Value;

    /// <summary>The grant id an MCP request was authenticated as.</summary>
    public static string GrantId(this ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimTypes.NameIdentifier)?.Value
        ?? throw new InvalidOperationException("The request was not authenticated by Gatehouse.");

    /// <summary>The end user of the OAuth access token the request carried (its <c>sub</c>); null for a static grant token.</summary>
    public static string? Subject(this ClaimsPrincipal? user) => user?.FindFirst("sub")?.Value;

    /// <summary>The OAuth client the access token was issued to; null for a static grant token.</summary>
    public static string? ClientId(this ClaimsPrincipal? user) => user?.FindFirst("client_id")?.Value;
}
