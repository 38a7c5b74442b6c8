using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;

namespace Gatehouse.LoadTests;

/// <summary>Latency of one tool call through Gatehouse against the same call made directly, measured side by side.</summary>
internal static class OverheadScenario
{
    public static async Task<OverheadResult> RunAsync(Uri directUrl, Uri gatewayUrl, string token, string tool, string argumentsJson, int calls, int warmup)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson) ?? [];
        await using var direct = await ConnectAsync(directUrl, token: null);
        await using var gateway = await ConnectAsync(gatewayUrl, token);

        for (var i = 0; i < warmup; i++)
        {
            await CallAsync(direct, tool, arguments);
            await CallAsync(gateway, tool, arguments);
        }

        var directSamples = new List<double>(calls);
        var gatewaySamples = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            // Alternate which goes first, so neither always runs on a warmer path.
            if (i % 2 == 0)
            {
                directSamples.Add(await CallAsync(direct, tool, arguments));
                gatewaySamples.Add(await CallAsync(gateway, tool, arguments));
            }
            else
            {
                gatewaySamples.Add(await CallAsync(gateway, tool, arguments));
                directSamples.Add(await CallAsync(direct, tool, arguments));
            }
        }

        return new OverheadResult(LatencySummary.Of(directSamples), LatencySummary.Of(gatewaySamples));
    }

    private static async Task<double> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var clock = Stopwatch.StartNew();
        var result = await client.CallToolAsync(tool, arguments);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (result.IsError == true)
        {
            throw new InvalidOperationException($"{tool} failed: {JsonSerializer.Serialize(result.Content)}");
        }

        return elapsed;
    }

    private static Task<McpClient> ConnectAsync(Uri endpoint, string? token)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null)
        {
            headers["Authorization"] = "Bearer " + token;
        }

        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, AdditionalHeaders = headers, TransportMode = HttpTransportMode.StreamableHttp });
        return McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = "2025-11-25" });
    }
}
