using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// Routes an upstream's progress notifications to the request that asked for them, by the progress
/// token this connection gave the request. Fed by <see cref="OrderedProgressTransport"/> in the order
/// messages arrive, so every notification is queued before the response that follows it.
/// </summary>
public sealed class ProgressRouter
{
    private readonly ConcurrentDictionary<string, ProgressRelay> _relays = new(StringComparer.Ordinal);
    private long _nextToken;

    /// <summary>Opens a relay under a fresh token for one request.</summary>
    public (string Token, ProgressRelay Relay) Open(Func<JsonObject, ValueTask> onProgress)
    {
        var token = "gatehouse-" + Interlocked.Increment(ref _nextToken).ToString(CultureInfo.InvariantCulture);
        var relay = new ProgressRelay(onProgress);
        _relays[token] = relay;
        return (token, relay);
    }

    public void Close(string token) => _relays.TryRemove(token, out _);

    /// <summary>Waits until every progress notification routed so far has been passed on, for every request.</summary>
    public Task FlushAsync() => Task.WhenAll(_relays.Values.Select(relay => relay.FlushAsync()));

    /// <summary>Queues a progress notification for its request; false if the message is not one of ours.</summary>
    public bool TryRoute(JsonRpcMessage message)
    {
        if (message is JsonRpcNotification { Method: NotificationMethods.ProgressNotification, Params: JsonObject parameters }
            && parameters["progressToken"]?.ToString() is { } token
            && _relays.TryGetValue(token, out var relay))
        {
            relay.Enqueue(parameters);
            return true;
        }

        return false;
    }
}
