using System.Collections.Concurrent;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Sessions;

/// <summary>The agent sessions this replica serves now, by <c>Mcp-Session-Id</c>.</summary>
internal sealed class AgentSessions
{
    private readonly ConcurrentDictionary<string, AgentSessionState> _sessions = new(StringComparer.Ordinal);

    public AgentSessionState this[string sessionId] => _sessions.GetOrAdd(sessionId, _ => new AgentSessionState());

    /// <summary>Registers the session-level server while its session runs on this replica.</summary>
    public IDisposable Run(McpServer sessionServer)
    {
        var id = sessionServer.SessionId;
        if (id is null)
        {
            return NoSession.Instance;
        }

        this[id].SessionServer = sessionServer;
        return new Forget(this, id, sessionServer);
    }

    private sealed class Forget(AgentSessions sessions, string id, McpServer server) : IDisposable
    {
        public void Dispose()
        {
            if (sessions._sessions.TryGetValue(id, out var state) && ReferenceEquals(state.SessionServer, server))
            {
                state.SessionServer = null;
                sessions._sessions.TryRemove(id, out _);
            }
        }
    }

    private sealed class NoSession : IDisposable
    {
        public static readonly NoSession Instance = new();

        public void Dispose()
        {
        }
    }
}
