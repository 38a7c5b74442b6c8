using System.Security.Claims;
using Microsoft.Net.Http.Headers;

namespace Gatehouse.Host.Auth;

/// <summary>
/// Authenticates agents on the MCP endpoints: the bearer token's SHA-256 selects the grant. A missing
/// or unknown token gets 401 with <c>WWW-Authenticate: Bearer</c> and goes no further.
/// </summary>
internal sealed class GrantAuthenticationMiddleware(RequestDelegate next, GrantRegistry grants)
{
    public const string AuthenticationType = "Gatehouse";

    public Task InvokeAsync(HttpContext context)
    {
        var grant = BearerToken(context.Request) is { } token ? grants.FindByToken(token) : null;
        if (grant is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"gatehouse\"";
            return context.Response.WriteAsJsonAsync(new { error = "unauthorized", message = "A valid bearer token is required." });
        }

        context.Features.Set(new GrantFeature(grant));
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, grant.Id)], AuthenticationType));
        return next(context);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length
            ? header[Scheme.Length..].Trim()
            : null;
    }
}
