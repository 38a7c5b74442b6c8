using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Three replicas on PostgreSQL in front of the C# test upstream (as <c>bank</c>), under a policy that holds calls for approval.</summary>
public sealed class ApprovalFixture : IAsyncLifetime
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

    internal GatewayCluster Cluster { get; private set; } = null!;

    internal Uri UpstreamEndpoint => _upstream!.Endpoint;

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartTestUpstreamAsync();
            Cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["bank"] = UpstreamSpec.Http(_upstream.Endpoint, Policy) },
                new Dictionary<string, string[]> { ["agent"] = ["bank"] });
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
