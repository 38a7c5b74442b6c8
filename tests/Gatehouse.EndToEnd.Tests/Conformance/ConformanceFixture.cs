using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>
/// The conformance server (written with the C# SDK) and a gateway in front of it with an allow-all policy, twice: as
/// <c>conformance</c>, spoken to at 2025-11-25, and as <c>conformance-2026</c>, spoken to at 2026-07-28 for 2026 agents.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private RunningUpstream? _server;

    internal Gateway Gateway { get; private set; } = null!;

    internal Uri Direct => _server!.Endpoint;

    public async Task InitializeAsync()
    {
        try
        {
            var port = FreePort.Next();
            var process = ChildProcess.Start("dotnet", [Paths.ConformanceServerDll, "--urls", $"http://127.0.0.1:{port}"]);
            _server = await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
            Gateway = await Gateway.StartAsync(
                new Dictionary<string, UpstreamSpec>
                {
                    ["conformance"] = UpstreamSpec.Http(_server.Endpoint, Policies.AllowAll),
                    ["conformance-2026"] = UpstreamSpec.Http(_server.Endpoint, Policies.AllowAll).Speaking("2026-07-28"),
                },
                new Dictionary<string, string[]> { ["suite"] = ["conformance", "conformance-2026"] });
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
