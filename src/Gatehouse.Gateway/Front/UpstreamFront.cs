using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Auth;
using Gatehouse.Gateway.Auth.OAuth;
using Gatehouse.Gateway.Catalog;
using Gatehouse.Gateway.Continuations;
using Gatehouse.Gateway.Front.Caching;
using Gatehouse.Gateway.Front.Messages;
using Gatehouse.Gateway.Sessions;
using Gatehouse.Telemetry;
using Gatehouse.Upstreams;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>
/// The endpoint of one upstream. Requests go upstream as the agent sent them (less what belongs to the
/// agent's hop, see <see cref="ForwardedParams"/>) and results come back as the upstream sent them:
/// tool calls are decided by policy first, and tool lists lose what policy or a changed definition
/// keeps from the agent. A request of an agent session goes to the upstream session that stands for it
/// (HTTP upstreams), so the upstream can ask that agent for sampling, elicitation or roots and its
/// notifications reach that agent; sessionless requests share one pooled upstream connection. To agents of
/// 2026-07-28 on, cacheable results of an upstream that acts for the end user say so (<see cref="CacheScopeRule"/>).
/// Tasks (2025-11-25) reach the upstream only for their owner (<see cref="Tasks.TaskRequests"/>).
/// </summary>
internal sealed class UpstreamFront(string upstream, IUpstreamChannel channel, ToolCallHandler toolCalls, Policies.PolicyStore policies, ToolCatalog catalog, SessionUpstreams sessions, AgentSessions agents, CancellationWatcher cancellations, UpstreamDelegation delegation, CallBridge bridge, Tasks.TaskRequests tasks, GatehouseMetrics metrics)
    : IMcpRoute
{
    public string Upstream => upstream;

    public IUpstreamChannel Channel => channel;

    public async ValueTask<JsonNode> HandleAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var result = request.Method switch
        {
            RequestMethods.ToolsList => await ListToolsAsync(request, server, user, cancellationToken),
            RequestMethods.ToolsCall => await CallToolAsync(ParamShapes.String(request, "name"), request, server, user, cancellationToken),
            RequestMethods.LoggingSetLevel => await SetLoggingLevelAsync(request, server, cancellationToken),
            _ when Tasks.TaskCapability.IsTaskMethod(request.Method) => await tasks.HandleAsync(this, request, server, user, cancellationToken),
            _ when BridgedCallScope.OtherMethods.Contains(request.Method) || IsLoggedList(request, server) => await ForwardBridgeableAsync(request, server, user, cancellationToken),
            _ => await ForwardAsync(request, server, cancellationToken),
        };
        if (CacheHints.AreCarriedBy(request.Method) && CacheHints.AreKnownTo(request, server))
        {
            // ttlMs stays as the upstream sent it (the gateway does not shorten it when a policy changes).
            CacheHints.SetScope(result, EndpointKind.Upstream, delegation.ActsForEndUser(upstream));
        }

        return result;
    }

    /// <summary>A call of one of this upstream's tools, by its upstream name; <paramref name="request"/> carries the params as they go upstream.</summary>
    public ValueTask<JsonNode> CallToolAsync(string tool, JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken) =>
        toolCalls.HandleAsync(this, tool, request, server, user, cancellationToken);

    /// <summary>Records a page of the upstream's tools in the tool catalogue (definitions, risk, pins).</summary>
    public Task ObserveToolsAsync(JsonArray? tools) => catalog.ObserveAsync(upstream, tools);

    /// <summary>Whether the tool may appear in this upstream's lists: by the policy in force (with the tool's risk), unless its definition changed.</summary>
    public bool IsListed(string tool)
    {
        var known = catalog.Find(upstream, tool);
        return known is not { Changed: true } && Gatehouse.Policy.PolicyEvaluator.IsListed(policies.Get(upstream), tool, known?.Description);
    }

    /// <summary>
    /// Whether this is a list a 2026-07-28 agent asked to be told the log messages of (<c>_meta</c>
    /// <c>io.modelcontextprotocol/logLevel</c>), or a later round of one: it goes upstream like a call that asks for them
    /// (see <see cref="ForwardBridgeableAsync"/>), not on the shared connection, whose level would be every agent's.
    /// </summary>
    public bool IsLoggedList(JsonRpcRequest request, McpServer server) =>
        server.SessionId is null
        && ListMethods.Contains(request.Method)
        && (RequestLogLevel.Of(request) is not null || bridge.Continues(request));

    /// <summary>The lists an agent's request may ask for; tasks have their own (<see cref="Tasks.TaskRequests"/>).</summary>
    private static readonly IReadOnlySet<string> ListMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        RequestMethods.ToolsList, RequestMethods.PromptsList, RequestMethods.ResourcesList, RequestMethods.ResourcesTemplatesList,
    };

    /// <summary>The upstream's tools (observed by the tool catalogue), less those this endpoint does not list.</summary>
    private async Task<JsonNode> ListToolsAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var page = IsLoggedList(request, server)
            ? await ForwardBridgeableAsync(request, server, user, cancellationToken)
            : await ForwardAsync(request, server, cancellationToken);
        if (page["tools"] is JsonArray tools)
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

        return page;
    }

    public async Task<JsonNode> SetLoggingLevelAsync(JsonRpcRequest request, McpServer server, CancellationToken cancellationToken)
    {
        // Only an agent's own upstream session can carry its logging level; without one, the level stays with the gateway.
        if (server.SessionId is not null && sessions.IsSessionful(upstream))
        {
            return await ForwardAsync(request, server, cancellationToken);
        }

        return new JsonObject();
    }

    /// <summary>
    /// A prompt, a resource's contents or a completion (<see cref="BridgedCallScope.OtherMethods"/>), or a list that asks for
    /// log messages (<see cref="IsLoggedList"/>), with the params as they go upstream: forwarded, and for a 2026-07-28
    /// agent that can answer the upstream's questions, or asks for log messages, bridged like a tool call (see
    /// <see cref="CallBridge"/>); a later round brings the agent's answers.
    /// </summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The upstream answered with an error, or not at all; or a <c>requestState</c> not Gatehouse's.</exception>
    public async Task<JsonNode> ForwardBridgeableAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken)
    {
        var scope = BridgedCallScope.Of(user.GrantId(), upstream, request);
        try
        {
            if (server.SessionId is null && bridge.Continues(request))
            {
                return await bridge.ContinueAsync(scope, request, server, cancellationToken) ?? new JsonObject();
            }

            if (server.SessionId is null && (request.Params as JsonObject)?["requestState"] is not null)
            {
                // Only a state of Gatehouse's own comes back to it, and this is none it could read.
                throw CallBridge.Refused();
            }

            // Bridged or relayed where the scope applies (see SendAsync), else sent as it came.
            return await SendAsync(request, server, null, cancellationToken, bridging: scope) ?? new JsonObject();
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }
    }

    /// <summary>
    /// Sends the agent's request upstream as it came and returns the upstream's result as it came; a sessionless agent's
    /// request goes <paramref name="through"/> a given connection when there is one, instead of the shared one.
    /// </summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode> ForwardAsync(JsonRpcRequest request, McpServer server, CancellationToken cancellationToken, IUpstreamChannel? through = null)
    {
        try
        {
            return await SendAsync(request, server, null, cancellationToken, through: through) ?? new JsonObject();
        }
        catch (UpstreamException ex)
        {
            throw UpstreamErrors.ToProtocolException(ex);
        }
    }

    /// <summary>
    /// Sends the agent's request upstream as it came. A sessionless agent's call given a <paramref name="bridging"/> scope
    /// runs bridged when the agent can answer the upstream's questions (see <see cref="CallBridge"/>): the result is then
    /// that of its first round.
    /// </summary>
    /// <exception cref="UpstreamException">The upstream answered with an error, or not at all.</exception>
    public async Task<JsonNode?> SendAsync(JsonRpcRequest request, McpServer server, Func<JsonObject, ValueTask>? onProgress, CancellationToken cancellationToken, BridgedCallScope? bridging = null, IUpstreamChannel? through = null)
    {
        var method = request.Method;
        using var activity = GatehouseTelemetry.Source.StartActivity($"upstream {method}", ActivityKind.Client);
        activity?.SetTag(TelemetryAttributes.Upstream, upstream);
        activity?.SetTag(TelemetryAttributes.McpMethodName, method);
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        var parameters = ForwardedParams.From(request.Params);
        // Set here, not inside an awaited method: an async local set there would not reach the upstream's pipeline.
        using var acting = await delegation.TokenForAgentAsync(upstream, cancellationToken) is { } endUser ? UpstreamBearer.Token.Use(endUser) : (AsyncValue.Scope?)null;
        try
        {
            if (server.SessionId is not { } sessionId)
            {
                return bridging is not null && bridge.Bridges(upstream, request)
                    ? await bridge.StartAsync(bridging, request, parameters, server, cancellationToken)
                    : await (through ?? channel).SendAsync(method, parameters, onProgress, cancellationToken);
            }

            // The agent may cancel through another replica: watch for that while the request runs.
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await using var watch = cancellations.Watch(sessionId, request.Id, cancellation);
            if (bridging is not null && bridge.RelaysForSessions(upstream))
            {
                return await bridge.ForSessionAsync(bridging, request, server, cancellation.Token);
            }

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
            metrics.UpstreamErrors.Add(1, new(TelemetryAttributes.Upstream, upstream), new(TelemetryAttributes.ErrorType, outcome));
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            metrics.UpstreamDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new(TelemetryAttributes.Upstream, upstream),
                new(TelemetryAttributes.McpMethodName, method),
                new(TelemetryAttributes.Outcome, outcome));
        }
    }
}
