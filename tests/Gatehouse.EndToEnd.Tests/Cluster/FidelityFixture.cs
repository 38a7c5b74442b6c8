using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Three replicas on PostgreSQL in front of server-everything and the C# test upstream (under the metered policy), and
/// of both as stdio upstreams with a process per agent session (grant <c>local</c>): <c>everything-stdio</c>, and the
/// test upstream under several process limits; and the test upstream with resource subscriptions (<c>watched</c>); and
/// server-everything once more as <c>tasks</c>, whose policy a test changes, for two grants (<c>tasker</c>, <c>stranger</c>);
/// and the test upstream once more as <c>modern</c>, spoken to at 2026-07-28 for 2026 agents (grant <c>current</c>); and a
/// test upstream of 2026-07-28 only (it refuses <c>initialize</c>) as <c>newest</c> (grant <c>newer</c>).
/// </summary>
public sealed class FidelityFixture : ClusterFixtureBase
{
    private RunningUpstream? _everything;
    private RunningUpstream? _testUpstream;
    private RunningUpstream? _watched;
    private RunningUpstream? _only2026;

    /// <summary>server-everything's own Streamable HTTP endpoint (behind <c>everything</c>, which allows every tool).</summary>
    internal Uri EverythingEndpoint => _everything!.Endpoint;

    internal Uri TestUpstreamEndpoint => _testUpstream!.Endpoint;

    private protected override async Task<GatewayCluster> StartAsync()
    {
        _everything = await KeepAsync(UpstreamServers.StartEverythingAsync());
        _testUpstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
        _watched = await KeepAsync(UpstreamServers.StartTestUpstreamAsync("watched-upstream", subscriptions: true));
        _only2026 = await KeepAsync(UpstreamServers.StartTestUpstreamOf2026OnlyAsync());
        return await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec>
            {
                ["everything"] = UpstreamSpec.Http(_everything.Endpoint, Policies.AllowAll),
                ["metered"] = UpstreamSpec.Http(_testUpstream.Endpoint, ClusterPolicies.Metered),
                ["modern"] = UpstreamSpec.Http(_testUpstream.Endpoint, ClusterPolicies.Metered).Speaking("2026-07-28"),
                ["newest"] = UpstreamSpec.Http(_only2026.Endpoint, ClusterPolicies.Metered).SessionlessOnly(),
                ["watched"] = UpstreamSpec.Http(_watched.Endpoint, Policies.AllowAll),
                ["tasks"] = UpstreamSpec.Http(_everything.Endpoint, Policies.AllowAll),
                ["everything-stdio"] = UpstreamSpec.EverythingStdio(Policies.AllowAll).PerSession(),
                ["own"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll).PerSession(),
                ["own-one"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll).PerSession(maxProcesses: 1),
                ["own-idle"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll).PerSession(idleSeconds: 5),
                ["own-small"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll).PerSession(maxMemoryMb: 256),
                ["shared-watched"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll, subscriptions: true),
            },
            new Dictionary<string, string[]>
            {
                ["agent"] = ["everything", "metered", "watched"],
                ["local"] = ["everything-stdio", "own", "own-one", "own-idle", "own-small", "shared-watched"],
                ["current"] = ["modern"],
                ["newer"] = ["newest"],
                ["tasker"] = ["tasks"],
                ["stranger"] = ["tasks"],
            });
    }
}
