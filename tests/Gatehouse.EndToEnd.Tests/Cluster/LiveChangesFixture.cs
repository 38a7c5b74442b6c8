using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Three replicas on PostgreSQL in front of the C# test upstream, shared by the live-change tests. Each
/// test changes the policy of an upstream of its own (all the same test upstream), so none sees another's change.
/// </summary>
public sealed class LiveChangesFixture : IAsyncLifetime
{
    /// <summary>One upstream per test that changes a policy, and one for the grant test.</summary>
    public static readonly string[] Upstreams = ["put", "invalid", "file", "grants"];

    private RunningUpstream? _upstream;

    internal GatewayCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartTestUpstreamAsync();
            Cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                Upstreams.ToDictionary(name => name, _ => UpstreamSpec.Http(_upstream.Endpoint, Policies.AllowAll)),
                new Dictionary<string, string[]> { ["agent"] = Upstreams });
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
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }
}
