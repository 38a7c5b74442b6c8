using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Policy.Naming;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Subscriptions;

/// <summary>
/// <c>subscriptions/listen</c> of a 2026-07-28 agent, bridged to 2025 upstreams: for as long as the agent holds the
/// request open, an HTTP upstream gives the listen an upstream session of its own, which holds the upstream's stream of
/// unsolicited messages and its resource subscriptions; a stdio upstream's shared process (the one a 2026 agent's
/// requests reach) passes its notifications to the listen through the grain that owns it, and keeps the listen's
/// subscriptions while it lasts. The list changes and resource updates the agent asked for come back on the listen's
/// response stream, tagged with its id. An upstream that speaks only 2026-07-28 has no sessions: the listen itself is held
/// there (<see cref="StatelessListen"/>). On <c>/mcp/{upstream}</c> that is the one upstream; on <c>/mcp</c>, every
/// upstream of the grant, resource URIs in the aggregate's form. What the listen holds ends with it.
/// </summary>
internal sealed class ListenBridge(UpstreamCatalog catalog, UpstreamTransportFactory transports, StatelessUpstreamClient stateless, IGrainFactory grains, TimeProvider time, ILoggerFactory loggerFactory)
{
    /// <summary>A listen on <c>/mcp/{upstream}</c>: held until the agent ends it (its request is cancelled), passing on what it asked for.</summary>
    public ValueTask<EmptyResult> ListenAsync(string upstream, ServerCapabilities served, RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken) =>
        HoldAsync([new Member(upstream, served, uri => uri, uri => uri)], request, cancellationToken);

    /// <summary>A listen on <c>/mcp</c>: on each of the grant's upstreams, with their URIs in the aggregate's form.</summary>
    public ValueTask<EmptyResult> ListenAggregateAsync(
        IEnumerable<(string Upstream, ServerCapabilities Served)> members, RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken) =>
        HoldAsync(
            [.. members.Select(member => new Member(
                member.Upstream,
                member.Served,
                uri => AggregateNames.TrySplitUri(uri, out var upstream, out var inner) && upstream == member.Upstream ? inner : null,
                uri => AggregateNames.Uri(member.Upstream, uri)))],
            request,
            cancellationToken);

