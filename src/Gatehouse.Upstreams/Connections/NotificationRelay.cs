using System.Text.Json.Nodes;
using System.Threading.Channels;
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

    private readonly Channel<(JsonRpcNotification? Notification, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(JsonRpcNotification?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly IAgentCallbacks _agent;

    public NotificationRelay(IAgentCallbacks agent)
    {
        _agent = agent;
        _ = PumpAsync();
    }

    public bool TryRelay(JsonRpcMessage message)
    {
        if (message is JsonRpcNotification notification && RelayedMethods.Contains(notification.Method))
        {
            _queue.Writer.TryWrite((notification, null));
            return true;
        }

        return false;
    }

    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((null, flushed)) ? flushed.Task : Task.CompletedTask;
    }

    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        await foreach (var (notification, flushed) in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (flushed is not null)
            {
                flushed.TrySetResult();
                continue;
            }

            try
            {
                await _agent.NotifyAsync(notification!.Method, notification.Params, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The agent may be gone; notifications are advisory and the session goes on.
            }
        }
    }
}
