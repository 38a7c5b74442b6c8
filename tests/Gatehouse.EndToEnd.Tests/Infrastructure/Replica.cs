using System.Globalization;

namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>One <c>gatehouse</c> process: its own HTTP, silo and gateway ports, the shared configuration file.</summary>
internal sealed class Replica : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private Replica(ChildProcess process, Uri baseUrl, int siloPort)
    {
        _process = process;
        BaseUrl = baseUrl;
        SiloPort = siloPort;
    }

    public Uri BaseUrl { get; }

    public int SiloPort { get; }

    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>The replica's operating-system process id (the parent of the stdio upstreams it starts).</summary>
    public int ProcessId => _process.Id;

    /// <param name="config">The configuration folder.</param>
    /// <param name="baseUrl">Where it listens; a free loopback port when null (a test that must name the URL in the configuration picks it first).</param>
    public static async Task<Replica> StartAsync(GatewayConfig config, Uri? baseUrl = null)
    {
        baseUrl ??= new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var siloPort = FreePort.Next();
        var process = ChildProcess.Start(
            "dotnet",
            [
                Paths.GatehouseDll, "--config", config.Path, "--urls", baseUrl.ToString(),
                $"--Gatehouse:Cluster:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
                $"--Gatehouse:Cluster:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            ],
            config.Folder);
        var replica = new Replica(process, baseUrl, siloPort);
        try
        {
            await Readiness.WaitForAsync(new Uri(baseUrl, "/readyz"), process, Eventually.Ceiling);
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }

        return replica;
    }

    /// <summary><c>kill -9</c>: the process gets no chance to leave the cluster.</summary>
    public void Kill() => _process.Kill();

    /// <summary><c>kill -TERM</c>: the process drains and leaves.</summary>
    public void Terminate() => _process.Signal("TERM");

    public Task WaitForExitAsync(TimeSpan limit) => _process.WaitForExitAsync(limit);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
