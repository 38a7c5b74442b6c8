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

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The id of the replica's process (<c>dotnet gatehouse.dll</c> runs the replica in the process started).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The last lines the replica wrote (its log).</summary>
    public string Output => _process.Output;

    /// <summary>The warnings and errors the replica logged.</summary>
    public string Problems => _process.Problems;

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

    /// <summary>The replica's MCP endpoint of <paramref name="upstream"/>.</summary>
    public Uri EndpointOf(string upstream) => new(BaseUrl, $"/mcp/{upstream}");

    /// <summary><c>kill -9</c>: the replica gets no chance to leave the cluster or hand its grains over.</summary>
    public void Kill() => _process.Kill();

    /// <summary>
    /// SIGTERM, then waits for the replica to finish its calls, leave the cluster and exit by itself; killed (and a
    /// <see cref="TimeoutException"/>) if that takes longer than <paramref name="limit"/>. Returns its exit code.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan limit)
    {
        _process.Terminate();
        await _process.WaitForExitAsync(limit);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
