using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Sessions;

/// <summary>
/// The MCP sessions this process holds open over HTTP (<c>--stateful</c>): counted while the SDK runs each
/// one, so a session ended by a DELETE (or its idle timeout) leaves the count. Read at <c>GET /sessions</c>. Each running
/// session's server is kept by id, for what is sent to a session outside any of its requests.
/// </summary>
internal sealed class OpenSessions
{
    private readonly ConcurrentDictionary<string, McpServer> _running = new(StringComparer.Ordinal);
    private long _open;
    private long _opened;

    public long Open => Interlocked.Read(ref _open);

    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>The server of a running session, whose messages go on the session's own stream.</summary>
    public bool TryGet(string sessionId, [NotNullWhen(true)] out McpServer? server) => _running.TryGetValue(sessionId, out server);

    public async Task RunAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Increment(ref _open);
        if (server.SessionId is { } id)
        {
            _running[id] = server;
        }

        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
            if (server.SessionId is { } ended)
            {
                _running.TryRemove(KeyValuePair.Create(ended, server));
            }
        }
    }
}
