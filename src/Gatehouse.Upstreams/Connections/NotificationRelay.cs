using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;


/// <summary>
/// An upstream session's notifications for the agent (logging, list changes, resource updates, task status),
/// passed on one at a time in the order they arrived. A flush waits until everything that arrived
/// before it has been passed on, so a request's notifications reach the agent before its result.
/// </summary>
internal sealed class NotificationRelay
{
    /// <summary>The notifications an upstream session relays to its agent.</summary>
    public static readonly IReadOnlySet<string> RelayedMethods = new HashSet<string>(StringComparer.Ordinal)
    {
        NotificationMethods.LoggingMessageNotification,
        NotificationMethods.ToolListChangedNotification,
        NotificationMethods.PromptListChangedNotification,
        NotificationMethods.ResourceListChangedNotification,
        NotificationMethods.ResourceUpdatedNotification,

        // A task's status changes (2025-11-25), of tasks this agent session created.
        "notifications/tasks/status",
    };

    private readonly OrderedDelivery<JsonRpcNotification> _delivery;

    public NotificationRelay(IAgentCallbacks agent)
    {
        _delivery = new(notification => new ValueTask(agent.NotifyAsync(notification.Method, notification.Params, CancellationToken.None)));
    }

    public bool TryRelay(JsonRpcMessage message)
    {
        if (message is JsonRpcNotification notification && RelayedMethods.Contains(notification.Method))
        {
            _delivery.Enqueue(notification);
            return true;
        }

        return false;
    }

    public Task FlushAsync() => _delivery.FlushAsync();

    public void Complete() => _ = _delivery.CompleteAsync();
}
