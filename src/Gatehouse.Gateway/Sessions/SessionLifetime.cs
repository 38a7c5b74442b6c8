using Gatehouse.Telemetry;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Sessions;

/// <summary>
/// Runs each MCP server session this replica holds: counts it in <c>gatehouse.sessions.active</c> and
/// registers its server, so messages from its upstream session can reach the agent here.
/// </summary>
internal sealed class SessionLifetime(AgentSessions agents, GatehouseMetrics metrics)
{
    public async Task RunAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        metrics.ActiveSessions.Add(1);
        using var registration = agents.Run(server);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            metrics.ActiveSessions.Add(-1);
        }
    }
}
