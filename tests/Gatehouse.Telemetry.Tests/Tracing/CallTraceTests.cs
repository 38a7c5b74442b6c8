using System.Diagnostics;
using System.Globalization;
using Gatehouse.Telemetry.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.Telemetry.Tests.Tracing;

/// <summary>
/// One agent call through a two-silo cluster is one trace: from the agent's span, through the
/// replica it called, the counter grain on the other silo, to the upstream.
/// </summary>
[Collection(TelemetryClusterCollection.Name)]
public sealed class CallTraceTests(TelemetryCluster cluster, ITestOutputHelper output)
{
    private const string Tool = "trace";
    private const string CallSpan = "tools/call " + Tool;

    [Fact]
    public async Task Agent_call_is_one_trace_from_the_agent_through_the_counter_grain_on_the_other_silo_to_the_upstream()
    {
        var call = await CallThroughTheOtherSiloAsync();
        // Some spans end after the agent has its answer (the POST's, when the response is complete):
        // wait for them, and for the trace to have no gap (every span's parent recorded, up to the agent's).
        var trace = await cluster.Spans.TraceAsync(call.Agent.TraceId, tree =>
            tree.From(SpanSources.AspNetCore, ActivityKind.Server).Any()
            && tree.From(SpanSources.Mcp, ActivityKind.Server).Any()
            && tree.Named(GatehouseTelemetry.Name, CallSpan).Any()
            && tree.Spans.All(span => span.SpanId == call.Agent.SpanId || tree.ParentOf(span) is not null));
        output.WriteLine(trace.Render());

        // Every span of the call is in the agent's trace.
        var window = cluster.Spans.Snapshot().Where(span => span.StartTimeUtc >= call.Started && span.StartTimeUtc <= call.Ended).ToList();
        Assert.Contains(window, IsPartOfACall);
        Assert.All(window.Where(IsPartOfACall), span => Assert.Equal(call.Agent.TraceId, span.TraceId));

        // The POST reached Gatehouse as a child of the agent's HTTP request, within the agent's span.
        var post = Assert.Single(trace.From(SpanSources.AspNetCore, ActivityKind.Server));
        Assert.Equal("POST", post.GetTagItem("http.request.method"));
        Assert.Equal(SpanSources.HttpClient, trace.ParentOf(post)?.Source.Name);
        Assert.True(trace.IsDescendantOf(post, call.Agent));

        // The MCP server span continues the agent's MCP span (the traceparent in _meta) and links to the POST.
        var gatehouseCall = Assert.Single(trace.Named(GatehouseTelemetry.Name, CallSpan));
        var mcpServer = trace.ParentOf(gatehouseCall);
        Assert.NotNull(mcpServer);
        Assert.Equal((SpanSources.Mcp, ActivityKind.Server), (mcpServer.Source.Name, mcpServer.Kind));
        Assert.Contains(mcpServer.Links, link => link.Context.SpanId == post.SpanId);
        Assert.True(trace.IsDescendantOf(gatehouseCall, call.Agent));

        AssertCallAttributes(gatehouseCall, call.SessionId);
        var (counters, upstream) = AssertGatehouseChildren(trace, gatehouseCall);
        AssertCounterGrainCrossedSilos(trace, counters, call.EntrySiloPort);
        AssertUpstreamContinuedTheTrace(trace, upstream, call.Answer, call.Agent.TraceId);
        AssertNoSecretInAnySpan();
    }

    [Fact]
    public async Task Agent_that_sends_only_a_traceparent_header_has_its_trace_continued_to_the_upstream()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var agentSpanId = ActivitySpanId.CreateRandom();
        await using var agent = await HeaderOnlyAgent.ConnectAsync(cluster.Replicas[0], GatewayFiles.TracedUpstream, cluster.TokenOf(GatewayFiles.TraceGrant));

        var answer = TraceAnswer.From((string)(await agent.CallToolAsync(Tool, $"00-{traceId}-{agentSpanId}-01"))["content"]![0]!["text"]!);

