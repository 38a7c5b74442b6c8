using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>Agents as the official C# SDK makes them.</summary>
internal static class Agents
{
    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? token, string? protocolVersion = "2025-11-25", McpClientOptions? options = null)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null)
        {
            headers["Authorization"] = $"Bearer {token}";
        }

        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            AdditionalHeaders = headers,
            TransportMode = HttpTransportMode.StreamableHttp,
        });
        options ??= new McpClientOptions { ProtocolVersion = protocolVersion };
        options.ClientInfo ??= new() { Name = "gatehouse-e2e-agent", Version = "1.0" };

        // Gatehouse answers server/discover, so the SDK's 5 s probe timeout (for servers that drop it) would only
        // turn a slow answer on a loaded machine into a fallback to another protocol revision.
        options.DiscoverProbeTimeout = Timeout.InfiniteTimeSpan;
        options.InitializationTimeout = Eventually.Ceiling;
        return await McpClient.CreateAsync(transport, options);
    }
}
