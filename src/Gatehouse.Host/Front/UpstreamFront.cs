using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Host.Catalog;
using Gatehouse.Host.Sessions;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;

/// <summary>
/// The MCP server handlers of one upstream's endpoint. Requests other than tool calls are forwarded
/// unchanged (their raw params, so fields the SDK does not model survive), with tool lists filtered
/// by policy. A request of an agent session goes to the upstream session that stands for it (HTTP
/// upstreams), so the upstream can ask that agent for sampling, elicitation or roots and its
/// notifications reach that agent; sessionless requests share one pooled upstream connection.
/// </summary>
internal sealed class UpstreamFront(string upstream, IUpstreamChannel channel, ToolCallHandler toolCalls, Policies.PolicyStore policies, ToolCatalog catalog, SessionUpstreams sessions, AgentSessions agents, CancellationWatcher cancellations)
{
    public string Upstream => upstream;

    public IUpstreamChannel Channel => channel;

    /// <summary>The upstream's tools (observed by the tool catalogue), less those policy or a changed definition keeps from the agent.</summary>
    public async ValueTask<ListToolsResult> ListToolsAsync(RequestContext<ListToolsRequestParams> context, CancellationToken cancellationToken)
    {
        JsonNode? page;
        try
        {
            page = await SendAsync(RequestMethods.ToolsList, context.JsonRpcRequest, context.Server, null, cancellationToken);
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }

        if (page?["tools"] is JsonArray tools)
        {
            await ObserveToolsAsync(tools);
            for (var i = tools.Count - 1; i >= 0; i--)
            {
                if (tools[i]?["name"] is not JsonValue name || !name.TryGetValue<string>(out var tool) || !IsListed(tool))
                {
                    tools.RemoveAt(i);
                }
            }
        }

        return Read<ListToolsResult>(RequestMethods.ToolsList, page);
    }

    /// <summary>Records a page of the upstream's tools in the tool catalogue (definitions, risk, pins).</summary>
    public Task ObserveToolsAsync(JsonArray? tools) => catalog.ObserveAsync(upstream, tools);

    public ValueTask<CallToolResult> CallToolAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken) =>
        toolCalls.HandleAsync(
            this,
            context.Params?.Name ?? throw new McpProtocolException("tools/call needs a tool name.", McpErrorCode.InvalidParams),
            context.JsonRpcRequest,
            context.Server,
            context.User,
            cancellationToken);

    /// <summary>A call of one of this upstream's tools arriving through the aggregate endpoint, already renamed.</summary>
    public ValueTask<CallToolResult> CallToolAsync(string tool, JsonRpcRequest request, McpServer server, System.Security.Claims.ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        toolCalls.HandleAsync(this, tool, request, server, user, cancellationToken);

    /// <summary>Whether the tool may appear in this upstream's lists: by the policy in force (with the tool's risk), unless its definition changed.</summary>
    public bool IsListed(string tool)
    {
        var known = catalog.Find(upstream, tool);
        return known is not { Changed: true } && Gatehouse.Policy.PolicyEvaluator.IsListed(policies.Get(upstream), tool, known?.Description);
    }

    public ValueTask<ListResourcesResult> ListResourcesAsync(RequestContext<ListResourcesRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListResourcesResult>(RequestMethods.ResourcesList, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<ListResourceTemplatesResult> ListResourceTemplatesAsync(RequestContext<ListResourceTemplatesRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListResourceTemplatesResult>(RequestMethods.ResourcesTemplatesList, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<ReadResourceResult> ReadResourceAsync(RequestContext<ReadResourceRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ReadResourceResult>(RequestMethods.ResourcesRead, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<EmptyResult> SubscribeAsync(RequestContext<SubscribeRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<EmptyResult>(RequestMethods.ResourcesSubscribe, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<EmptyResult> UnsubscribeAsync(RequestContext<UnsubscribeRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<EmptyResult>(RequestMethods.ResourcesUnsubscribe, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<ListPromptsResult> ListPromptsAsync(RequestContext<ListPromptsRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<ListPromptsResult>(RequestMethods.PromptsList, context.JsonRpcRequest, context.Server, cancellationToken);

    public ValueTask<GetPromptResult> GetPromptAsync(RequestContext<GetPromptRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<GetPromptResult>(RequestMethods.PromptsGet, context.JsonRpcRequest, context.Server, cancellationToken);

    public async ValueTask<EmptyResult> SetLoggingLevelAsync(RequestContext<SetLevelRequestParams> context, CancellationToken cancellationToken)
    {
        // Only an agent's own upstream session can carry its logging level; without one, the level stays with the gateway.
        if (context.Server.SessionId is not null && sessions.IsSessionful(upstream))
        {
            return await ForwardAsync<EmptyResult>(RequestMethods.LoggingSetLevel, context.JsonRpcRequest, context.Server, cancellationToken);
        }

        return new EmptyResult();
    }

    public ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> context, CancellationToken cancellationToken) =>
        ForwardAsync<CompleteResult>(RequestMethods.CompletionComplete, context.JsonRpcRequest, context.Server, cancellationToken);

    /// <summary>Sends the agent's request upstream as it came, and reads the answer back into the SDK's type.</summary>
    public async ValueTask<TResult> ForwardAsync<TResult>(string method, JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return Read<TResult>(method, await SendAsync(method, request, server, null, cancellationToken));
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }
    }

    /// <summary>Sends the agent's request upstream as it came.</summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> SendAsync(string method, JsonRpcRequest request, McpServer server, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken)
    {
        using var activity = GatehouseTelemetry.Source.StartActivity($"upstream {method}", ActivityKind.Client);
        activity?.SetTag(TelemetryAttributes.Upstream, upstream);
        activity?.SetTag(TelemetryAttributes.McpMethodName, method);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        var parameters = ForwardedParams.From(request.Params);
        try
        {
            if (server.SessionId is not { } sessionId)
            {
                return await channel.SendAsync(method, parameters, onProgress, cancellationToken);
            }

            // The agent may cancel through another replica: watch for that while the request runs.
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var watch = cancellations.Watch(sessionId, request.Id, cancellation);
            if (!sessions.IsSessionful(upstream))
            {
                return await channel.SendAsync(method, parameters, onProgress, cancellation.Token);
            }

            using var inFlight = agents[sessionId].Begin(server);
            var connection = await sessions.GetAsync(sessionId, upstream);
            return await connection.SendAsync(method, parameters, onProgress, cancellation.Token);
        }
        catch (UpstreamException ex)
        {
            outcome = ex.Kind.ToString().ToLowerInvariant();
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag(TelemetryAttributes.ErrorType, outcome);
            GatehouseTelemetry.UpstreamErrors.Add(1, new(TelemetryAttributes.Upstream, upstream), new(TelemetryAttributes.ErrorType, outcome));
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            GatehouseTelemetry.UpstreamDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new(TelemetryAttributes.Upstream, upstream),
                new(TelemetryAttributes.McpMethodName, method),
                new(TelemetryAttributes.Outcome, outcome));
        }
    }

    public TResult Read<TResult>(string method, JsonNode? result)
        where TResult : class =>
        result.Deserialize<TResult>(McpJsonUtilities.DefaultOptions)
            ?? throw new McpProtocolException($"Upstream '{upstream}' answered {method} with an empty result.", McpErrorCode.InternalError);
}
