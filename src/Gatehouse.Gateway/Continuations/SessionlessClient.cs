using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Continuations;

/// <summary>
/// What a 2026-07-28 request says of its client in its <c>_meta</c> (a sessionless server knows nothing of it
/// otherwise): its capabilities and identity. Absent or unreadable reads as none.
/// </summary>
internal static class SessionlessClient
{
    private const string CapabilitiesKey = "io.modelcontextprotocol/clientCapabilities";

    private const string InfoKey = "io.modelcontextprotocol/clientInfo";

    public static ClientCapabilities? CapabilitiesOf(JsonRpcRequest request) => Read<ClientCapabilities>(request, CapabilitiesKey);

    public static Implementation? InfoOf(JsonRpcRequest request) => Read<Implementation>(request, InfoKey);

    private static T? Read<T>(JsonRpcRequest request, string key)
        where T : class
    {
        if ((request.Params as JsonObject)?["_meta"] is not JsonObject meta || meta[key] is not JsonObject declared)
        {
            return null;
        }

        try
        {
            return declared.Deserialize<T>(McpJsonUtilities.DefaultOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
