using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>
/// The conformance server (written with the C# SDK) and a gateway in front of it with an allow-all policy, three times: as
/// <c>conformance</c>, spoken to at 2025-11-25, as <c>conformance-2026</c>, spoken to at 2026-07-28 for 2026 agents, and as
/// <c>conformance-sessionless</c>, a second process of it run <c>--only-2026</c> (it refuses <c>initialize</c>), spoken to as such.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private RunningUpstream? _server;
    private RunningUpstream? _only2026;

    internal Gateway Gateway { get; private set; } = null!;

    internal Uri Direct => _server!.Endpoint;

    public async Task InitializeAsync()
    {
        try
        {
            _server = await StartServerAsync();
            _only2026 = await StartServerAsync("--only-2026");
            Gateway = await Gateway.StartAsync(
                new Dictionary<string, UpstreamSpec>
                {
                    ["conformance"] = UpstreamSpec.Http(_server.Endpoint, Policies.AllowAll),
                    ["conformance-2026"] = UpstreamSpec.Http(_server.Endpoint, Policies.AllowAll).Speaking("2026-07-28"),
                    ["conformance-sessionless"] = UpstreamSpec.Http(_only2026.Endpoint, Policies.AllowAll).SessionlessOnly(),
                },
                new Dictionary<string, string[]> { ["suite"] = ["conformance", "conformance-2026", "conformance-sessionless"] });
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop what did start.
            await DisposeAsync();
            throw;
        }
    }

    private static async Task<RunningUpstream> StartServerAsync(params string[] switches)
    {
        var port = FreePort.Next();
        var process = ChildProcess.Start("dotnet", [Paths.ConformanceServerDll, .. switches, "--urls", $"http://127.0.0.1:{port}"]);
        return await RunningUpstream.WaitAsync(process, new Uri($"http://127.0.0.1:{port}/mcp"));
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

        if (_only2026 is not null)
        {
            await _only2026.DisposeAsync();
        }
    }
}
