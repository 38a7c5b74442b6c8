using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on PostgreSQL in front of server-everything and the C# test upstream (under the metered policy).</summary>
public sealed class FidelityFixture : IAsyncLifetime
{
    private RunningUpstream? _everything;
    private RunningUpstream? _testUpstream;

    internal GatewayCluster Cluster { get; private set; } = null!;

    internal Uri TestUpstreamEndpoint => _testUpstream!.Endpoint;

    public async Task InitializeAsync()
    {
        try
        {
            _everything = await UpstreamServers.StartEverythingAsync();
            _testUpstream = await UpstreamServers.StartTestUpstreamAsync();
            Cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec>
                {
                    ["everything"] = UpstreamSpec.Http(_everything.Endpoint, Policies.AllowAll),
                    ["metered"] = UpstreamSpec.Http(_testUpstream.Endpoint, ClusterPolicies.Metered),
                },
                new Dictionary<string, string[]> { ["agent"] = ["everything", "metered"] });
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

        foreach (var upstream in new[] { _everything, _testUpstream })
        {
            if (upstream is not null)
            {
                await upstream.DisposeAsync();
            }
        }
    }
}
