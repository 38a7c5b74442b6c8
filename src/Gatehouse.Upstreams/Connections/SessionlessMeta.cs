using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// The per-request fields of the sessionless wire (2026-07-28), which stand in for a session's handshake: the revision,
/// the client's capabilities and, when known, its <c>clientInfo</c>, in the params' <c>_meta</c>.
/// </summary>
public static class SessionlessMeta
{
    /// <summary>Adds the fields to <paramref name="parameters"/>' <c>_meta</c> where they are absent (an agent's own stay); returns the params.</summary>
    public static JsonObject Stamp(JsonObject parameters, ClientCapabilities? capabilities, JsonNode? clientInfo)
    {
        if (parameters["_meta"] is not JsonObject meta)
        {
            meta = [];
            parameters["_meta"] = meta;
        }

        meta[MetaKeys.ProtocolVersion] ??= UpstreamDefaults.StatelessProtocolVersion;
        meta[MetaKeys.ClientCapabilities] ??= JsonSerializer.SerializeToNode(capabilities ?? new ClientCapabilities(), McpJsonUtilities.DefaultOptions);
        if (clientInfo is not null)
        {
            meta[MetaKeys.ClientInfo] ??= clientInfo.DeepClone();
        }

        return parameters;
    }

    /// <summary><see cref="Stamp(JsonObject, ClientCapabilities?, JsonNode?)"/> with an agent's <c>clientInfo</c>.</summary>
    public static JsonObject Stamp(JsonObject parameters, ClientCapabilities? capabilities, Implementation? clientInfo) =>
        Stamp(parameters, capabilities, clientInfo is null ? null : JsonSerializer.SerializeToNode(clientInfo, McpJsonUtilities.DefaultOptions));
}
