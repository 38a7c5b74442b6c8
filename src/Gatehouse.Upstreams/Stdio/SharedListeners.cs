using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// Inside a stdio upstream's shared-process grain: the listens of 2026-07-28 agents, on whichever replica they are held,
/// and the resource URIs each holds a subscription to. Every notification of the process goes to every listener (each
/// keeps what its agent asked for); a listener whose replica cannot be reached is dropped. The process stands for no one
/// agent, so it is told the client has no capabilities, and it cannot ask anything.
/// </summary>
internal sealed class SharedListeners : IAgentCallbacks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IAgentCallbackObserver, string[]> _listeners = [];

    /// <summary>Adds a listener; returns the URIs no listener held before, to be subscribed to.</summary>
    public IReadOnlyList<string> Add(IAgentCallbackObserver listener, string[] resourceUris)
    {
        lock (_gate)
        {
            var held = Held();
            _listeners[listener] = resourceUris;
            return [.. resourceUris.Distinct(StringComparer.Ordinal).Where(uri => !held.Contains(uri))];
        }
    }

    /// <summary>Removes a listener; returns the URIs no listener holds any more, to be unsubscribed from.</summary>
    public IReadOnlyList<string> Remove(IAgentCallbackObserver listener)
    {
        lock (_gate)
        {
            if (!_listeners.Remove(listener, out var uris))
            {
                return [];
            }

            var held = Held();
            return [.. uris.Distinct(StringComparer.Ordinal).Where(uri => !held.Contains(uri))];
        }
    }

    public Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken) =>
        throw new McpProtocolException($"The shared process of a stdio upstream stands for no one agent, so it cannot ask for {method}.", McpErrorCode.MethodNotFound);

    public async Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        IAgentCallbackObserver[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners.Keys];
        }

        var text = parameters?.ToJsonString();
        foreach (var listener in listeners)
        {
            try
            {
                await listener.NotifyAsync(method, text).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // Its replica is gone, and the listen with it. Its subscriptions stay on the process until the next
                // listener leaves: an update no one listens to goes nowhere.
                Remove(listener);
            }
        }
    }

    private HashSet<string> Held() => [.. _listeners.Values.SelectMany(uris => uris)];
}
