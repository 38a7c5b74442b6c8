using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Caching;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// What the 2026-07-28 revision requires of every result a server sends: <c>resultType</c>, and on the results that can
/// be cached (lists, <c>resources/read</c>) <c>ttlMs</c> and <c>cacheScope</c>. Gatehouse speaks 2025-11-25 upstream,
/// whose results have none of them; a field the upstream (or Gatehouse's own rules) left out gets the value that
/// promises least: <c>complete</c>, stale at once (<c>0</c>), <c>private</c>. Agents of earlier revisions get their
/// results as they came.
/// </summary>
internal static class RequiredResultFields
{
    private const string ResultTypeProperty = "resultType";

    private const string Complete = "complete";

    /// <summary>Adds what the agent's revision requires and the result lacks.</summary>
    public static void Add(JsonRpcRequest request, McpServer server, JsonNode? result)
    {
        if (result is not JsonObject fields || !CacheHints.AreKnownTo(request, server))
        {
            return;
        }

        if (fields[ResultTypeProperty] is null)
        {
            fields[ResultTypeProperty] = Complete;
        }
        else if (fields[ResultTypeProperty] is not JsonValue type || !type.TryGetValue<string>(out var kind) || kind != Complete)
        {
            // input_required, a task: results of another shape, without the hints.
            return;
        }

        if (CacheHints.AreCarriedBy(request.Method))
        {
            fields[CacheHints.TimeToLiveProperty] ??= 0;
            fields[CacheHints.ScopeProperty] ??= CacheHints.Private;
        }
    }
}
