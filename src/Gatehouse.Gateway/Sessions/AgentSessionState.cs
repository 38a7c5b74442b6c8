using Gatehouse.Upstreams;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// What this replica holds of one agent session: its session-level server (the agent's stream of
/// unsolicited messages, if it is open here) and the agent requests being served here right now.
/// </summary>
internal sealed class AgentSessionState
{
    private readonly NewestInFlight<McpServer> _inFlight = new();

    public McpServer? SessionServer { get; set; }

    /// <summary>
    /// Where a message from the upstream session should go: with the newest request in flight here
    /// (on that request's response stream), else on the session's own stream.
    /// </summary>
    public McpServer? Target => _inFlight.Newest ?? SessionServer;

    public IDisposable Begin(McpServer requestServer) => _inFlight.Begin(requestServer);
}
