using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on PostgreSQL in front of the C# test upstream, shared by the non-destructive cluster tests.</summary>
public sealed class ClusterFixture : ClusterFixtureBase
{
    private RunningUpstream? _upstream;

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    /// <summary>What the first <c>db migrate</c> printed.</summary>
    internal string FirstMigration { get; private set; } = string.Empty;

    private protected override async Task<GatewayCluster> StartAsync()
    {
        _upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
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

        var cluster = await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec> { ["metered"] = UpstreamSpec.Http(_upstream.Endpoint, ClusterPolicies.Metered) },
            grants);
        FirstMigration = cluster.FirstMigrationOutput;
        return cluster;
    }
}
