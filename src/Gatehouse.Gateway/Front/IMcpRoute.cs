using System.Security.Claims;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Gatehouse.Gateway.Front;

/// <summary>What an MCP endpoint does with the requests Gatehouse forwards: one upstream's (<c>/mcp/{upstream}</c>) or the aggregate's (<c>/mcp</c>).</summary>
internal interface IMcpRoute
{
    /// <summary>The result to send the agent, as the upstream sent it (plus what the gateway adds under <c>_meta</c>, the aggregate's renaming, and for 2026-07-28 agents the caching hints, see <see cref="Caching.CacheHints"/>).</summary>
    /// <exception cref="ModelContextProtocol.McpProtocolException">The request is refused, or the upstream answered with an error.</exception>
    ValueTask<JsonNode> HandleAsync(JsonRpcRequest request, McpServer server, ClaimsPrincipal? user, CancellationToken cancellationToken);
}
