using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on PostgreSQL in front of the C# test upstream (as <c>bank</c>), under a policy that holds calls for approval.</summary>
public sealed class ApprovalFixture : ClusterFixtureBase
{
    private const string Policy = """
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "transfer": { "action": "approve", "approval": { "timeout": 600 } },
            "add":      { "action": "approve", "approval": { "timeout": 2 } },
            "echo":     { "action": "approve", "approval": { "timeout": 60, "by": "user" } }
          }
        }
        """;

    private RunningUpstream? _upstream;

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    private protected override async Task<GatewayCluster> StartAsync()
    {
        _upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
        return await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec> { ["bank"] = UpstreamSpec.Http(_upstream.Endpoint, Policy) },
            new Dictionary<string, string[]> { ["agent"] = ["bank"] });
    }
}
