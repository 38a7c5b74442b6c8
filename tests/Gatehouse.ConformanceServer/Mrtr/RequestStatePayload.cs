using System.Text.Json.Serialization;

namespace Gatehouse.ConformanceServer.Mrtr;

/// <summary>What a signed <c>requestState</c> carries.</summary>
internal sealed class RequestStatePayload
{
    [JsonPropertyName("tool")]
    public required string Tool { get; init; }

    [JsonPropertyName("round")]
    public required int Round { get; init; }

    /// <summary>What the earlier rounds learned, for the later ones.</summary>
    [JsonPropertyName("values")]
    public required Dictionary<string, string> Values { get; init; }

    /// <summary>Unix seconds after which the state is refused.</summary>
    [JsonPropertyName("exp")]
    public required long ExpiresAt { get; init; }
}

[JsonSerializable(typeof(RequestStatePayload))]
internal sealed partial class RequestStateJsonContext : JsonSerializerContext;
