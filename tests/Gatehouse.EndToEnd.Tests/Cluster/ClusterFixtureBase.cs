using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Replicas on PostgreSQL in front of upstreams (and other servers) the fixture starts itself. What started is stopped when the
/// fixture is disposed, and also when its start fails part way (xunit disposes no fixture whose start failed).
/// </summary>
public abstract class ClusterFixtureBase : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _started = [];

    internal GatewayCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            Cluster = await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        foreach (var server in _started)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Starts the upstreams (each through <see cref="KeepAsync"/>) and the cluster in front of them.</summary>
    private protected abstract Task<GatewayCluster> StartAsync();

    /// <summary>An upstream (or other server) this fixture stops when it is disposed.</summary>
    private protected async Task<T> KeepAsync<T>(Task<T> starting)
        where T : IAsyncDisposable
    {
        var server = await starting;
        _started.Add(server);
        return server;
    }
}
