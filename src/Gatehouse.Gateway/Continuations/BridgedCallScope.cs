using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Gateway.Continuations;

/// <summary>
/// What a bridged request's <c>requestState</c> is bound to: a round with any other grant, upstream, method or target
/// (the tool's or prompt's name, the resource's URI, a completion's reference) is refused.
/// </summary>
internal sealed record BridgedCallScope(string GrantId, string Upstream, string Method, string Target)
{
    /// <summary>The requests other than <c>tools/call</c> that run bridged for an agent that can answer the upstream's questions.</summary>
    public static readonly IReadOnlySet<string> OtherMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestMethods.PromptsGet,
        RequestMethods.ResourcesRead,
        RequestMethods.CompletionComplete,
    };

    /// <summary>How long a round's state outlives the upstream's own timeout for the request.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    /// <summary>Until when a round's state made at <paramref name="now"/> is accepted: the upstream's timeout for the request, and a grace.</summary>
    public static DateTimeOffset StateExpiry(DateTimeOffset now, Gatehouse.Upstreams.UpstreamOptions options) =>
        now + TimeSpan.FromSeconds(options.TimeoutSeconds) + Grace;

    /// <summary>The payload of a round's state, bound to this scope (a continuation adds what it needs).</summary>
    public JsonObject Payload() => new() { ["grant"] = GrantId, ["upstream"] = Upstream, ["method"] = Method, ["target"] = Target };

    /// <summary>Whether a state's payload (see <see cref="Payload"/>) was made for this scope: the same grant, upstream, method and target.</summary>
    public bool Binds(JsonObject payload) =>
        (string?)payload["grant"] == GrantId
        && (string?)payload["upstream"] == Upstream
        && (string?)payload["method"] == Method
        && (string?)payload["target"] == Target;

    /// <summary>A tool call's scope.</summary>
    public static BridgedCallScope OfTool(string grantId, string upstream, string tool) => new(grantId, upstream, RequestMethods.ToolsCall, tool);

    /// <summary>The scope of one of <see cref="OtherMethods"/>, its target as the upstream knows it.</summary>
    public static BridgedCallScope Of(string grantId, string upstream, JsonRpcRequest request) =>
        new(grantId, upstream, request.Method, TargetOf(request.Method, request.Params as JsonObject));

    private static string TargetOf(string method, JsonObject? parameters)
    {
        var target = method switch
        {
            RequestMethods.PromptsGet => parameters?["name"],
            RequestMethods.ResourcesRead => parameters?["uri"],
            _ => parameters?["ref"]?["name"] ?? parameters?["ref"]?["uri"],
        };
        return target is JsonValue value && value.TryGetValue<string>(out var text) ? text : string.Empty;
    }
}
