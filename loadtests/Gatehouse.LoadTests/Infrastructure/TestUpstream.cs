using System.Globalization;
using System.Text.Json;
using Gatehouse.LoadTests.Agents;
using ModelContextProtocol.Protocol;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>
/// The C# test upstream (tests/Gatehouse.TestUpstream, sessions on) on a free loopback port. Its
/// <c>invocations</c> tool counts the calls each tool really ran: the ground truth of what got through.
/// </summary>
internal sealed class TestUpstream : IUpstreamServer
{
    private readonly ChildProcess _process;

    private TestUpstream(ChildProcess process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>The upstream's Streamable HTTP endpoint.</summary>
    public Uri Endpoint { get; }

    public TimeSpan CpuTime => _process.CpuTime;

    public static async Task<TestUpstream> StartAsync()
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start(
            "dotnet",
            [BuiltPrograms.TestUpstreamDll, "--stateful", "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--Logging:LogLevel:Default=Warning"]);
        var endpoint = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/mcp");
        try
        {
            // Any HTTP answer (a GET without a session is refused) means the server listens.
            await Readiness.WaitForAsync(endpoint, process, TimeSpan.FromSeconds(60), status => status > 0);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new TestUpstream(process, endpoint);
    }

    /// <summary>How often each tool ran, asked of the upstream directly.</summary>
    public async Task<Dictionary<string, int>> InvocationsAsync()
    {
        await using var client = await AgentConnector.ConnectAsync([Endpoint], token: null);
        var result = await client.CallToolAsync("invocations");
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(block => block.Text));
        return JsonSerializer.Deserialize<Dictionary<string, int>>(text) ?? [];
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
