using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// What this replica holds of one agent session: its session-level server (the agent's stream of
/// unsolicited messages, if it is open here) and the agent requests being served here right now.
/// </summary>
internal sealed class AgentSessionState
{
    private readonly Lock _gate = new();
    private readonly LinkedList<McpServer> _inFlight = [];

    public McpServer? SessionServer { get; set; }

    /// <summary>
    /// Where a message from the upstream session should go: with the newest request in flight here
    /// (on that request's response stream), else on the session's own stream.
    /// </summary>
    public McpServer? Target
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Last?.Value ?? SessionServer;
            }
        }
    }

    public IDisposable Begin(McpServer requestServer)
    {
        LinkedListNode<McpServer> node;
        lock (_gate)
        {
            node = _inFlight.AddLast(requestServer);
        }

        return new Ending(this, node);
    }

    private void End(LinkedListNode<McpServer> node)
    {
        lock (_gate)
        {
            _inFlight.Remove(node);
        }
    }

    private sealed class Ending(AgentSessionState state, LinkedListNode<McpServer> node) : IDisposable
    {
        public void Dispose() => state.End(node);
    }
}
