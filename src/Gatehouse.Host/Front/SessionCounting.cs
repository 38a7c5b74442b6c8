using Gatehouse.Telemetry;
using ModelContextProtocol.Server;

namespace Gatehouse.Host.Front;

/// <summary>Counts the MCP server sessions running on this replica in <c>gatehouse.sessions.active</c>.</summary>
internal static class SessionCounting
{
    public static async Task RunAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        GatehouseTelemetry.ActiveSessions.Add(1);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            GatehouseTelemetry.ActiveSessions.Add(-1);
        }
    }
}
