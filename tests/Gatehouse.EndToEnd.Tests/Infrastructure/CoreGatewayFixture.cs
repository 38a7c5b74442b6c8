namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One gateway in front of real upstreams: the C# test upstream over HTTP (under several policies)
/// and over stdio, server-everything over stdio and over HTTP, an upstream that is down, one
/// that is slow, and the test upstream behind a relay that drops a connection when told to. Grants name different upstreams so tests of one budget never touch another.
/// </summary>
public sealed class CoreGatewayFixture : IAsyncLifetime
{
    private RunningUpstream? _testUpstream;
    private RunningUpstream? _everythingHttp;
    private GarbageServer? _garbage;
    private DroppingRelay? _relay;

    internal Gateway Gateway { get; private set; } = null!;

    internal Uri TestUpstreamEndpoint => _testUpstream!.Endpoint;

    /// <summary>The relay in front of the test upstream behind <c>relayed</c>.</summary>
    internal DroppingRelay Relay => _relay!;

    /// <summary>server-everything's own Streamable HTTP endpoint (behind <c>everything-http</c> and <c>everything-open</c>).</summary>
    internal Uri EverythingEndpoint => _everythingHttp!.Endpoint;

    /// <summary>The only folder the filesystem upstream may touch.</summary>
    internal string FilesFolder { get; } = Directory.CreateTempSubdirectory("gatehouse-files-").FullName;

    public async Task InitializeAsync()
    {
        try
        {
            _testUpstream = await UpstreamServers.StartTestUpstreamAsync();
            _everythingHttp = await UpstreamServers.StartEverythingAsync();
            _garbage = new GarbageServer();
            _relay = new DroppingRelay(_testUpstream.Endpoint);
            var closedPort = FreePort.Next();
            var upstreams = new Dictionary<string, UpstreamSpec>
            {
                ["test"] = UpstreamSpec.Http(_testUpstream.Endpoint, Policies.Main),
                ["limited"] = UpstreamSpec.Http(_testUpstream.Endpoint, Policies.Limited),
                ["scoped"] = UpstreamSpec.Http(_testUpstream.Endpoint, Policies.Scoped),
                ["slowpoke"] = UpstreamSpec.Http(_testUpstream.Endpoint, Policies.AllowAll, timeoutSeconds: 2),
                ["down"] = UpstreamSpec.Http(new Uri($"http://127.0.0.1:{closedPort}/mcp"), Policies.AllowAll),
                ["garbage"] = UpstreamSpec.Http(_garbage.Endpoint, Policies.AllowAll),
                ["stdio"] = UpstreamSpec.TestUpstreamStdio(Policies.Main),
                ["everything"] = UpstreamSpec.EverythingStdio(Policies.Everything),
                ["everything-http"] = UpstreamSpec.Http(_everythingHttp.Endpoint, Policies.Everything),
                ["everything-open"] = UpstreamSpec.Http(_everythingHttp.Endpoint, Policies.AllowAll),
                ["files"] = UpstreamSpec.FilesystemStdio(FilesFolder, Policies.Files),
                ["relayed"] = UpstreamSpec.Http(_relay.Endpoint, Policies.AllowAll),
            };
            var grants = new Dictionary<string, string[]>
            {
                ["alpha"] = ["test", "slowpoke", "down", "garbage", "stdio", "everything", "everything-http"],
                ["beta"] = ["test"],
                ["rate"] = ["limited"],
                ["shared"] = ["limited"],
                ["agent-a"] = ["scoped"],
                ["agent-b"] = ["scoped"],
                ["combo"] = ["test", "everything"],
                ["partial"] = ["test", "down"],
                ["filer"] = ["files"],
                ["fidelity"] = ["everything-open"],
                ["relay"] = ["relayed"],
            };
            Gateway = await Gateway.StartAsync(upstreams, grants);
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

        if (_testUpstream is not null)
        {
            await _testUpstream.DisposeAsync();
        }

        if (_everythingHttp is not null)
        {
            await _everythingHttp.DisposeAsync();
        }

        if (_garbage is not null)
        {
            await _garbage.DisposeAsync();
        }

        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }

        Directory.Delete(FilesFolder, recursive: true);
    }
}
