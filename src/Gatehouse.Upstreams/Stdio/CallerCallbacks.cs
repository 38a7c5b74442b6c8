using System.Text.Json.Nodes;
using Gatehouse.Grains.Upstreams;
using ModelContextProtocol;

namespace Gatehouse.Upstreams;

/// <summary>
/// Inside a session's process grain: sends what the process asks of the client, and its notifications, to the
/// replica whose request is the newest in flight (on that request's response stream), else to the replica holding the
/// agent's own stream. The same choice a replica makes for an HTTP upstream session.
/// </summary>
internal sealed class CallerCallbacks : IAgentCallbacks
{
    private readonly Lock _gate = new();
    private readonly NewestInFlight<IAgentCallbackObserver> _callers = new();
    private IAgentCallbackObserver? _listener;

    /// <summary>Whether a replica holds the agent's stream of unsolicited messages.</summary>
    public bool IsListened
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    private IAgentCallbackObserver? Target
    {
        get
        {
            lock (_gate)
            {
                return _callers.Newest ?? _listener;
            }
        }
    }

    /// <summary>A request from <paramref name="caller"/> runs until the result is disposed.</summary>
    public IDisposable Begin(IAgentCallbackObserver caller) => _callers.Begin(caller);

    public void Listen(IAgentCallbackObserver listener)
    {
        lock (_gate)
        {
            _listener = listener;
        }
    }

    public void StopListening(IAgentCallbackObserver listener)
    {
        lock (_gate)
        {
            if (Equals(_listener, listener))
            {
                _listener = null;
            }
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        var target = Target
            ?? throw new McpProtocolException($"The agent cannot be asked for {method}: it has no request or stream open.", McpErrorCode.InternalError);
        var answer = JsonNode.Parse(await target.RequestAsync(method, parameters?.ToJsonString()).WaitAsync(cancellationToken).ConfigureAwait(false)) as JsonObject;
        if (answer?["error"] is JsonObject error)
        {
            throw new McpProtocolException(
                (string?)error["message"] ?? "The agent refused the request.",
                (McpErrorCode)((int?)error["code"] ?? (int)McpErrorCode.InternalError));
        }

        return answer?["result"]?.DeepClone();
    }

    public async Task NotifyAsync(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (Target is not { } target)
        {
            return;
        }

        try
        {
            await target.NotifyAsync(method, parameters?.ToJsonString()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The replica behind it is gone: its stream went with it.
            StopListening(target);
        }
    }
}
