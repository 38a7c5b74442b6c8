using System.Text.Json.Nodes;
using Gatehouse.EndToEnd.Tests.Cluster;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Protocol;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Auth;

/// <summary>
/// <c>scope: "subject"</c>: one budget per end user within a grant, exact across three replicas, with OAuth access
/// tokens from a real OpenID provider; the audit log records each call's subject and client.
/// </summary>
public sealed class SubjectLimitTests(SubjectLimitFixture fixture, ITestOutputHelper output) : IClassFixture<SubjectLimitFixture>
{
    private GatewayCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Each_subject_of_one_grant_gets_exactly_its_own_budget_across_three_replicas()
    {
        var before = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
        var hammers = new Dictionary<string, Hammer>();
        var runs = new List<Task>();
        foreach (var (client, secret) in SubjectLimitFixture.Clients)
        {
            var token = await fixture.Provider.TokenAsync(client, secret, SubjectLimitFixture.Resource);
            var hammer = hammers[client] = new Hammer();
            // Four sessions per subject, each request to the next replica, calling until refused (a sliding day never refills here).
            runs.Add(hammer.RunAsync(() => Cluster.ConnectWithTokenAsync("tools", token), "echo", agents: 4, outcome => ValueTask.FromResult(outcome.Kind == OutcomeKind.Admitted)));
        }

        await Task.WhenAll(runs);

        foreach (var (client, hammer) in hammers)
        {
            output.WriteLine($"{client}: {hammer.Admitted} admitted, {hammer.Refused} refused, {hammer.Errors} errors");
            Assert.Equal(0, hammer.Errors);
            Assert.Equal(SubjectLimitFixture.PerSubject, hammer.Admitted);
            Assert.Equal(4, hammer.Refused);
        }

        var after = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
        Assert.Equal(before.Of("echo") + (2 * SubjectLimitFixture.PerSubject), after.Of("echo"));
        var counters = await GatewayConfig.Admin.GetAsync(Cluster.LiveUrls[2], "/admin/counters?grant=team&subject=alice-app");
        var perUser = counters["counters"]!.AsArray().Single(counter => (string?)counter!["counter"] == "per_user")!;
        Assert.Equal("subject", (string?)perUser["scope"]);
        Assert.Equal(SubjectLimitFixture.PerSubject, (int)perUser["used"]!);
    }

    [Fact]
    public async Task The_upstream_gets_a_token_exchanged_for_it_acting_for_the_end_user_and_never_the_agents_own()
    {
        var (client, secret) = SubjectLimitFixture.Clients.Last();
        var token = await fixture.Provider.TokenAsync(client, secret, SubjectLimitFixture.Resource);
        var (agent, balancer) = await Cluster.ConnectWithTokenAsync("tools", token);
        var (staticAgent, _) = await Cluster.ConnectAsync("tools", "static-team");
        List<JsonNode> seen = [];
        await using (agent)
        await using (staticAgent)
        {
            // One call through each replica: each exchanges (or reuses what it exchanged) on its own.
            foreach (var _ in Cluster.LiveUrls)
            {
                seen.Add(JsonNode.Parse((await agent.CallToolAsync("whoami")).Text())!);
            }

            seen.Add(JsonNode.Parse((await staticAgent.CallToolAsync("whoami")).Text())!);
        }

        foreach (var exchanged in seen.Take(Cluster.LiveUrls.Count))
        {
            Assert.NotEqual(token, (string?)exchanged["bearer"]);
            Assert.True(exchanged["claims"] is JsonObject, $"the upstream saw no exchanged JWT: {exchanged.ToJsonString()}");
            Assert.Equal(client, (string?)exchanged["claims"]!["sub"]);
            Assert.Equal(SubjectLimitFixture.UpstreamAudience, (string?)exchanged["claims"]!["aud"]);
            Assert.Equal(SubjectLimitFixture.ExchangerId, (string?)exchanged["claims"]!["act"]!["sub"]);
        }

        // A static grant token has no end user: the upstream gets the gateway's own credentials (none configured here).
        Assert.Null(seen[^1]["bearer"]);
        Assert.Equal(Cluster.LiveUrls.Count, balancer.Sent.Distinct().Count());
    }

    [Fact]
    public async Task A_2026_agent_is_told_that_what_an_upstream_acting_for_the_end_user_lists_or_reads_is_private()
    {
        var (client, secret) = SubjectLimitFixture.Clients.First();
        var token = await fixture.Provider.TokenAsync(client, secret, SubjectLimitFixture.Resource);
        var endpoint = new Uri(Cluster.LiveUrls[0], "/mcp/tools");
        await using var agent = await Agents.ConnectAsync(endpoint, token, "2026-07-28");
        await using var older = await Agents.ConnectAsync(endpoint, token, "2025-11-25");

        var tools = await agent.ListToolsAsync(new ListToolsRequestParams());
        var templates = await agent.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams());
        var hello = await agent.ReadResourceAsync("test://static/hello");
        var olderTools = await older.ListToolsAsync(new ListToolsRequestParams());

        // The test upstream itself gives these no scope: the gateway marks them, for 2026 agents only.
        Assert.Contains(tools.Tools, tool => tool.Name == "whoami");
        Assert.Equal(CacheScope.Private, tools.CacheScope);
        Assert.Equal(CacheScope.Private, templates.CacheScope);
        Assert.Equal(CacheScope.Private, hello.CacheScope);
        Assert.Null(olderTools.CacheScope);
    }

    [Fact]
    public async Task The_audit_log_records_the_tokens_subject_and_client_never_the_token()
    {
        var (client, secret) = SubjectLimitFixture.Clients.First();
        var token = await fixture.Provider.TokenAsync(client, secret, SubjectLimitFixture.Resource);
        var (agent, _) = await Cluster.ConnectWithTokenAsync("tools", token);
        await using (agent)
        {
            await agent.CallToolAsync("add", ToolResults.Args(("a", 20), ("b", 22)));
        }

        var entry = await Eventually.ValueAsync(
            async () => (await GatewayConfig.Admin.GetAsync(Cluster.LiveUrls[1], "/admin/audit?grant=team&tool=add&pageSize=10"))["entries"]!.AsArray(),
            entries => entries.Count > 0,
            entries => $"{entries.Count} audit rows of add");

        var row = entry.Single()!;
        Assert.Equal(client, (string?)row["subject"]);
        Assert.Equal(client, (string?)row["clientId"]);
        Assert.Equal("allow", (string?)row["action"]);
        Assert.DoesNotContain(token, row.ToJsonString(), StringComparison.Ordinal);
    }
}
