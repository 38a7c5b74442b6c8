using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Continuations;
using Gatehouse.Gateway.Front.Caching;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Gateway.Front.Tasks;
using Gatehouse.Policy.Naming;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front.Aggregate;

/// <summary>
/// The MCP handlers of <c>/mcp</c>: every upstream the grant may use behind one endpoint. Lists are
/// gathered upstream by upstream (each page from one upstream, in the grant's order), names and URIs
/// carry their upstream (see <see cref="AggregateNames"/>), and each request is routed back by them.
/// An upstream that fails leaves out only its own entries. To agents of 2026-07-28 on, cacheable results are private
/// (what is listed depends on the grant, see <see cref="CacheScopeRule"/>).
/// </summary>
internal sealed partial class AggregateFront(UpstreamFronts fronts, GrantRegistry grants, ILogger<AggregateFront> logger) : IMcpRoute
{
    public async ValueTask<JsonNode> HandleAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var result = await DispatchAsync(request, server, user, cancellationToken);
        if (CacheHints.AreCarriedBy(request.Method) && CacheHints.AreKnownTo(request, server))
        {
            CacheHints.SetScope(result, EndpointKind.Aggregate, actsForEndUser: false);
        }

        return result;
    }

    private async Task<JsonNode> DispatchAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        switch (request.Method)
        {
            case RequestMethods.ToolsList:
                return await ListAsync("tools", request, server, user, (front, item) =>
                {
                    var listed = item["name"] is JsonValue value && value.TryGetValue<string>(out var name) && front.IsListed(name);
                    return listed && Rename(front, item, "name");
                }, cancellationToken);
            case RequestMethods.PromptsList:
                return await ListAsync("prompts", request, server, user, (front, item) => Rename(front, item, "name"), cancellationToken);
            case RequestMethods.ResourcesList:
                return await ListAsync("resources", request, server, user, (front, item) => Rename(front, item, "name") && Reroute(front, item, "uri"), cancellationToken);
            case RequestMethods.ResourcesTemplatesList:
                return await ListAsync("resourceTemplates", request, server, user, (front, item) => Rename(front, item, "name") && Reroute(front, item, "uriTemplate"), cancellationToken);
            case RequestMethods.ToolsCall:
            {
                var (front, tool) = ByName(user, ParamShapes.String(request, "name"), "tool");
                var called = await front.CallToolAsync(tool, Rewrite(request, p => p["name"] = tool), server, user, cancellationToken);
                if (called["task"] is JsonObject || (called["resultType"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "task"))
                {
                    // A task the call created (2025-11-25's, or the 2026-07-28 extension's): named as the agent will ask for it.
                    TaskNames.ToAgent(front.Upstream, called);
                }

                return called;
            }

            case TaskCapability.ListMethod when server.SessionId is not null:
                return await ListAsync("tasks", request, server, user, (front, item) => Rename(front, item, "taskId"), cancellationToken, TaskPageAsync);
            case TaskCapability.GetMethod or TaskCapability.ResultMethod or TaskCapability.CancelMethod or TaskExtension.UpdateMethod:
            {
                var (front, taskId) = ByName(user, ParamShapes.String(request, "taskId"), "task");
                var answer = await front.HandleAsync(Rewrite(request, p => p["taskId"] = taskId), server, user, cancellationToken);
                TaskNames.ToAgent(front.Upstream, answer);
                return answer;
            }

            case RequestMethods.PromptsGet:
            {
                var (front, prompt) = ByName(user, ParamShapes.String(request, "name"), "prompt");
                return await front.ForwardBridgeableAsync(Rewrite(request, p => p["name"] = prompt), server, user, cancellationToken);
            }

            case RequestMethods.ResourcesRead:
            {
                var (front, uri) = ByUri(user, ParamShapes.String(request, "uri"));
                var result = await front.ForwardBridgeableAsync(Rewrite(request, p => p["uri"] = uri), server, user, cancellationToken);
                foreach (var content in (result["contents"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    Reroute(front, content, "uri");
                }

                return result;
            }

            case RequestMethods.ResourcesSubscribe or RequestMethods.ResourcesUnsubscribe:
            {
                var (front, uri) = ByUri(user, ParamShapes.String(request, "uri"));
                return await front.ForwardAsync(Rewrite(request, p => p["uri"] = uri), server, cancellationToken);
            }

            case RequestMethods.CompletionComplete:
                return await CompleteAsync(request, server, user, cancellationToken);
            case RequestMethods.LoggingSetLevel:
                return await SetLoggingLevelAsync(request, server, user, cancellationToken);
            default:
                throw new McpProtocolException($"Method '{request.Method}' is not available.", McpErrorCode.MethodNotFound);
        }
    }

    private async Task<JsonNode> CompleteAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var reference = (JsonObject)request.Params!["ref"]!;
        if (reference["name"] is JsonValue name && name.TryGetValue<string>(out var prefixedName))
        {
            var (front, prompt) = ByName(user, prefixedName, "prompt");
            return await front.ForwardBridgeableAsync(Rewrite(request, p => p["ref"]!["name"] = prompt), server, user, cancellationToken);
        }

        var (target, uri) = ByUri(user, reference["uri"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null);
        return await target.ForwardBridgeableAsync(Rewrite(request, p => p["ref"]!["uri"] = uri), server, user, cancellationToken);
    }

    /// <summary>Sets the level on every upstream session that carries one; an upstream that refuses is skipped.</summary>
    private async Task<JsonNode> SetLoggingLevelAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        foreach (var front in FrontsOf(user))
        {
            try
            {
                await front.SetLoggingLevelAsync(request, server, cancellationToken);
            }
            catch (McpProtocolException ex)
            {
                Log.UpstreamSkipped(logger, front.Upstream, RequestMethods.LoggingSetLevel, ex.Message);
            }
        }

        return new JsonObject();
    }

    /// <summary>The fronts of the grant's upstreams, in a fixed (ordinal) order so cursors stay meaningful.</summary>
    public IReadOnlyList<UpstreamFront> FrontsOf(ClaimsPrincipal? user) =>
        [.. (grants.FindById(user.GrantId())?.Upstreams ?? new HashSet<string>()).Order(StringComparer.Ordinal)
            .Select(name => fronts.TryGet(name, out var front) ? front : null).OfType<UpstreamFront>()];

    /// <summary>
    /// One upstream's page of the caller's own tasks (its endpoint keeps out the others'); an upstream that lists no tasks
    /// gives an empty page.
    /// </summary>
    private static async Task<JsonNode?> TaskPageAsync(UpstreamFront front, JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        try
        {
            return await front.HandleAsync(request, server, user, cancellationToken);
        }
        catch (McpProtocolException ex) when (ex.ErrorCode == McpErrorCode.MethodNotFound)
        {
            return new JsonObject { ["tasks"] = new JsonArray() };
        }
    }

    private async Task<JsonNode> ListAsync(
        string property,
        JsonRpcRequest request,
        McpServer server,
        ClaimsPrincipal? user,
        Func<UpstreamFront, JsonObject, bool> keep,
        CancellationToken cancellationToken,
        Func<UpstreamFront, JsonRpcRequest, McpServer, ClaimsPrincipal?, CancellationToken, Task<JsonNode?>>? fetch = null)
    {
        var upstreams = FrontsOf(user);
        var cursor = AggregateCursor.Decode(request.Params?["cursor"] is JsonValue value ? value.GetValue<string>() : null, upstreams.Count);

        // The ttlMs of each upstream this page stands for: one left out because it failed gave none, and the page lacks its entries only for now.
        var timesToLive = new List<long?>();
        for (var i = cursor.Upstream; i < upstreams.Count; i++)
        {
            var front = upstreams[i];
            var inner = i == cursor.Upstream ? cursor.Inner : null;
            JsonNode? page;
            try
            {
                var paged = Rewrite(request, p => SetCursor(p, inner));
                // A page whose agent asked for log messages is bridged, each upstream's on a session of its own at that level.
                page = fetch is null
                    ? await front.SendAsync(paged, server, null, cancellationToken, bridging: front.IsLoggedList(paged, server) ? BridgedCallScope.Of(user.GrantId(), front.Upstream, paged) : null)
                    : await fetch(front, paged, server, user, cancellationToken);
            }
            catch (UpstreamException ex)
            {
                // A failing upstream leaves out its own entries; the others are listed.
                Log.UpstreamSkipped(logger, front.Upstream, request.Method, ex.Message);
                timesToLive.Add(null);
                continue;
            }

            timesToLive.Add(CacheHints.TimeToLiveOf(page));

            var items = page?[property] as JsonArray;
            if (request.Method == RequestMethods.ToolsList)
            {
                await front.ObserveToolsAsync(items);
            }

            var kept = new JsonArray();
            foreach (var item in (items ?? []).OfType<JsonObject>().ToList())
            {
                items!.Remove(item);
                if (keep(front, item))
                {
                    kept.Add(item);
                }
            }

            var next = page?["nextCursor"] is JsonValue nextValue && nextValue.TryGetValue<string>(out var text) ? text : null;
            var nextCursor = next is not null ? new AggregateCursor(i, next) : i + 1 < upstreams.Count ? new AggregateCursor(i + 1, null) : (AggregateCursor?)null;
            var result = new JsonObject { [property] = kept };
            if (nextCursor is { } more)
            {
                result["nextCursor"] = more.Encode();
            }

            if (CacheHints.AreKnownTo(request, server) && TimeToLiveRule.Smallest(timesToLive) is { } timeToLive)
            {
                result[CacheHints.TimeToLiveProperty] = timeToLive;
            }

            return result;
        }

        return new JsonObject { [property] = new JsonArray() };
    }

    /// <summary>Puts that upstream's own cursor in the params, or none on its first page (a null cursor is not a valid one).</summary>
    private static void SetCursor(JsonObject parameters, string? cursor)
    {
        if (cursor is null)
        {
            parameters.Remove("cursor");
        }
        else
        {
            parameters["cursor"] = cursor;
        }
    }

    private static bool Rename(UpstreamFront front, JsonObject item, string property)
    {
        if (item[property] is JsonValue value && value.TryGetValue<string>(out var name))
        {
            item[property] = AggregateNames.Name(front.Upstream, name);
        }

        return true;
    }

    private static bool Reroute(UpstreamFront front, JsonObject item, string property)
    {
        if (item[property] is JsonValue value && value.TryGetValue<string>(out var uri))
        {
            item[property] = AggregateNames.Uri(front.Upstream, uri);
        }

        return true;
    }

    private (UpstreamFront Front, string Name) ByName(ClaimsPrincipal? user, string prefixed, string kind)
    {
        if (AggregateNames.TrySplitName(prefixed, out var upstream, out var name)
            && FrontsOf(user).FirstOrDefault(f => f.Upstream == upstream) is { } front)
        {
            return (front, name);
        }

        throw new McpProtocolException($"Unknown {kind}: '{prefixed}'", McpErrorCode.InvalidParams);
    }

    private (UpstreamFront Front, string Uri) ByUri(ClaimsPrincipal? user, string? prefixed)
    {
        if (prefixed is not null && AggregateNames.TrySplitUri(prefixed, out var upstream, out var uri)
            && FrontsOf(user).FirstOrDefault(f => f.Upstream == upstream) is { } front)
        {
            return (front, uri);
        }

        throw new McpProtocolException($"Unknown resource: '{prefixed}'", McpErrorCode.InvalidParams);
    }

    /// <summary>A copy of the agent's request with its params changed for one upstream.</summary>
    private static JsonRpcRequest Rewrite(JsonRpcRequest request, Action<JsonObject> change)
    {
        var parameters = request.Params is JsonObject original ? (JsonObject)original.DeepClone() : [];
        change(parameters);
        return new JsonRpcRequest { Id = request.Id, Method = request.Method, Params = parameters, Context = request.Context };
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "Aggregate {Method} leaves out upstream {Upstream}: {Reason}")]
        public static partial void UpstreamSkipped(ILogger logger, string upstream, string method, string reason);
    }
}
