using System.Net;
using Gatehouse.Telemetry.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.Telemetry.Tests.Metrics;

/// <summary><c>/metrics</c> serves the Gatehouse instruments under the names documented in <see cref="GatehouseTelemetry"/>.</summary>
[Collection(TelemetryClusterCollection.Name)]
public sealed class PrometheusScrapeTests(TelemetryCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Metrics_endpoint_serves_the_gatehouse_instruments_under_their_prometheus_names()
    {
        var replica = cluster.Replicas[0];
        string scrape;
        await using (var agent = await Agents.ConnectAsync(replica, GatewayFiles.MeteredUpstream, cluster.TokenOf(GatewayFiles.ScrapeGrant)))
        {
            // One allowed call under a limit (a decision, a counter round trip, an upstream request) and one refusal.
            Assert.Null((await agent.CallToolAsync("add", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 })).DecisionAction());
            Assert.Equal("deny", (await agent.CallToolAsync("get-secret")).DecisionAction());

            using var http = new HttpClient();
            using var response = await http.GetAsync(new Uri(replica.BaseUrl, "/metrics"));
            scrape = await response.EnsureStatusAsync(HttpStatusCode.OK);
        }

        var lines = scrape.Split('\n');
        output.WriteLine(string.Join('\n', lines.Where(line => line.Contains("gatehouse_", StringComparison.Ordinal) && !line.Contains("_bucket{", StringComparison.Ordinal))));

        Assert.Contains("# TYPE gatehouse_decisions_total counter", lines);
        Assert.Contains(lines, Sample("gatehouse_decisions_total", "gatehouse_decision=\"allow\"", "gatehouse_upstream=\"metered\"", "gen_ai_tool_name=\"add\""));
        Assert.Contains(lines, Sample("gatehouse_decisions_total", "gatehouse_decision=\"deny\"", "gen_ai_tool_name=\"get-secret\""));
        Assert.Contains("# TYPE gatehouse_refusals_total counter", lines);
        Assert.Contains(lines, Sample("gatehouse_refusals_total", "gatehouse_decision=\"deny\"", "gatehouse_upstream=\"metered\""));
        Assert.Contains("# TYPE gatehouse_call_duration_seconds histogram", lines);
        Assert.Contains(lines, Sample("gatehouse_call_duration_seconds_count", "gatehouse_decision=\"allow\"", "gatehouse_upstream=\"metered\""));
        Assert.Contains("# TYPE gatehouse_counter_duration_seconds histogram", lines);
        Assert.Contains(lines, Sample("gatehouse_counter_duration_seconds_count"));
        Assert.Contains("# TYPE gatehouse_upstream_duration_seconds histogram", lines);
        Assert.Contains(lines, Sample("gatehouse_upstream_duration_seconds_count", "gatehouse_outcome=\"ok\"", "mcp_method_name=\"tools/call\""));
        Assert.Contains("# TYPE gatehouse_sessions_active gauge", lines);
    }

    /// <summary>A sample line of <paramref name="metric"/> carrying every one of <paramref name="labels"/> (next to the otel_scope_* labels).</summary>
    private static Predicate<string> Sample(string metric, params string[] labels) =>
        line => line.StartsWith(metric + "{", StringComparison.Ordinal) && labels.All(label => line.Contains(label, StringComparison.Ordinal));
}
