using System.Security.Cryptography;
using Gatehouse.Host.Auth;
using Gatehouse.Host.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gatehouse.Host.Admin;

/// <summary>
/// Guards <c>/admin</c>: the bearer token's SHA-256 must equal <c>Gatehouse:AdminTokenSha256</c>
/// (compared in constant time). Without an admin token configured the admin API does not exist.
/// </summary>
internal sealed class AdminAuthenticationMiddleware(RequestDelegate next, IOptions<GatehouseOptions> options)
{
    private readonly byte[]? _expected = options.Value.AdminTokenSha256 is { } hash ? Convert.FromHexString(hash) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (_expected is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.Response.WriteAsJsonAsync(new { error = "not_found", message = "The admin API is closed: no Gatehouse:AdminTokenSha256 is configured." });
        }

        var header = context.Request.Headers[HeaderNames.Authorization].ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromHexString(TokenHash.Of(header["Bearer ".Length..].Trim()))
            : [];
        if (!CryptographicOperations.FixedTimeEquals(presented, _expected))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"gatehouse-admin\"";
            return context.Response.WriteAsJsonAsync(new { error = "unauthorized", message = "The admin token is required." });
        }

        return next(context);
    }
}
