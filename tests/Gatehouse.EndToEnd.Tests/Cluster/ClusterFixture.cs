using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on PostgreSQL in front of the C# test upstream, shared by the non-destructive cluster tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private RunningUpstream? _upstream;

    internal GatewayCluster Cluster { get; private set; } = null!;

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    /// <summary>What the first <c>db migrate</c> printed.</summary>
    internal string FirstMigration { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartTestUpstreamAsync();
            var grants = new Dictionary<string, string[]>
            {
                ["sessions"] = ["metered"],
                ["other"] = ["metered"],
                ["under"] = ["metered"],
                ["short"] = ["metered"],
            };
            foreach (var algorithm in new[] { "fixed", "sliding", "token_bucket" })
            {
                for (var round = 1; round <= 3; round++)
                {
                    grants[$"{algorithm}-{round}"] = ["metered"];
                }
            }

            Cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["metered"] = UpstreamSpec.Http(_upstream.Endpoint, ClusterPolicies.Metered) },
                grants);
            FirstMigration = Cluster.FirstMigrationOutput;
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
