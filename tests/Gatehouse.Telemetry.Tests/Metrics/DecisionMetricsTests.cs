using System.Diagnostics.Metrics;
using Gatehouse.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;

namespace Gatehouse.Telemetry.Tests.Metrics;

/// <summary>The Gatehouse instruments move by exactly what the calls decided, measured as deltas on the Meter of the replica the agent calls.</summary>
[Collection(TelemetryClusterCollection.Name)]
public sealed class DecisionMetricsTests(TelemetryCluster cluster)
{
    private const int EchoCalls = 3;
    private const int DeniedCalls = 2;
    private const int RateLimitedCalls = 3;
    private const int AddCalls = TestPolicies.AddMax + RateLimitedCalls;
    private const int AllowedCalls = EchoCalls + TestPolicies.AddMax;
    private const int AllCalls = AllowedCalls + DeniedCalls + RateLimitedCalls;

    private static readonly (string, string) Metered = (TelemetryAttributes.Upstream, GatewayFiles.MeteredUpstream);

    [Fact]
    public async Task Decisions_refusals_and_durations_move_by_exactly_the_calls_made()
    {
        using var log = new MeasurementLog(cluster.Replicas[1].Services.GetRequiredService<IMeterFactory>());
        await using var agent = await Agents.ConnectAsync(cluster.Replicas[1], GatewayFiles.MeteredUpstream, cluster.TokenOf(GatewayFiles.MetricsGrant));

        var actions = new List<string?>();
        for (var i = 0; i < EchoCalls; i++)
        {
            actions.Add((await agent.CallToolAsync("echo", new Dictionary<string, object?> { ["message"] = "m" })).DecisionAction() ?? "allow");
        }

        for (var i = 0; i < DeniedCalls; i++)
        {
            actions.Add((await agent.CallToolAsync("get-secret")).DecisionAction());
        }

        for (var i = 0; i < AddCalls; i++)
        {
            actions.Add((await agent.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 })).DecisionAction() ?? "allow");
        }

        Assert.Equal(
            [.. Enumerable.Repeat("allow", EchoCalls), .. Enumerable.Repeat("deny", DeniedCalls), .. Enumerable.Repeat("allow", TestPolicies.AddMax), .. Enumerable.Repeat("rate_limited", RateLimitedCalls)],
            actions);

        Assert.Equal(AllCalls, log.Sum("gatehouse.decisions", Metered));
        Assert.Equal(AllowedCalls, log.Sum("gatehouse.decisions", Metered, (TelemetryAttributes.Decision, "allow")));
        Assert.Equal(DeniedCalls, log.Sum("gatehouse.decisions", Metered, (TelemetryAttributes.Decision, "deny")));
        Assert.Equal(RateLimitedCalls, log.Sum("gatehouse.decisions", Metered, (TelemetryAttributes.Decision, "rate_limited")));
        Assert.Equal(AddCalls, log.Sum("gatehouse.decisions", Metered, (TelemetryAttributes.ToolName, "add")));

        Assert.Equal(DeniedCalls + RateLimitedCalls, log.Sum("gatehouse.refusals", Metered));
        Assert.Equal(DeniedCalls, log.Sum("gatehouse.refusals", Metered, (TelemetryAttributes.Decision, "deny")));
        Assert.Equal(RateLimitedCalls, log.Sum("gatehouse.refusals", Metered, (TelemetryAttributes.Decision, "rate_limited")));

        Assert.Equal(AllCalls, log.Of("gatehouse.call.duration", Metered).Count);
        Assert.Equal(AllowedCalls, log.Of("gatehouse.call.duration", Metered, (TelemetryAttributes.Decision, "allow")).Count);
        Assert.Equal(DeniedCalls, log.Of("gatehouse.call.duration", Metered, (TelemetryAttributes.Decision, "deny")).Count);
        Assert.Equal(RateLimitedCalls, log.Of("gatehouse.call.duration", Metered, (TelemetryAttributes.Decision, "rate_limited")).Count);

        // Only add has a limit; a denied call never reaches its limits.
        Assert.Equal(AddCalls, log.Of("gatehouse.counter.duration").Count);

        Assert.True(log.Of("gatehouse.upstream.duration", Metered).Count >= AllowedCalls);
        Assert.Equal(AllowedCalls, log.Of("gatehouse.upstream.duration", Metered, (TelemetryAttributes.McpMethodName, "tools/call"), (TelemetryAttributes.Outcome, "ok")).Count);
        Assert.Empty(log.Of("gatehouse.upstream.errors"));
    }

    [Fact]
    public async Task Upstream_error_answer_is_an_allowed_decision_of_an_other_tool_and_one_upstream_error()
    {
        using var log = new MeasurementLog(cluster.Replicas[0].Services.GetRequiredService<IMeterFactory>());
        await using var agent = await Agents.ConnectAsync(cluster.Replicas[0], GatewayFiles.MeteredUpstream, cluster.TokenOf(GatewayFiles.MetricsGrant));

        // The policy allows every tool it does not name; the upstream has no such tool and answers with a JSON-RPC error.
        await Assert.ThrowsAsync<McpProtocolException>(async () => await agent.CallToolAsync("no-such-tool"));

        // A name neither the upstream nor the policy knows is counted as "other": agents cannot grow the series.
        var tool = (TelemetryAttributes.ToolName, "other");
        Assert.Equal(1, log.Sum("gatehouse.decisions", Metered, tool, (TelemetryAttributes.Decision, "allow")));
        Assert.Equal(1, log.Sum("gatehouse.decisions"));
        Assert.Empty(log.Of("gatehouse.decisions", (TelemetryAttributes.ToolName, "no-such-tool")));
        Assert.Empty(log.Of("gatehouse.refusals"));
        Assert.Equal(1, log.Sum("gatehouse.upstream.errors", Metered, (TelemetryAttributes.ErrorType, "error")));
        Assert.Single(log.Of("gatehouse.upstream.duration", Metered, (TelemetryAttributes.McpMethodName, "tools/call"), (TelemetryAttributes.Outcome, "error")));
        Assert.Single(log.Of("gatehouse.call.duration", Metered));
        Assert.Empty(log.Of("gatehouse.counter.duration"));
    }
}
