using System.Security.Claims;

namespace Gatehouse.Gateway.Auth;

internal static class ClaimsPrincipalGrantExtensions
{
    /// <summary>The grant id an MCP request was authenticated as.</summary>
    public static string GrantId(this ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimTypes.NameIdentifier)?.Value
        ?? throw new InvalidOperationException("The request was not authenticated by Gatehouse.");
}
