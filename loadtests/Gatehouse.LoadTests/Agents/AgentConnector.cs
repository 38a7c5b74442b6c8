using ModelContextProtocol.Client;

namespace Gatehouse.LoadTests.Agents;

/// <summary>Agents as the official C# SDK makes them: one MCP session each, over Streamable HTTP.</summary>
internal static class AgentConnector
{
    /// <summary>Protocol version the agents negotiate (sessions, as most deployed clients use).</summary>
    public const string ProtocolVersion = "2025-11-25";

    /// <summary>
    /// Opens a session at <paramref name="targets"/>[0]'s path; with several targets (replicas) each request of
    /// the session goes to the next in turn, so the session is served by all of them.
    /// </summary>
    public static Task<McpClient> ConnectAsync(IReadOnlyList<Uri> targets, string? token, CancellationToken cancellationToken = default) =>
        ConnectAsync(new Rotation(targets), token, cancellationToken);

    /// <summary>
    /// Opens a session through a load balancer whose targets may change while it is open: each request goes to the
    /// next target of the rotation at the time, at the path of the first target when the session opened.
    /// </summary>
    public static async Task<McpClient> ConnectAsync(Rotation rotation, string? token, CancellationToken cancellationToken = default)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null)
        {
            headers["Authorization"] = "Bearer " + token;
        }

        var http = new HttpClient(new RoundRobinHandler(rotation)) { Timeout = TimeSpan.FromSeconds(100) };
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = rotation.Current[0],
                AdditionalHeaders = headers,
                TransportMode = HttpTransportMode.StreamableHttp,

                // The load is tool calls; no agent here listens for server-initiated messages.
                EnableStandaloneGetStream = false,
            },
            http,
            ownsHttpClient: true);
        var options = new McpClientOptions
        {
            ClientInfo = new() { Name = "gatehouse-load-agent", Version = "1.0" },
            ProtocolVersion = ProtocolVersion,
        };
        return await McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken);
    }
}
