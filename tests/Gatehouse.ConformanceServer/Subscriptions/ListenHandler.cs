using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.ConformanceServer.Subscriptions;

/// <summary>
/// <c>subscriptions/listen</c> (2026-07-28, SEP-2575; scenario server-stateless): acknowledges what the client asked
/// for, then sends <c>notifications/tools/list_changed</c> and <c>notifications/prompts/list_changed</c>, each only if
/// asked for, whenever the shared lists change (see <see cref="SharedPrimitiveLists"/>), until the client closes the
/// request.
/// </summary>
/// <remarks>
/// It replaces the SDK's handler, which on a stateless server grants nothing; with it, <c>server/discover</c>
/// advertises the <c>listChanged</c> and <c>subscribe</c> capabilities the SDK sets. Every notification is sent on the
/// listen request's own response stream and carries the request's id as
/// <c>_meta["io.modelcontextprotocol/subscriptionId"]</c>. The resource list and resource subscriptions are granted
/// too, but this server's resources never change, so nothing follows for them.
/// </remarks>
internal static class ListenHandler
{
    public static async ValueTask<EmptyResult> ListenAsync(RequestContext<SubscriptionsListenRequestParams> context, CancellationToken cancellationToken)
    {
        var requested = context.Params?.Notifications;
        var granted = new SubscriptionsListenNotifications
        {
            ToolsListChanged = requested?.ToolsListChanged == true ? true : null,
            PromptsListChanged = requested?.PromptsListChanged == true ? true : null,
            ResourcesListChanged = requested?.ResourcesListChanged == true ? true : null,
            ResourceSubscriptions = requested?.ResourceSubscriptions is { Count: > 0 } uris ? [.. uris] : null,
        };
        var subscriptionId = JsonSerializer.SerializeToNode(context.JsonRpcRequest.Id, McpJsonUtilities.DefaultOptions);

        // Watched before the acknowledgement is sent, so no change is missed; sent after it, in order.
        var changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var options = context.Server.ServerOptions;
        EventHandler onTools = (_, _) => changes.Writer.TryWrite(NotificationMethods.ToolListChangedNotification);
        EventHandler onPrompts = (_, _) => changes.Writer.TryWrite(NotificationMethods.PromptListChangedNotification);
        if (granted.ToolsListChanged == true && options.ToolCollection is { } tools)
        {
            tools.Changed += onTools;
        }

        if (granted.PromptsListChanged == true && options.PromptCollection is { } prompts)
        {
            prompts.Changed += onPrompts;
        }

        try
        {
            var acknowledgement = JsonSerializer.SerializeToNode(
                new SubscriptionsAcknowledgedNotificationParams { Notifications = granted }, McpJsonUtilities.DefaultOptions);
            await SendAsync(context.Server, NotificationMethods.SubscriptionsAcknowledgedNotification, acknowledgement, subscriptionId, cancellationToken);
            await foreach (var method in changes.Reader.ReadAllAsync(cancellationToken))
            {
                await SendAsync(context.Server, method, null, subscriptionId, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client closed the request: the subscription ends.
        }
        finally
        {
            if (options.ToolCollection is { } watchedTools)
            {
                watchedTools.Changed -= onTools;
            }

            if (options.PromptCollection is { } watchedPrompts)
            {
                watchedPrompts.Changed -= onPrompts;
            }
        }

        return new EmptyResult();
    }

    private static Task SendAsync(McpServer server, string method, JsonNode? parameters, JsonNode? subscriptionId, CancellationToken cancellationToken)
    {
        var paramsObject = parameters as JsonObject ?? [];
        paramsObject["_meta"] = new JsonObject { [MetaKeys.SubscriptionId] = subscriptionId?.DeepClone() };
        return server.SendMessageAsync(new JsonRpcNotification { Method = method, Params = paramsObject }, cancellationToken);
    }
}
