using System.Text.Json;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>How often each tool ran in the C# test upstream, asked of the upstream directly, not through the gateway.</summary>
internal static class InvocationCounts
{
    public static async Task<Dictionary<string, int>> ReadAsync(Uri upstreamEndpoint)
    {
        await using var client = await Agents.ConnectAsync(upstreamEndpoint, token: null);
        var result = await client.CallToolAsync("invocations");
        return JsonSerializer.Deserialize<Dictionary<string, int>>(result.Text()) ?? [];
    }

    public static int Of(this Dictionary<string, int> counts, string tool) => counts.GetValueOrDefault(tool);
}
