using ModelContextProtocol.Client;

namespace Gatehouse.Telemetry.Tests.Infrastructure;

/// <summary>Agents as the official C# SDK makes them.</summary>
internal static class Agents
{
    public static async Task<McpClient> ConnectAsync(InProcessReplica replica, string upstream, string token)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(replica.BaseUrl, $"/mcp/{upstream}"),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            TransportMode = HttpTransportMode.StreamableHttp,
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new() { Name = "gatehouse-telemetry-agent", Version = "1.0" },
            ProtocolVersion = "2025-11-25",
        });
    }
}
