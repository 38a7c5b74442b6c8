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

    private const string StateLabel = "gatehouse console sign-in state v1";

    private readonly byte[]? _key;

    private readonly byte[]? _stateKey;

    public ConsoleTicketProtector(IOptions<GatehouseOptions> gatehouse, IOptions<ConsoleOptions> console)
    {
        if (gatehouse.Value.AdminTokenSha256 is null && string.IsNullOrEmpty(console.Value.SessionKey))
        {
            return;
        }

        var admin = gatehouse.Value.AdminTokenSha256 is { } hash ? Convert.FromHexString(hash) : [];
        var secret = admin.Concat(Encoding.UTF8.GetBytes(console.Value.SessionKey ?? string.Empty)).ToArray();
        _key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Label));
        // A separate key, so a sign-in state can never pass for a session ticket or the other way round.
        _stateKey = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(StateLabel));
    }

    /// <summary>False when neither an admin token nor a session key is configured: then there is no console to sign in to.</summary>
    public bool IsOpen => _key is not null;

    public string Protect(ConsoleTicket ticket) => Sign(_key, ticket);

    /// <summary>The ticket if <paramref name="value"/> is signed by this cluster and not expired at <paramref name="now"/>; else null.</summary>
    public ConsoleTicket? Unprotect(string? value, DateTimeOffset now) =>
        Verify<ConsoleTicket>(_key, value) is { } ticket && ticket.ExpiresAt > now ? ticket : null;

    /// <summary>Signs an IdP sign-in's state (kept in a cookie while the browser is at the issuer).</summary>
    public string Protect(ConsoleSignInState state) => Sign(_stateKey, state);

    public ConsoleSignInState? UnprotectState(string? value, DateTimeOffset now) =>
        Verify<ConsoleSignInState>(_stateKey, value) is { } state && state.ExpiresAt > now ? state : null;

    private static string Sign<T>(byte[]? key, T value)
    {
        var signing = key ?? throw new InvalidOperationException("No Gatehouse:AdminTokenSha256 or Gatehouse:Console:SessionKey is configured.");
        var payload = JsonSerializer.SerializeToUtf8Bytes(value);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(signing, payload))}";
    }

    private static T? Verify<T>(byte[]? key, string? value)
        where T : class
    {
        if (key is null || string.IsNullOrEmpty(value) || value.Split('.') is not [var payloadText, var macText])
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(payloadText);
            return CryptographicOperations.FixedTimeEquals(Base64Url.DecodeFromChars(macText), HMACSHA256.HashData(key, payload))
                ? JsonSerializer.Deserialize<T>(payload)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>A fresh anti-forgery token: 128 random bits.</summary>
    public static string NewCsrfToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
