using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Three replicas on PostgreSQL in front of the C# test upstream (as <c>bank</c>), under a policy that holds calls
/// for approval; and a second test upstream of its own (as <c>desk</c>, grant <c>clerk</c>) whose policy and pins the
/// console's browser tests change, so that nothing they do reaches <c>bank</c> (the rug pull is process-wide).
/// </summary>
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

    private static readonly string DeskPolicy = $$"""
        { "version": "desk-1", "default": "allow",
          "tools": { "echo": { "limits": [ { "counter": "echoes", "window": {{SteadyWindow.Json}}, "max": 5, "scope": "grant" } ] } } }
        """;

    private RunningUpstream? _upstream;
    private RunningUpstream? _deskUpstream;

    /// <summary>Where approval links point (an operator's console behind some proxy; nothing needs to answer there).</summary>
    internal const string ConsoleUrl = "https://console.example.test/console/";

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    internal Uri DeskUpstreamEndpoint => _deskUpstream!.Endpoint;

    private protected override async Task<GatewayCluster> StartAsync()
    {
        _upstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync());
        _deskUpstream = await KeepAsync(UpstreamServers.StartTestUpstreamAsync("desk-upstream"));
        return await GatewayCluster.StartAsync(
            replicas: 3,
            new Dictionary<string, UpstreamSpec>
            {
                ["bank"] = UpstreamSpec.Http(_upstream.Endpoint, Policy),
                ["desk"] = UpstreamSpec.Http(_deskUpstream.Endpoint, DeskPolicy),
            },
            new Dictionary<string, string[]> { ["agent"] = ["bank"], ["clerk"] = ["desk"] },
            configure: gatehouse => gatehouse["Approvals"] = new JsonObject { ["ConsoleUrl"] = ConsoleUrl });
    }
}
