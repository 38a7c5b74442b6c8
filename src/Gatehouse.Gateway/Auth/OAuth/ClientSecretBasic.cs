using System.Net.Http.Headers;
using System.Text;

namespace Gatehouse.Gateway.Auth.OAuth;

/// <summary>How Gatehouse authenticates as a client to an issuer's endpoints: <c>client_secret_basic</c> (RFC 6749 §2.3.1).</summary>
internal static class ClientSecretBasic
{
    /// <summary>The <c>Authorization</c> header: id and secret form-encoded, joined by a colon, in base64.</summary>
    public static AuthenticationHeaderValue Header(string clientId, string? clientSecret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret ?? string.Empty)}")));
}
