using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Upstreams;

/// <summary>An HTTP upstream that restarts (and so forgets every session, answering 404 to them) costs sessionless agents nothing.</summary>
public sealed class UpstreamRestartTests : IAsyncLifetime
{
    private readonly int _port = FreePort.Next();
    private RunningUpstream? _upstream;
    private Gateway? _gateway;

    private Uri Endpoint => new($"http://127.0.0.1:{_port}/mcp");

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartEverythingAsync(port: _port);
            _gateway = await Gateway.StartAsync(
                new Dictionary<string, UpstreamSpec> { ["test"] = UpstreamSpec.Http(Endpoint, Policies.Everything) },
                new Dictionary<string, string[]> { ["agent"] = ["test"] });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_the_upstream_restarts_the_next_sessionless_call_is_served_on_a_new_upstream_session()
    {
        // A 2026-07-28 agent has no session: its calls go over the gateway's own upstream session.
        await using var agent = await _gateway!.ConnectAsync("test", "agent", protocolVersion: null);
        Assert.Equal("Echo: before", (await agent.CallToolAsync("echo", Args(("message", "before")))).Text());

        await _upstream!.DisposeAsync();
        _upstream = await UpstreamServers.StartEverythingAsync(port: _port);

        var after = await agent.CallToolAsync("echo", Args(("message", "after")));
        Assert.Equal("Echo: after", after.Text());
    }
}
