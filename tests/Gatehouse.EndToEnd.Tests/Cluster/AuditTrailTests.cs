using System.Net;
using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>Calls made through three replicas leave exactly one audit row each in PostgreSQL, with no argument values unless the policy asks.</summary>
[Collection(nameof(CatalogCollection))]
public sealed class AuditTrailTests(CatalogFixture fixture)
{
    private GatewayCluster Cluster => fixture.Cluster;

    /// <summary>A call made after the ones under test, through each replica: each replica writes its audit rows in order, so once its marker is stored, every row it had for the calls before is too.</summary>
    private const string Marker = "annotated-read";

    private async Task<JsonArray> AuditAsync() =>
        (await GatewayConfig.Admin.GetAsync(Cluster.LiveUrls[1], "/admin/audit?grant=auditor&pageSize=100"))["entries"]!.AsArray();

    private async Task CallAsync(int replica, string tool, params (string Name, object? Value)[] arguments)
    {
        await using var agent = await Agents.ConnectAsync(new Uri(Cluster.LiveUrls[replica], "/mcp/pinned"), Cluster.TokenOf("auditor"));
        try
        {
            await agent.CallToolAsync(tool, Args(arguments));
        }
        catch (McpProtocolException)
        {
            // A hidden tool is answered as unknown; its decision is still recorded.
        }
    }

    [Fact]
    public async Task Every_decision_on_any_replica_is_one_row_with_its_rule_and_version_and_no_argument_values()
    {
        await CallAsync(0, "echo", ("message", "s3cret-one"));
        await CallAsync(1, "echo", ("message", "s3cret-two"));
        await CallAsync(2, "echo", ("message", "s3cret-three"));
        await CallAsync(0, "get-secret");
        await CallAsync(1, "annotated-destroy");
        await CallAsync(2, "transfer", ("amount", 5), ("to", "acct-000"));
        await CallAsync(0, "transfer", ("amount", 7), ("to", "acct-123"));

        for (var replica = 0; replica < Cluster.LiveUrls.Count; replica++)
        {
            await CallAsync(replica, Marker);
        }

        var written = await Eventually.ValueAsync(
            AuditAsync,
            e => e.Count(entry => (string?)entry!["tool"] == Marker) == Cluster.LiveUrls.Count,
            e => $"a marker row from each of the {Cluster.LiveUrls.Count} replicas; the audit holds {e.ToJsonString()}");
        var entries = new JsonArray([.. written.Where(entry => (string?)entry!["tool"] != Marker).Select(entry => entry!.DeepClone())]);

        Assert.Equal(7, entries.Count);
        var rows = entries.Select(e => ((string?)e!["tool"], (string?)e["action"], (string?)e["rulePointer"])).Reverse().ToList();
        Assert.Equal(
            [
                ("echo", "allow", "/tools/echo"), ("echo", "allow", "/tools/echo"), ("echo", "rate_limited", "/tools/echo/limits/0"),
                ("get-secret", "hidden", "/tools/get-secret/action"), ("annotated-destroy", "deny", "/risk_defaults/high"),
                ("transfer", "deny", "/tools/transfer/deny_if/0"), ("transfer", "allow", "/tools/transfer"),
            ],
            rows);
        Assert.DoesNotContain("s3cret", entries.ToJsonString(), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.Equal("1@r1", (string?)e!["policyVersion"]));
        Assert.Equal(3, entries.Select(e => (string?)e!["replica"]).Distinct().Count());

        var echoes = entries.Where(e => (string?)e!["tool"] == "echo").ToList();
        Assert.All(echoes, e => Assert.Equal(["message"], e!["argumentNames"]!.AsArray().Select(n => (string?)n)));
        Assert.All(echoes, e => Assert.Null(e!["arguments"]));
        Assert.Equal(3, echoes.Select(e => (string?)e!["argumentsSha256"]).Distinct().Count());

        var allowed = entries.Where(e => (string?)e!["action"] == "allow").ToList();
        Assert.All(allowed, e => Assert.Equal(0, (int?)e!["upstreamStatus"]));
        Assert.All(allowed, e => Assert.True((double?)e!["upstreamLatencyMs"] > 0));
        Assert.All(allowed, e => Assert.Equal(32, ((string?)e!["traceId"])?.Length));
        Assert.All(entries.Except(allowed), e => Assert.Null(e!["upstreamStatus"]));

        var paid = entries.Single(e => (string?)e!["tool"] == "transfer" && (string?)e["action"] == "allow");
        Assert.Equal("acct-123", (string?)paid!["arguments"]!["to"]);
        Assert.Equal(7, (int?)paid["arguments"]!["amount"]);
    }
}
