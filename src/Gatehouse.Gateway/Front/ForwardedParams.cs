using System.Text.Json.Nodes;

namespace Gatehouse.Gateway.Front;

/// <summary>The params Gatehouse sends upstream: the agent's own, less what belongs to the agent's hop.</summary>
internal static class ForwardedParams
{
    private const string ProtocolMetaPrefix = "io.modelcontextprotocol/";

    /// <summary>
    /// A copy of the agent's params without its progress token (the upstream connection sets its own
    /// and maps progress back), without its trace context (the gateway's span continues the trace), and
    /// without the per-request protocol fields of 2026-07-28 (<c>io.modelcontextprotocol/*</c>): they
    /// describe the agent's hop, and an upstream on a 2025 session would take the request for a
    /// sessionless 2026 one and refuse it ("Server not initialized"); nor the <c>requestState</c> and
    /// <c>inputResponses</c> of a call made again after Gatehouse's own <c>input_required</c> (an approval).
    /// </summary>
    public static JsonObject? From(JsonNode? parameters) => Copy(parameters, ownHop: false);

    /// <summary>
    /// A copy of the agent's params for an upstream reached over the sessionless wire, where the hop is the request's own:
    /// its per-request protocol fields and its progress token stay; its trace context, <c>requestState</c> and
    /// <c>inputResponses</c> do not (a later round sets the upstream's own).
    /// </summary>
    public static JsonObject? ForSessionlessWire(JsonNode? parameters) => Copy(parameters, ownHop: true);

    private static JsonObject? Copy(JsonNode? parameters, bool ownHop)
    {
        if (parameters is not JsonObject original)
        {
            return null;
        }

        var copy = (JsonObject)original.DeepClone();
        copy.Remove("requestState");
        copy.Remove("inputResponses");
        ParamsMeta.Remove(copy, key => key is "traceparent" or "tracestate"
            || (!ownHop && (key == "progressToken" || key.StartsWith(ProtocolMetaPrefix, StringComparison.Ordinal))));
        return copy;
    }
}
