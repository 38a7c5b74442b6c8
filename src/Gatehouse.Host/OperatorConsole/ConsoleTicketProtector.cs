using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Host.OperatorConsole;

/// <summary>
/// Signs and checks console session tickets: <c>base64url(json) "." base64url(HMAC-SHA256)</c>. The key is derived
/// from configuration every replica already shares (<c>Gatehouse:AdminTokenSha256</c>, and
/// <c>Gatehouse:Console:SessionKey</c> when set), so any replica accepts a session another issued, with no store
/// and no key exchange; changing the admin token (or the session key) signs every console out. Nothing of the
/// ticket is secret except the anti-forgery token, and the cookie is HttpOnly.
/// </summary>
internal sealed class ConsoleTicketProtector
{
    private const string Label = "gatehouse console session v1";

    private readonly byte[]? _key;

    public ConsoleTicketProtector(IOptions<GatehouseOptions> gatehouse, IOptions<ConsoleOptions> console)
    {
        if (gatehouse.Value.AdminTokenSha256 is not { } hash)
        {
            return;
        }

        var secret = Convert.FromHexString(hash).Concat(Encoding.UTF8.GetBytes(console.Value.SessionKey ?? string.Empty)).ToArray();
        _key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Label));
    }

    /// <summary>False when no admin token is configured: then there is no console to sign in to.</summary>
    public bool IsOpen => _key is not null;

    public string Protect(ConsoleTicket ticket)
    {
        var key = _key ?? throw new InvalidOperationException("No Gatehouse:AdminTokenSha256 is configured.");
        var payload = JsonSerializer.SerializeToUtf8Bytes(ticket);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The ticket if <paramref name="value"/> is signed by this cluster and not expired at <paramref name="now"/>; else null.</summary>
    public ConsoleTicket? Unprotect(string? value, DateTimeOffset now)
    {
        if (_key is null || string.IsNullOrEmpty(value) || value.Split('.') is not [var payloadText, var macText])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(payloadText);
            if (!CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(macText), HMACSHA256.HashData(_key, payload)))
            {
                return null;
            }

            return JsonSerializer.Deserialize<ConsoleTicket>(payload) is { } ticket && ticket.ExpiresAt > now ? ticket : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A fresh anti-forgery token: 128 random bits.</summary>
    public static string NewCsrfToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
