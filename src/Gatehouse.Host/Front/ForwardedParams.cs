using System.Text.Json.Nodes;

namespace Gatehouse.Host.Front;

/// <summary>The params Gatehouse sends upstream: the agent's own, less what belongs to the agent's hop.</summary>
internal static class ForwardedParams
{
    /// <summary>
    /// A copy of the agent's params without its progress token (the upstream connection sets its own
    /// and maps progress back) and without its trace context (the gateway's span continues the trace).
    /// </summary>
    public static JsonObject? From(JsonNode? parameters)
    {
        if (parameters is not JsonObject original)
        {
            return null;
        }

        var copy = (JsonObject)original.DeepClone();
        if (copy["_meta"] is JsonObject meta)
        {
            meta.Remove("progressToken");
            meta.Remove("traceparent");
            meta.Remove("tracestate");
            if (meta.Count == 0)
            {
                copy.Remove("_meta");
            }
        }

        return copy;
    }
}
