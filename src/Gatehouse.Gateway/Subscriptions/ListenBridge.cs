using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Upstreams;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Subscriptions;

/// <summary>
/// <c>subscriptions/listen</c> of a 2026-07-28 agent on <c>/mcp/{upstream}</c>, bridged to a 2025 HTTP upstream: for
/// as long as the agent holds the request open, an upstream session of the listen's own holds the upstream's stream of
/// unsolicited messages and its resource subscriptions; the list changes and resource updates the agent asked for come
/// back on the listen's response stream, tagged with its id. The upstream session ends with the listen.
/// </summary>
internal sealed class ListenBridge(UpstreamCatalog catalog, UpstreamTransportFactory transports, TimeProvider time, ILoggerFactory loggerFactory)
{
    /// <summary>Whether listens on this upstream's endpoint are bridged (an HTTP upstream; a stdio one has a single shared process).</summary>
    public bool Bridges(string upstream) => !catalog.Get(upstream).IsStdio;

    /// <summary>Holds the listen until the agent ends it (its request is cancelled), passing on what it asked for.</summary>
    public async ValueTask<EmptyResult> ListenAsync(string upstream, ServerCapabilities served, RequestContext<SubscriptionsListenRequestParams> request, CancellationToken cancellationToken)
    {
        var asked = request.Params?.Notifications ?? new SubscriptionsListenNotifications();
        var honored = new SubscriptionsListenNotifications
        {
            ToolsListChanged = asked.ToolsListChanged == true && served.Tools?.ListChanged == true ? true : null,
            PromptsListChanged = asked.PromptsListChanged == true && served.Prompts?.ListChanged == true ? true : null,
            ResourcesListChanged = asked.ResourcesListChanged == true && served.Resources?.ListChanged == true ? true : null,
            ResourceSubscriptions = served.Resources?.Subscribe == true && asked.ResourceSubscriptions is { Count: > 0 } uris ? [.. uris.Distinct(StringComparer.Ordinal)] : null,
        };
        var listenId = JsonSerializer.SerializeToNode(request.JsonRpcRequest.Id, McpJsonUtilities.DefaultOptions);
        var connection = new UpstreamConnection(upstream, catalog.Get(upstream), transports, loggerFactory, time, new AgentSessionSpec
        {
            ClientInfo = request.JsonRpcRequest.Context?.ClientInfo,
            Callbacks = new ListenCallbacks(request.Server, honored, listenId),
            Listen = true,
        });
        try
        {
            await connection.GetInfoAsync(cancellationToken);
            foreach (var uri in honored.ResourceSubscriptions ?? [])
            {
                await connection.SendAsync(RequestMethods.ResourcesSubscribe, new JsonObject { ["uri"] = uri }, onProgress: null, cancellationToken);
            }

            var acknowledged = JsonSerializer.SerializeToNode(new SubscriptionsAcknowledgedNotificationParams { Notifications = honored }, McpJsonUtilities.DefaultOptions)!.AsObject();
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
            // The connection owns the listen's upstream session: closing it ends the session, and its subscriptions.
            await connection.DisposeAsync();
        }

        return new EmptyResult();
    }

    /// <summary>Passes on the upstream's notifications the listen asked for, on its response stream, tagged with its id.</summary>
    private sealed class ListenCallbacks(McpServer server, SubscriptionsListenNotifications honored, JsonNode? listenId) : IAgentCallbacks
    {
        public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
            throw new McpProtocolException($"A listen has no agent to ask for {method}.", McpErrorCode.MethodNotFound);

        public Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
        {
            var wanted = method switch
            {
                NotificationMethods.ToolListChangedNotification => honored.ToolsListChanged == true,
                NotificationMethods.PromptListChangedNotification => honored.PromptsListChanged == true,
                NotificationMethods.ResourceListChangedNotification => honored.ResourcesListChanged == true,
                NotificationMethods.ResourceUpdatedNotification => parameters?["uri"] is JsonValue uri && honored.ResourceSubscriptions?.Contains(uri.ToString()) == true,
                _ => false,
            };
            if (!wanted)
            {
                return Task.CompletedTask;
            }

            var tagged = parameters is JsonObject given ? (JsonObject)given.DeepClone() : new JsonObject();
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