    private async ValueTask<EmptyResult> HoldAsync(IReadOnlyList<Member> members, RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken)
    {
        var asked = request.Params?.Notifications ?? new SubscriptionsListenNotifications();
        var listenId = JsonSerializer.SerializeToNode(request.JsonRpcRequest.Id, McpJsonUtilities.DefaultOptions);
        var listened = members.Select(member => (Member: member, Honored: member.Honor(asked))).Where(pair => pair.Honored.AnyHonored).ToList();
        var held = new List<IAsyncDisposable>();
        try
        {
            foreach (var (member, honored) in listened)
            {
                await ListenOnAsync(member.Upstream, honored, new ListenCallbacks(request.Server, honored, member.ToAgent, listenId), request, held, cancellationToken);
            }

            var all = new SubscriptionsListenNotifications
            {
                ToolsListChanged = listened.Any(pair => pair.Honored.Tools) ? true : null,
                PromptsListChanged = listened.Any(pair => pair.Honored.Prompts) ? true : null,
                ResourcesListChanged = listened.Any(pair => pair.Honored.Resources) ? true : null,
                ResourceSubscriptions = listened.SelectMany(pair => pair.Honored.Subscriptions.Select(pair.Member.ToAgent)).ToList() is { Count: > 0 } uris ? uris : null,
            };
            var acknowledged = JsonSerializer.SerializeToNode(new SubscriptionsAcknowledgedNotificationParams { Notifications = all }, McpJsonUtilities.DefaultOptions)!.AsObject();
            acknowledged["_meta"] = new JsonObject { [MetaKeys.SubscriptionId] = listenId?.DeepClone() };
            await request.Server.SendMessageAsync(new JsonRpcNotification { Method = NotificationMethods.SubscriptionsAcknowledgedNotification, Params = acknowledged }, cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The agent ended the listen.
        }
        catch (UpstreamException ex)
        {
            throw new McpProtocolException(ex.Message, McpErrorCode.InternalError);
        }
        finally
        {
            // Each connection owns its upstream session: closing it ends the session, and its subscriptions; a stdio
            // listener leaves the shared process, which ends the subscriptions no other listen holds.
            foreach (var listening in held)
            {
                await listening.DisposeAsync();
            }
        }

        return new EmptyResult();
    }

    /// <summary>
    /// Starts listening on one upstream for what it <paramref name="honored"/>, adding what must be let go when the listen
    /// ends to <paramref name="held"/>: an HTTP upstream's session of the listen's own (its GET stream open, subscribed to
    /// the resources asked for), the listen held upstream at one without sessions, or a place among a stdio upstream's
    /// listeners.
    /// </summary>
    private async Task ListenOnAsync(
        string upstream, Honored honored, ListenCallbacks callbacks, RequestContext<SubscriptionsListenRequestParams> request, List<IAsyncDisposable> held, CancellationToken cancellationToken)
    {
        var subscriptions = honored.Subscriptions;
        var options = catalog.Get(upstream);
        if (options.IsStdio)
        {
            held.Add(await StdioListener.OpenAsync(upstream, callbacks, subscriptions, grains));
            return;
        }

        if (options.IsSessionless)
        {
            // No session to subscribe: the listen itself, narrowed to what the upstream honours, is held upstream.
            var asked = new SubscriptionsListenNotifications
            {
                ToolsListChanged = honored.Tools ? true : null,
                PromptsListChanged = honored.Prompts ? true : null,
                ResourcesListChanged = honored.Resources ? true : null,
                ResourceSubscriptions = subscriptions.Count > 0 ? [.. subscriptions] : null,
            };
            held.Add(await StatelessListen.OpenAsync(
                stateless,
                upstream,
                options,
                JsonSerializer.SerializeToNode(asked, McpJsonUtilities.DefaultOptions)!.AsObject(),
                request.JsonRpcRequest.Context?.ClientCapabilities,
                request.JsonRpcRequest.Context?.ClientInfo,
                callbacks,
                cancellationToken));
            return;
        }

        var connection = new UpstreamConnection(upstream, options, transports, loggerFactory, time, new AgentSessionSpec
        {
            ClientInfo = request.JsonRpcRequest.Context?.ClientInfo,
            Callbacks = callbacks,
            Listen = true,
        });
        held.Add(connection);
        await connection.GetInfoAsync(cancellationToken);
        foreach (var uri in subscriptions)
        {
            await connection.SendAsync(RequestMethods.ResourcesSubscribe, new JsonObject { ["uri"] = uri }, onProgress: null, cancellationToken);
        }
    }

    /// <summary>
    /// One upstream a listen reaches: what it serves, and how a resource URI reads to it (<see cref="ToUpstream"/>, null for
    /// another upstream's) and to the agent (<see cref="ToAgent"/>).
    /// </summary>
    private sealed record Member(string Upstream, ServerCapabilities Served, Func<string, string?> ToUpstream, Func<string, string> ToAgent)
    {
        /// <summary>What of the agent's request this upstream can honour; its resource URIs as the upstream knows them.</summary>
        public Honored Honor(SubscriptionsListenNotifications asked) => new(
            asked.ToolsListChanged == true && Served.Tools?.ListChanged == true,
            asked.PromptsListChanged == true && Served.Prompts?.ListChanged == true,
            asked.ResourcesListChanged == true && Served.Resources?.ListChanged == true,
            Served.Resources?.Subscribe == true && asked.ResourceSubscriptions is { } uris
                ? [.. uris.Select(ToUpstream).OfType<string>().Distinct(StringComparer.Ordinal)]
                : []);
    }

    private sealed record Honored(bool Tools, bool Prompts, bool Resources, IReadOnlyList<string> Subscriptions)
    {
        public bool AnyHonored => Tools || Prompts || Resources || Subscriptions.Count > 0;
    }

    /// <summary>Passes on one upstream's notifications the listen asked for, on its response stream, tagged with its id.</summary>
    private sealed class ListenCallbacks(McpServer server, Honored honored, Func<string, string> toAgent, JsonNode? listenId) : IAgentCallbacks
    {
        public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            throw new McpProtocolException($"A listen has no agent to ask for {method}.", McpErrorCode.MethodNotFound);

        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var updated = parameters?["uri"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            var wanted = method switch
            {
                NotificationMethods.ToolListChangedNotification => honored.Tools,
                NotificationMethods.PromptListChangedNotification => honored.Prompts,
                NotificationMethods.ResourceListChangedNotification => honored.Resources,
                NotificationMethods.ResourceUpdatedNotification => updated is not null && honored.Subscriptions.Contains(updated),
                _ => false,
            };
            if (!wanted)
            {
                return Task.CompletedTask;
            }

            var tagged = parameters is JsonObject given ? (JsonObject)given.DeepClone() : new JsonObject();
            if (updated is not null && method == NotificationMethods.ResourceUpdatedNotification)
            {
                tagged["uri"] = toAgent(updated);
            }

            if (tagged["_meta"] is not JsonObject meta)
            {
                meta = new JsonObject();
                tagged["_meta"] = meta;
            }

            meta[MetaKeys.SubscriptionId] = listenId?.DeepClone();
            return server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = tagged }, cancellationToken);
        }
    }
}
