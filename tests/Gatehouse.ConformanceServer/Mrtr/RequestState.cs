using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using ModelContextProtocol;

namespace Gatehouse.ConformanceServer.Mrtr;

/// <summary>
/// The <c>requestState</c> of this server's input-required results: which tool issued it, for which round, what the
/// earlier rounds learned, and until when it holds, signed with HMAC-SHA256 so that the server can tell a state it
/// issued from one the client changed (SEP-2322: servers MUST reject state that fails integrity verification).
/// </summary>
/// <remarks>
/// Wire form: <c>base64url(JSON payload) "." base64url(HMAC)</c>, opaque to the client. The key is made when the
/// process starts, so a state outlives neither the process nor <see cref="Lifetime"/>; the client must echo it
/// unchanged on the retry.
/// </remarks>
internal static class RequestState
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>A signed state for <paramref name="tool"/>'s round <paramref name="round"/>, carrying <paramref name="values"/>.</summary>
    public static string Issue(string tool, int round, IReadOnlyDictionary<string, string>? values = null)
    {
        var payload = new RequestStatePayload
        {
            Tool = tool,
            Round = round,
            Values = values is null ? [] : new Dictionary<string, string>(values, StringComparer.Ordinal),
            ExpiresAt = DateTimeOffset.UtcNow.Add(Lifetime).ToUnixTimeSeconds(),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, RequestStateJsonContext.Default.RequestStatePayload);
        return $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(HMACSHA256.HashData(Key, bytes))}";
    }

    /// <summary>
    /// The payload of the state the request echoes, or <see langword="null"/> when it echoes none. A state that is
    /// not one this process issued for <paramref name="tool"/>, or that has expired, is a protocol error
    /// (<c>-32602</c>), not a new start.
    /// </summary>
    public static RequestStatePayload? Read(string? state, string tool)
    {
        if (state is null)
        {
            return null;
        }

        var payload = Verify(state) ?? throw Rejected("it failed its integrity check");
        if (!string.Equals(payload.Tool, tool, StringComparison.Ordinal))
        {
            throw Rejected($"it was issued by '{payload.Tool}', not '{tool}'");
        }

        if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() > payload.ExpiresAt)
        {
            throw Rejected("it has expired");
        }

        return payload;
    }

    private static RequestStatePayload? Verify(string state)
    {
        var dot = state.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot != state.LastIndexOf('.'))
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(state.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(state.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(Key, bytes)))
            {
                return null;
            }

            return JsonSerializer.Deserialize(bytes, RequestStateJsonContext.Default.RequestStatePayload);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static McpProtocolException Rejected(string reason) =>
        new($"The requestState was rejected: {reason}.", McpErrorCode.InvalidParams);
}
