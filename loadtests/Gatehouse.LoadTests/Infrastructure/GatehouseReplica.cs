using System.Globalization;

namespace Gatehouse.LoadTests.Infrastructure;

/// <summary>One <c>gatehouse</c> process with its own HTTP, silo and gateway ports.</summary>
internal sealed class GatehouseReplica : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private GatehouseReplica(ChildProcess process, Uri baseUrl, int siloPort)
    {
        _process = process;
        BaseUrl = baseUrl;
        SiloPort = siloPort;
    }

    public Uri BaseUrl { get; }

    public int SiloPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the replica's process has used so far.</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    public static async Task<GatehouseReplica> StartAsync(GatehouseConfig config)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        var siloPort = FreePort.Next();
        var process = ChildProcess.Start(
            "dotnet",
            [
                BuiltPrograms.GatehouseDll, "--config", config.Path, "--urls", baseUrl.ToString(),
                $"--Gatehouse:Cluster:SiloPort={siloPort.ToString(CultureInfo.InvariantCulture)}",
                $"--Gatehouse:Cluster:GatewayPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            ],
            config.Folder);
        try
        {
            await Readiness.WaitForAsync(new Uri(baseUrl, "/readyz"), process, TimeSpan.FromSeconds(120));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new GatehouseReplica(process, baseUrl, siloPort);
    }

    /// <summary><c>kill -9</c>: the replica gets no chance to leave the cluster or hand its grains over.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
