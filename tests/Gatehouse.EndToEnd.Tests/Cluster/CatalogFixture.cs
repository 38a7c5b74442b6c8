using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Three replicas on PostgreSQL in front of two test upstreams of their own (their rug pull is
/// process-wide): <c>pinned</c> (pinning on, the default) and <c>loose</c> (<c>Pin: false</c>), both
/// under a policy that lets low-risk tools through and denies high-risk ones it does not list, with a
/// limit, a condition and a tool whose arguments the audit log keeps.
/// </summary>
public sealed class CatalogFixture : ClusterFixtureBase
{
    public static readonly string RiskPolicy = $$"""
        { "version": "1", "default": "allow",
          "risk_defaults": { "high": { "action": "deny", "reason": "high-risk tools need a rule of their own" } },
          "tools": {
            "get-secret": { "action": "hide" },
            "echo": { "limits": [ { "counter": "echoes", "window": {{SteadyWindow.Json}}, "max": 2, "scope": "grant" } ] },
            "transfer": { "audit_arguments": true, "deny_if": [ { "arg": "to", "in": ["acct-000"], "reason": "frozen account" } ] } } }
        """;

    private RunningUpstream? _pinnedUpstream;
    private RunningUpstream? _looseUpstream;

    internal Uri PinnedUpstream => _pinnedUpstream!.Endpoint;

    internal Uri LooseUpstream => _looseUpstream!.Endpoint;

    private protected override async Task<GatewayCluster> StartAsync()
    {
        _pinnedUpstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync("pinned-upstream"));
        _looseUpstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync("loose-upstream"));
        var loose = UpstreamSpec.Http(_looseUpstream.Endpoint, RiskPolicy);
        loose.Settings["Pin"] = false;
        return await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec> { ["pinned"] = UpstreamSpec.Http(_pinnedUpstream.Endpoint, RiskPolicy), ["loose"] = loose },
            new Dictionary<string, string[]> { ["agent"] = ["pinned", "loose"], ["auditor"] = ["pinned"] });
    }
}
