using System.Net;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>A call held for a human is never lost with a replica (a cluster of its own: the test kills one).</summary>
public sealed class ApprovalFailoverTests(ApprovalFixture fixture) : IClassFixture<ApprovalFixture>
{
    private GatewayCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_pending_approval_outlives_the_replica_that_received_the_call()
    {
        var before = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
        var arguments = Args(("amount", 99), ("to", "acct-9"));
        var first = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[0], "/mcp/bank"), Cluster.TokenOf("agent"));
        _ = first.CallToolAsync("transfer", arguments).AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default);
        var pending = await ApprovalTests.PendingAsync(Cluster.LiveUrls[1], "transfer");

        Cluster.Replicas[0].Kill();
        await Cluster.Replicas[0].WaitForExitAsync(Eventually.Ceiling);
        await first.DisposeAsync();

        // The agent retries the same call on a replica still alive: it joins the pending approval.
        await using var agent = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[0], "/mcp/bank"), Cluster.TokenOf("agent"));
        var retried = agent.CallToolAsync("transfer", arguments).AsTask();
        var still = await ApprovalTests.PendingAsync(Cluster.LiveUrls[1], "transfer");
        await GatewayConfig.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, Cluster.LiveUrls[1], $"/admin/approvals/{still["id"]}/approve");
        var result = await retried;

        Assert.Equal((string?)pending["id"], (string?)still["id"]);
        Assert.Equal("transferred 99 to acct-9", result.Text());
        Assert.Equal(before.Of("transfer") + 1, (await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint)).Of("transfer"));
    }
}
