using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Calls held for a human: decided through any replica, forwarded once, and never lost with a replica.</summary>
public sealed class ApprovalTests : IAsyncLifetime
{
    private const string Policy = """
        {
          "version": "1",
          "default": "allow",
          "tools": {
            "transfer": { "action": "approve", "approval": { "timeout": 60 } },
            "add":      { "action": "approve", "approval": { "timeout": 2 } },
            "echo":     { "action": "approve", "approval": { "timeout": 60, "by": "user" } }
          }
        }
        """;

    private RunningUpstream? _upstream;
    private GatewayCluster? _cluster;

    private GatewayCluster Cluster => _cluster!;

    public async Task InitializeAsync()
    {
        try
        {
            _upstream = await UpstreamServers.StartTestUpstreamAsync();
            _cluster = await GatewayCluster.StartAsync(
                replicas: 3,
                new Dictionary<string, UpstreamSpec> { ["bank"] = UpstreamSpec.Http(_upstream.Endpoint, Policy) },
                new Dictionary<string, string[]> { ["agent"] = ["bank"] });
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }
    }

    private async Task<JsonObject> PendingAsync(Uri replica, string tool)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var (_, body) = await AdminApi.SendAsync(HttpMethod.Get, replica, "/admin/approvals");
            if (body!["approvals"]!.AsArray().FirstOrDefault(a => (string?)a!["tool"] == tool) is JsonObject pending)
            {
                return pending;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no pending approval for {tool}");
    }

    private Task<McpClient> ConnectToAsync(int replica, McpClientOptions? options = null) =>
        Agents.ConnectAsync(new Uri(Cluster.LiveUrls[replica], "/mcp/bank"), Cluster.TokenOf("agent"), options: options);

    [Fact]
    public async Task A_held_call_approved_through_another_replica_runs_once_and_the_same_call_needs_a_new_approval()
    {
        var before = await InvocationCounts.ReadAsync(_upstream!.Endpoint);
        await using var agent = await ConnectToAsync(0);
        var arguments = Args(("amount", 10), ("to", "acct-7"));

        var held = agent.CallToolAsync("transfer", arguments).AsTask();
        var pending = await PendingAsync(Cluster.LiveUrls[1], "transfer");
        var (approved, _) = await AdminApi.SendAsync(HttpMethod.Post, Cluster.LiveUrls[2], $"/admin/approvals/{pending["id"]}/approve");
        var result = await held;

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("transferred 10 to acct-7", result.Text());
        Assert.Equal(10, (int)pending["arguments"]!["amount"]!);
        var after = await InvocationCounts.ReadAsync(_upstream.Endpoint);
        Assert.Equal(before.Of("transfer") + 1, after.Of("transfer"));

        // The same call again is held anew; denied, it never runs.
        var again = agent.CallToolAsync("transfer", arguments).AsTask();
        var second = await PendingAsync(Cluster.LiveUrls[0], "transfer");
        await AdminApi.SendAsync(HttpMethod.Post, Cluster.LiveUrls[1], $"/admin/approvals/{second["id"]}/deny");
        var refused = await again;

        Assert.Equal((string?)pending["id"], (string?)second["id"]);
        Assert.Equal("approval_denied", (string?)refused.Decision()?["action"]);
        Assert.Equal(after.Of("transfer"), (await InvocationCounts.ReadAsync(_upstream.Endpoint)).Of("transfer"));
    }

    [Fact]
    public async Task An_undecided_call_times_out()
    {
        await using var agent = await ConnectToAsync(1);

        var result = await agent.CallToolAsync("add", Args(("a", 1), ("b", 2)));

        Assert.True(result.IsError);
        Assert.Equal("approval_timeout", (string?)result.Decision()?["action"]);
        Assert.Equal("add", (string?)result.Decision()?["rule"]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Approval_by_the_user_asks_the_agents_own_human(bool approves)
    {
        var asked = 0;
        var options = new McpClientOptions
        {
            ProtocolVersion = "2025-11-25",
            Handlers = new McpClientHandlers
            {
                ElicitationHandler = (request, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(approves
                        ? new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { ["approve"] = JsonSerializer.SerializeToElement(true) } }
                        : new ElicitResult { Action = "decline" });
                },
            },
        };
        await using var agent = await ConnectToAsync(2, options);

        var result = await agent.CallToolAsync("echo", Args(("message", approves ? "yes" : "no")));

        Assert.Equal(1, asked);
        if (approves)
        {
            Assert.Equal("echo: yes", result.Text());
        }
        else
        {
            Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        }
    }

    [Fact]
    public async Task Approval_by_the_user_of_a_client_that_cannot_ask_is_refused_and_leaves_nothing_pending()
    {
        await using var agent = await ConnectToAsync(1);

        var result = await agent.CallToolAsync("echo", Args(("message", "nobody to ask")));
        var (_, approvals) = await AdminApi.SendAsync(HttpMethod.Get, Cluster.LiveUrls[0], "/admin/approvals");

        Assert.Equal("approval_denied", (string?)result.Decision()?["action"]);
        Assert.Contains("no elicitation", result.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("nobody to ask", approvals!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pending_approval_outlives_the_replica_that_received_the_call()
    {
        var before = await InvocationCounts.ReadAsync(_upstream!.Endpoint);
        var arguments = Args(("amount", 99), ("to", "acct-9"));
        var first = await ConnectToAsync(0);
        _ = first.CallToolAsync("transfer", arguments).AsTask().ContinueWith(t => t.Exception, TaskScheduler.Default);
        var pending = await PendingAsync(Cluster.LiveUrls[1], "transfer");

        Cluster.Replicas[0].Kill();
        await Cluster.Replicas[0].WaitForExitAsync(TimeSpan.FromSeconds(10));
        await first.DisposeAsync();

        // The agent retries the same call on a replica still alive: it joins the pending approval.
        await using var agent = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[0], "/mcp/bank"), Cluster.TokenOf("agent"));
        var retried = agent.CallToolAsync("transfer", arguments).AsTask();
        var still = await PendingAsync(Cluster.LiveUrls[1], "transfer");
        await AdminApi.SendAsync(HttpMethod.Post, Cluster.LiveUrls[1], $"/admin/approvals/{still["id"]}/approve");
        var result = await retried;

        Assert.Equal((string?)pending["id"], (string?)still["id"]);
        Assert.Equal("transferred 99 to acct-9", result.Text());
        Assert.Equal(before.Of("transfer") + 1, (await InvocationCounts.ReadAsync(_upstream.Endpoint)).Of("transfer"));
    }
}
