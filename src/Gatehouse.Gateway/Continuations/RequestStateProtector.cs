using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Continuations;

/// <summary>
/// Signs the <c>requestState</c> Gatehouse puts in an <c>input_required</c> result and checks the one an agent
/// sends back, on any replica: an HMAC-SHA256 under a key every replica derives alike, over a purpose, an expiry
/// and the payload. A state that was altered, made for another purpose or is past its expiry is not read. The
/// payload is signed, not encrypted: it must hold nothing the agent may not see.
/// </summary>
internal sealed partial class RequestStateProtector
{
    private const string Label = "gatehouse request state v1";

    private readonly byte[] _key;

    public RequestStateProtector(IOptions<GatehouseOptions> options, ILogger<RequestStateProtector> logger)
    {
        var gatehouse = options.Value;
        if (gatehouse.RequestStateKey is null && gatehouse.AdminTokenSha256 is null)
        {
            // Then the key derives from grant token hashes and cluster names alone, which an agent may know.
            LogWeakKey(logger);
        }

        var secret = gatehouse.RequestStateKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : Encoding.UTF8.GetBytes(string.Join('\n', SharedSecrets(gatehouse)));
        _key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Label));
    }

    /// <summary>The state to hand out: <paramref name="payload"/> for <paramref name="purpose"/>, readable until <paramref name="expires"/>.</summary>
    public string Protect(string purpose, JsonObject payload, DateTimeOffset expires)
    {
        var body = new JsonObject
        {
            ["p"] = purpose,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["d"] = payload.DeepClone(),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        return $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, bytes))}";
    }

    /// <summary>The payload of <paramref name="state"/> if this cluster signed it for <paramref name="purpose"/> and it has not expired at <paramref name="now"/>; else null.</summary>
    public JsonObject? Unprotect(string purpose, string? state, DateTimeOffset now)
    {
        if (state?.Split('.') is not [var encodedBody, var encodedMac])
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(encodedBody);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes), Base64Url.DecodeFromChars(encodedMac)))
            {
                return null;
            }

            var body = JsonNode.Parse(bytes) as JsonObject;
            return body?["p"]?.GetValue<string>() == purpose
                && body["exp"]?.GetValue<long>() is { } expires
                && now.ToUnixTimeSeconds() < expires
                && body["d"] is JsonObject payload
                ? payload
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The payload of the <c>requestState</c> <paramref name="request"/> brings, if this cluster signed it for <paramref name="purpose"/> and it is still valid; else null.</summary>
    public JsonObject? StateOf(string purpose, ModelContextProtocol.Protocol.JsonRpcRequest request, DateTimeOffset now) =>
        (request.Params as JsonObject)?["requestState"] is JsonValue value && value.TryGetValue<string>(out var state)
            ? Unprotect(purpose, state, now)
            : null;

    /// <summary>Without <c>RequestStateKey</c>: what every replica's configuration holds alike and an agent does not know.</summary>
    private static IEnumerable<string> SharedSecrets(GatehouseOptions options)
    {
        yield return options.AdminTokenSha256 ?? string.Empty;
        foreach (var (id, grant) in options.Grants.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            yield return $"{id}:{grant.TokenSha256}";
        }

        yield return options.Cluster.ServiceId;
        yield return options.Cluster.ClusterId;
    }

    [LoggerMessage(EventId = 1710, Level = LogLevel.Warning, Message = "Gatehouse:RequestStateKey is not set and there is no admin token: the key that signs requestState derives from what an agent may know; set RequestStateKey (base64 of 32 random bytes, the same on every replica)")]
    private static partial void LogWeakKey(ILogger logger);
}
