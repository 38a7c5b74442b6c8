using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front.Caching;

/// <summary>
/// The caching hints of 2026-07-28 on the results that carry them (<c>cacheScope</c>, <c>ttlMs</c>), as JSON. Agents
/// of earlier revisions get their results as they always did: the hints are set only for those that know them.
/// </summary>
internal static class CacheHints
{
    public const string ScopeProperty = "cacheScope";

    public const string TimeToLiveProperty = "ttlMs";

    private const string Public = "public";

    public const string Private = "private";

    /// <summary>Whether the agent's request is of a revision that has the hints (2026-07-28 on).</summary>
    public static bool AreKnownTo(JsonRpcRequest request, McpServer server) => AgentRevision.IsJuly2026OrLater(request, server);

    /// <summary>Whether results of the method carry the hints.</summary>
    public static bool AreCarriedBy(string method) =>
        method is RequestMethods.ToolsList or RequestMethods.PromptsList or RequestMethods.ResourcesList
            or RequestMethods.ResourcesTemplatesList or RequestMethods.ResourcesRead;

    /// <summary>Sets the result's <c>cacheScope</c> as <see cref="CacheScopeRule"/> decides; a scope left to the upstream stays as it came.</summary>
    public static void SetScope(JsonNode result, EndpointKind endpoint, bool actsForEndUser)
    {
        if (result is not JsonObject fields)
        {
            return;
        }

        var upstreamScope = ScopeOf(fields[ScopeProperty]);
        if (CacheScopeRule.ScopeFor(endpoint, upstreamScope, actsForEndUser) == CacheScope.Private && upstreamScope != CacheScope.Private)
        {
            fields[ScopeProperty] = Private;
        }
    }

    /// <summary>The answer's <c>ttlMs</c>; null when it has none, or one that is not a whole number of milliseconds.</summary>
    public static long? TimeToLiveOf(JsonNode? answer) =>
        (answer as JsonObject)?[TimeToLiveProperty] is JsonValue value && value.TryGetValue<long>(out var milliseconds) ? milliseconds : null;

    private static CacheScope? ScopeOf(JsonNode? scope) =>
        scope is JsonValue value && value.TryGetValue<string>(out var text)
            ? text switch
            {
                Public => CacheScope.Public,
                Private => CacheScope.Private,
                _ => null,
            }
            : null;
}