        // The agent's own span is not recorded here (it lives in the agent): the POST's span is the root.
        var trace = await cluster.Spans.TraceAsync(traceId, tree =>
            tree.From(SpanSources.AspNetCore, ActivityKind.Server).Any()
            && tree.Named(GatehouseTelemetry.Name, CallSpan).Any()
            && tree.Spans.Count(span => tree.ParentOf(span) is null) == 1);
        output.WriteLine(trace.Render());
        var post = Assert.Single(trace.From(SpanSources.AspNetCore, ActivityKind.Server));
        Assert.Equal(agentSpanId, post.ParentSpanId);
        Assert.Null(trace.ParentOf(post));

        // Without a trace context in _meta, the MCP server span is the POST's child, and the call's span below it.
        var gatehouseCall = Assert.Single(trace.Named(GatehouseTelemetry.Name, CallSpan));
        var mcpServer = trace.ParentOf(gatehouseCall);
        Assert.NotNull(mcpServer);
        Assert.Equal((SpanSources.Mcp, ActivityKind.Server, post.SpanId), (mcpServer.Source.Name, mcpServer.Kind, mcpServer.ParentSpanId));
        AssertCallAttributes(gatehouseCall, agent.SessionId);
        var (_, upstream) = AssertGatehouseChildren(trace, gatehouseCall);
        AssertUpstreamContinuedTheTrace(trace, upstream, answer, traceId);
        AssertNoSecretInAnySpan();
    }

    /// <summary>
    /// Activates the counter grain (through the admin API), then makes one call of <c>trace</c> from
    /// within an agent span through the replica whose silo does not hold the counter.
    /// </summary>
    private async Task<AgentCall> CallThroughTheOtherSiloAsync()
    {
        var counters = await new AdminApi(cluster.Files.AdminToken).CountersAsync(cluster.Replicas[0].BaseUrl, GatewayFiles.TraceGrant);
        var counterSilo = AdminApi.SiloPortOf(counters, "trace_calls");
        Assert.Contains(cluster.Replicas, replica => replica.SiloPort == counterSilo);
        var entry = cluster.Replicas.Single(replica => replica.SiloPort != counterSilo);
        await using var agent = await Agents.ConnectAsync(entry, GatewayFiles.TracedUpstream, cluster.TokenOf(GatewayFiles.TraceGrant));

        var started = DateTime.UtcNow;
        using var agentSpan = AgentActivity.Source.StartActivity("agent task");
        Assert.NotNull(agentSpan);
        var answer = TraceAnswer.From(await agent.CallToolAsync(Tool));
        agentSpan.Stop();
        return new AgentCall(agentSpan, agent.SessionId!, entry.SiloPort, answer, started, DateTime.UtcNow);
    }

    /// <summary>Spans one agent call makes, whichever trace they end up in: Gatehouse's, the POSTs to its MCP endpoint, the counter grain calls.</summary>
    private static bool IsPartOfACall(Activity span) =>
        span.Source.Name == GatehouseTelemetry.Name
        || (span.Source.Name == SpanSources.AspNetCore && Equals(span.GetTagItem("http.request.method"), "POST") && Equals(span.GetTagItem("url.path"), $"/mcp/{GatewayFiles.TracedUpstream}"))
        || (span.Source.Name == SpanSources.OrleansApplication && span.DisplayName.StartsWith("ICounterGrain/", StringComparison.Ordinal));

    private static void AssertCallAttributes(Activity gatehouseCall, string sessionId)
    {
        Assert.Equal("tools/call", gatehouseCall.GetTagItem(TelemetryAttributes.McpMethodName));
        Assert.Equal(Tool, gatehouseCall.GetTagItem(TelemetryAttributes.ToolName));
        Assert.Equal(GatewayFiles.TracedUpstream, gatehouseCall.GetTagItem(TelemetryAttributes.Upstream));
        Assert.Equal(GatewayFiles.TraceGrant, gatehouseCall.GetTagItem(TelemetryAttributes.Grant));
        Assert.Equal(sessionId, gatehouseCall.GetTagItem(TelemetryAttributes.McpSessionId));
        Assert.Equal("allow", gatehouseCall.GetTagItem(TelemetryAttributes.Decision));
        Assert.Equal(Tool, gatehouseCall.GetTagItem(TelemetryAttributes.Rule));
    }

    /// <summary>Policy, counters and the upstream request are each one child of the call's span.</summary>
    private static (Activity Counters, Activity Upstream) AssertGatehouseChildren(SpanTree trace, Activity gatehouseCall)
    {
        var children = trace.ChildrenOf(gatehouseCall).Where(span => span.Source.Name == GatehouseTelemetry.Name).ToList();
        Assert.Equal(["gatehouse policy", "gatehouse counters", "upstream tools/call"], children.OrderBy(span => span.StartTimeUtc).Select(span => span.DisplayName));
        var upstream = children[2];
        Assert.Equal(ActivityKind.Client, upstream.Kind);
        Assert.Equal(GatewayFiles.TracedUpstream, upstream.GetTagItem(TelemetryAttributes.Upstream));
        Assert.Equal("tools/call", upstream.GetTagItem(TelemetryAttributes.McpMethodName));
        return (children[1], upstream);
    }

    /// <summary>
    /// The counter grain call has both sides in the trace: the client span of the calling silo under
    /// <c>gatehouse counters</c>, and under it the server span of the silo holding the counter, which
    /// names the calling silo as its source.
    /// </summary>
    private static void AssertCounterGrainCrossedSilos(SpanTree trace, Activity counters, int entrySiloPort)
    {
        var grainKey = $"counter/grant:{GatewayFiles.TraceGrant}/{GatewayFiles.TracedUpstream}/trace_calls";
        var client = Assert.Single(trace.From(SpanSources.OrleansApplication, ActivityKind.Client), span => Equals(span.GetTagItem("orleans.rpc.target_id"), grainKey));
        Assert.Equal("ICounterGrain/TryAcquireAsync", client.DisplayName);
        Assert.True(trace.IsDescendantOf(client, counters));
        var server = Assert.Single(trace.ChildrenOf(client));
        Assert.Equal((SpanSources.OrleansApplication, ActivityKind.Server), (server.Source.Name, server.Kind));
        Assert.Equal(grainKey, server.GetTagItem("orleans.rpc.target_id"));
        Assert.Contains($"127.0.0.1:{entrySiloPort.ToString(CultureInfo.InvariantCulture)}@", server.GetTagItem("orleans.rpc.source_id") as string, StringComparison.Ordinal);
    }

    /// <summary>
    /// The upstream got the trace in both places: the HTTP header names Gatehouse's HTTP request, the
    /// <c>_meta</c> names the MCP client span of Gatehouse's upstream connection; both under <c>upstream tools/call</c>.
    /// </summary>
    private static void AssertUpstreamContinuedTheTrace(SpanTree trace, Activity upstream, TraceAnswer answer, ActivityTraceId traceId)
    {
        Assert.Equal(traceId, answer.HeaderContext.TraceId);
        Assert.Equal(traceId, answer.MetaContext.TraceId);
        var http = Assert.Single(trace.Spans, span => span.SpanId == answer.HeaderContext.SpanId);
        Assert.Equal((SpanSources.HttpClient, ActivityKind.Client), (http.Source.Name, http.Kind));
        Assert.True(trace.IsDescendantOf(http, upstream));
        var mcpClient = Assert.Single(trace.Spans, span => span.SpanId == answer.MetaContext.SpanId);
        Assert.Equal((SpanSources.Mcp, ActivityKind.Client, CallSpan), (mcpClient.Source.Name, mcpClient.Kind, mcpClient.DisplayName));
        Assert.True(trace.IsDescendantOf(mcpClient, upstream));
    }

    /// <summary>No recorded span, of any trace, carries a bearer token: neither an agent's nor the admin's.</summary>
    private void AssertNoSecretInAnySpan()
    {
        string[] secrets = [.. cluster.Files.Tokens.Values, cluster.Files.AdminToken];
        var spans = cluster.Spans.Snapshot();
        Assert.NotEmpty(spans);
        Assert.All(spans, span => Assert.DoesNotContain(
            SpanText.Of(span),
            text => secrets.Any(secret => text.Contains(secret, StringComparison.Ordinal))));
    }

    private sealed record AgentCall(Activity Agent, string SessionId, int EntrySiloPort, TraceAnswer Answer, DateTime Started, DateTime Ended);
}
