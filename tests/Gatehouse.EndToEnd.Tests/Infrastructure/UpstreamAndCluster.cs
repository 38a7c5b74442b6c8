namespace Gatehouse.EndToEnd.Tests.Infrastructure;

/// <summary>One upstream and a cluster in front of it, owned by one test class: started together, stopped together.</summary>
internal sealed class UpstreamAndCluster(RunningUpstream upstream) : IAsyncDisposable
{
    private GatewayCluster? _cluster;

    public RunningUpstream Upstream => upstream;

    public GatewayCluster Cluster => _cluster!;

    /// <summary>Starts the upstream, then the cluster in front of its endpoint; if the cluster cannot start, the upstream is stopped (xunit does not dispose a fixture whose start failed).</summary>
    public static async Task<UpstreamAndCluster> StartAsync(Func<Task<RunningUpstream>> startUpstream, Func<Uri, Task<GatewayCluster>> startCluster)
    {
        var both = new UpstreamAndCluster(await startUpstream());
        try
        {
            both._cluster = await startCluster(both.Upstream.Endpoint);
            return both;
        }
        catch
        {
            await both.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await upstream.DisposeAsync();
    }
}
