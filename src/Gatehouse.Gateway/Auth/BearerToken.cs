using Microsoft.Net.Http.Headers;

namespace Gatehouse.Gateway.Auth;

/// <summary>Reads the token of an <c>Authorization: Bearer …</c> header (RFC 6750), for both schemes.</summary>
internal static class BearerToken
{
    private const string Prefix = "Bearer ";

    /// <summary>The token, or null when the header is absent, names another scheme, or carries no token.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && header.Length > Prefix.Length
            ? header[Prefix.Length..].Trim()
            : null;
    }
}
