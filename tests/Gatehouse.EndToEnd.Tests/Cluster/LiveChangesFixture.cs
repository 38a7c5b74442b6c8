using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Three replicas on PostgreSQL in front of the C# test upstream, shared by the live-change tests. Each
/// test changes the policy of an upstream of its own (all the same test upstream), so none sees another's change.
/// </summary>
public sealed class LiveChangesFixture : ClusterFixtureBase
{
    /// <summary>One upstream per test that changes a policy, and one for the grant test.</summary>
    public static readonly string[] Upstreams = ["put", "invalid", "file", "grants"];

    private protected override async Task<GatewayCluster> StartAsync()
    {
        var upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
        return await GatewayCluster.StartAsync(
            replicas: 3,
            Upstreams.ToDictionary(name => name, _ => UpstreamSpec.Http(upstream.Endpoint, Policies.AllowAll)),
            new Dictionary<string, string[]> { ["agent"] = Upstreams });
    }
}
