using System.Text.Json.Nodes;
using Gatehouse.Gateway.Front.Caching;
using ModelContextProtocol;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// What the 2026-07-28 revision requires of every result a server sends: <c>resultType</c>, and on the results that can
/// be cached (lists, <c>resources/read</c>) <c>ttlMs</c> and <c>cacheScope</c>. Gatehouse speaks 2025-11-25 upstream,
/// whose results have none of them; a field the upstream (or Gatehouse's own rules) left out gets the value that
/// promises least: <c>complete</c>, stale at once (<c>0</c>), <c>private</c>. Its error codes differ too: an unknown
/// resource is invalid params (SEP-2164), not 2025's <c>-32002</c>. Agents of earlier revisions get their answers as they came.
/// </summary>
internal static class RequiredResultFields
{
    /// <summary>The code 2025 servers answer an unknown resource with.</summary>
    private const McpErrorCode ResourceNotFound = (McpErrorCode)(-32002);

    private const string ResultTypeProperty = "resultType";

    private const string Complete = "complete";

    /// <summary>Adds to the result of a 2026-07-28 agent's request what its revision requires and the result lacks.</summary>
    public static void Add(string method, JsonNode? result)
    {
        if (result is not JsonObject fields)
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

        if (CacheHints.AreCarriedBy(method))
        {
            fields[CacheHints.TimeToLiveProperty] ??= 0;
            fields[CacheHints.ScopeProperty] ??= CacheHints.Private;
        }
    }

    /// <summary>The error a 2026-07-28 agent gets for an upstream's, when its revision has another code for it; else null.</summary>
    public static McpProtocolException? ErrorFor(McpProtocolException upstreamError)
    {
        if (upstreamError.ErrorCode != ResourceNotFound)
        {
            return null;
        }

        // The data (the resource's uri) stays as the upstream sent it.
        var error = new McpProtocolException(upstreamError.Message, McpErrorCode.InvalidParams);
        foreach (System.Collections.DictionaryEntry entry in upstreamError.Data)
        {
            error.Data[entry.Key] = entry.Value;
        }

        return error;
    }
}
