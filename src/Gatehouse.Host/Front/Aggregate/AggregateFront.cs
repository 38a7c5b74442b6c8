using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Host.Auth;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;

/// <summary>
/// The MCP handlers of <c>/mcp</c>: every upstream the grant may use behind one endpoint. Lists are
/// gathered upstream by upstream (each page from one upstream, in the grant's order), names and URIs
/// carry their upstream (see <see cref="AggregateNames"/>), and each request is routed back by them.
/// An upstream that fails leaves out only its own entries.
/// </summary>
internal sealed partial class AggregateFront(UpstreamFronts fronts, GrantRegistry grants, ILogger<AggregateFront> logger)
{
    public ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> context, CancellationToken cancellationToken) =>
        ListAsync<ListToolsResult>(RequestMethods.ToolsList, "tools", context, (front, item) =>
        {
            var name = (string)item["name"]!;
            item["name"] = AggregateNames.Name(front.Upstream, name);
            return front.IsListed(name);
        }, cancellationToken);

    public ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> context, CancellationToken cancellationToken) =>
        ListAsync<ListPromptsResult>(RequestMethods.PromptsList, "prompts", context, (front, item) => Rename(front, item, "name"), cancellationToken);

    public ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken) =>
        ListAsync<ListResourcesResult>(RequestMethods.ResourcesList, "resources", context, (front, item) => Rename(front, item, "name") && Reroute(front, item, "uri"), cancellationToken);

    public ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> context, CancellationToken cancellationToken) =>
        ListAsync<ListResourceTemplatesResult>(RequestMethods.ResourcesTemplatesList, "resourceTemplates", context, (front, item) => Rename(front, item, "name") && Reroute(front, item, "uriTemplate"), cancellationToken);

    public ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken)
    {
        var (front, tool) = ByName(context.User, context.Params?.Name, "tool");
        return front.CallToolAsync(tool, Rewrite(context.JsonRpcRequest, p => p["name"] = tool), context.Server, context.User, cancellationToken);
    }

    public ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> context, CancellationToken cancellationToken)
    {
        var (front, prompt) = ByName(context.User, context.Params?.Name, "prompt");
        return front.ForwardAsync<GetPromptResult>(RequestMethods.PromptsGet, Rewrite(context.JsonRpcRequest, p => p["name"] = prompt), context.Server, cancellationToken);
    }

    public async ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> context, CancellationToken cancellationToken)
    {
        var (front, uri) = ByUri(context.User, context.Params?.Uri);
        var request = Rewrite(context.JsonRpcRequest, p => p["uri"] = uri);
        JsonNode? result;
        try
        {
            result = await front.SendAsync(RequestMethods.ResourcesRead, request, context.Server, null, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }

        foreach (var content in (result?["contents"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Reroute(front, content, "uri");
        }

        return front.Read<ReadResourceResult>(RequestMethods.ResourcesRead, result);
    }

    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var (front, uri) = ByUri(context.User, context.Params?.Uri);
        return front.ForwardAsync<EmptyResult>(RequestMethods.ResourcesSubscribe, Rewrite(context.JsonRpcRequest, p => p["uri"] = uri), context.Server, cancellationToken);
    }

    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken)
    {
        var (front, uri) = ByUri(context.User, context.Params?.Uri);
        return front.ForwardAsync<EmptyResult>(RequestMethods.ResourcesUnsubscribe, Rewrite(context.JsonRpcRequest, p => p["uri"] = uri), context.Server, cancellationToken);
    }

    public ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken)
    {
        var reference = context.JsonRpcRequest.Params?["ref"] as JsonObject;
        if (reference?["name"] is { } name)
        {
            var (front, prompt) = ByName(context.User, (string?)name, "prompt");
            return front.ForwardAsync<CompleteResult>(RequestMethods.CompletionComplete, Rewrite(context.JsonRpcRequest, p => p["ref"]!["name"] = prompt), context.Server, cancellationToken);
        }

        var (target, uri) = ByUri(context.User, (string?)reference?["uri"]);
        return target.ForwardAsync<CompleteResult>(RequestMethods.CompletionComplete, Rewrite(context.JsonRpcRequest, p => p["ref"]!["uri"] = uri), context.Server, cancellationToken);
    }

    /// <summary>Sets the level on every upstream session that carries one; an upstream that refuses is skipped.</summary>
    public async ValueTask<EmptyResult> SetLoggingLevelAsync(RequestContext<SetLevelRequestParams> context, CancellationToken cancellationToken)
    {
        foreach (var front in FrontsOf(context.User))
        {
            try
            {
                await front.SetLoggingLevelAsync(context, cancellationToken);
            }
            catch (McpProtocolException ex)
            {
                Log.UpstreamSkipped(logger, front.Upstream, RequestMethods.LoggingSetLevel, ex.Message);
            }
        }

        return new EmptyResult();
    }

    /// <summary>The fronts of the grant's upstreams, in a fixed (ordinal) order so cursors stay meaningful.</summary>
    public IReadOnlyList<UpstreamFront> FrontsOf(ClaimsPrincipal? user) =>
        [.. (grants.FindById(user.GrantId())?.Upstreams ?? new HashSet<string>()).Order(StringComparer.Ordinal)
            .Select(name => fronts.TryGet(name, out var front) ? front : null).OfType<UpstreamFront>()];

    private async ValueTask<TResult> ListAsync<TResult>(string method, string property, MessageContext context, Func<UpstreamFront, JsonObject, bool> rewrite, CancellationToken cancellationToken)
        where TResult : class
    {
        var request = (JsonRpcRequest)context.JsonRpcMessage;
        var upstreams = FrontsOf(context.User);
        var cursor = AggregateCursor.Decode((string?)request.Params?["cursor"]);
        for (var i = cursor.Upstream; i < upstreams.Count; i++)
        {
            var front = upstreams[i];
            var inner = i == cursor.Upstream ? cursor.Inner : null;
            JsonNode? page;
            try
            {
                page = await front.SendAsync(method, Rewrite(request, p => SetCursor(p, inner)), context.Server, null, cancellationToken);
            }
            catch (UpstreamException ex)
            {
                // A failing upstream leaves out its own entries; the others are listed.
                Log.UpstreamSkipped(logger, front.Upstream, method, ex.Message);
                continue;
            }

            if (method == RequestMethods.ToolsList)
            {
                await front.ObserveToolsAsync(page?[property] as JsonArray);
            }

            var items = new JsonArray();
            foreach (var item in (page?[property] as JsonArray ?? []).OfType<JsonObject>())
            {
                var copy = (JsonObject)item.DeepClone();
                if (rewrite(front, copy))
                {
                    items.Add(copy);
                }
            }

            var next = (string?)page?["nextCursor"];
            var nextCursor = next is not null ? new AggregateCursor(i, next) : i + 1 < upstreams.Count ? new AggregateCursor(i + 1, null) : (AggregateCursor?)null;
            var result = new JsonObject { [property] = items };
            if (nextCursor is { } more)
            {
                result["nextCursor"] = more.Encode();
            }

            return front.Read<TResult>(method, result);
        }

        return new JsonObject { [property] = new JsonArray() }.Deserialize<TResult>(McpJsonUtilities.DefaultOptions)!;
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

    private (UpstreamFront Front, string Name) ByName(ClaimsPrincipal? user, string? prefixed, string kind)
    {
        if (prefixed is not null && AggregateNames.TrySplitName(prefixed, out var upstream, out var name)
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
