using ModelContextProtocol.Server;

namespace Gatehouse.TestUpstream.Sessions;

/// <summary>
/// The MCP sessions this process holds open over HTTP (<c>--stateful</c>): counted while the SDK runs each
/// one, so a session ended by a DELETE (or its idle timeout) leaves the count. Read at <c>GET /sessions</c>.
/// </summary>
internal sealed class OpenSessions
{
    private long _open;
    private long _opened;

    public long Open => Interlocked.Read(ref _open);

    public long Opened => Interlocked.Read(ref _opened);

    public async Task RunAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Increment(ref _open);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }
}
