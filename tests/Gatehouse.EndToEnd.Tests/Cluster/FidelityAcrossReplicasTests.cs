using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// What flows from an upstream back to the agent works when consecutive requests of one session land on
/// different replicas: the agent's answer to a sampling request may reach another replica than the call
/// that is waiting for it.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class FidelityAcrossReplicasTests(FidelityFixture fixture)
{
    private static AdminApi Admin => GatewayConfig.Admin;

    private GatewayCluster Cluster => fixture.Cluster;

    /// <remarks>
    /// Over Streamable HTTP, and as a stdio process of the agent session's own (<c>ProcessPerSession</c>), which lives on
    /// one replica and is reached from the others through its grain.
    /// </remarks>
    [Theory]
    [InlineData("everything", "agent")]
    [InlineData("everything-stdio", "local")]
    public async Task Sampling_elicitation_roots_progress_notifications_and_cancellation_reach_across_replicas(string upstream, string grant)
    {
        var endpoints = Cluster.LiveUrls.Select(url => new Uri(url, $"/mcp/{upstream}"));

        var run = await TypeScriptClusterAgent.RunAsync(endpoints, Cluster.TokenOf(grant));

        Assert.Null(run["error"]);
        Assert.Contains("sampled by the agent", (string?)run["sampling"]);
        Assert.Contains("Ada Lovelace", (string?)run["elicitation"]);
        Assert.Contains("file:///srv/gatehouse-root", (string?)run["roots"]);
        Assert.Equal([1d, 2d, 3d], run["progress"]!.AsArray().Select(p => (double)p!));
        Assert.True((bool)run["updated"]!, "a resource update for the subscription reached the agent");
        Assert.True((bool)run["logged"]!, "a log message reached the agent");
        Assert.True((bool)run["cancelled"]!);
        Assert.Equal("Echo: still here", (string?)run["afterCancel"]);
        Assert.Equal(1, (int)run["seen"]!["sampling"]!);
        Assert.Equal(1, (int)run["seen"]!["elicitation"]!);
        Assert.All(run["perReplica"]!.AsObject(), replica => Assert.True((int)replica.Value! >= 3, $"{replica.Key} served {replica.Value} requests"));
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_upstream_and_keeps_the_budget_it_spent()
    {
        // The TypeScript SDK sends notifications/cancelled (a POST of its own, so usually to another
        // replica than the call's). The C# SDK 2.4.0 client only drops its HTTP request, so it is not used here.
        // The agent cancels when the test tells it to: once the upstream counts the call as running.
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        var counterBefore = UsedOf(await Admin.CountersAsync(Cluster.LiveUrls[0], "agent"), "slow_calls");
        var endpoints = string.Join(',', Cluster.LiveUrls.Select(url => new Uri(url, "/mcp/metered")));

        await using var agent = ChildProcess.Start("node", [
            Paths.NodeScript("ts-cancel-agent.mjs"), "--urls", endpoints, "--token", Cluster.TokenOf("agent"),
            "--tool", "slow", "--args", """{"steps":600,"delayMs":100}"""]);
        await UpstreamCountAsync(before, "slow", agent);
        await agent.WriteLineAsync("cancel");
        var after = await UpstreamCountAsync(before, "slow:cancelled", agent);
        await agent.WriteLineAsync("end");
        await agent.WaitForExitAsync(Eventually.Ceiling);

        Assert.Contains("\"cancelled\":true", agent.StandardOutputLines.LastOrDefault() ?? agent.Output);
        Assert.Equal(before.Of("slow") + 1, after.Of("slow"));
        Assert.Equal(before.Of("slow:cancelled") + 1, after.Of("slow:cancelled"));

        // The cancelled call did run upstream, so the budget it reserved stays spent.
        Assert.Equal(counterBefore + 1, UsedOf(await Admin.CountersAsync(Cluster.LiveUrls[0], "agent"), "slow_calls"));
    }

    /// <summary>The upstream's counts once <paramref name="tool"/> has run once more than <paramref name="before"/> says.</summary>
    private async Task<Dictionary<string, int>> UpstreamCountAsync(Dictionary<string, int> before, string tool, ChildProcess agent) =>
        await Eventually.ValueAsync(
            () => InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint),
            counts => counts.Of(tool) > before.Of(tool),
            counts => $"the upstream counts {counts.Of(tool)} of {tool}, as before. Agent output:\n{agent.Output}");

    [Fact]
    public async Task A_stream_cut_on_one_replica_resumes_on_another_with_last_event_id()
    {
        var replicas = Cluster.LiveUrls;
        var token = Cluster.TokenOf("agent");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var sessionId = await RawMcp.OpenSessionAsync(http, new Uri(replicas[0], "/mcp/metered"), token);

        // A call with progress on replica 2; the agent's connection breaks after two progress events.
        List<(string? Id, string Data)> before;
        using (var call = await http.SendAsync(
            RawMcp.Post(new Uri(replicas[1], "/mcp/metered"), token,
                """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"slow","arguments":{"steps":6,"delayMs":300},"_meta":{"progressToken":"p"}}}""", sessionId),
            HttpCompletionOption.ResponseHeadersRead))
        {
            before = await RawMcp.ReadEventsAsync(call, events => events.Count(e => e.Data.Contains("notifications/progress", StringComparison.Ordinal)) == 2);
        }

        // The agent resumes on replica 3 from the last event it saw, and gets the rest and the result.
        using var resumed = await http.SendAsync(
            RawMcp.Get(new Uri(replicas[2], "/mcp/metered"), token, sessionId, before.Last(e => e.Id is not null).Id!),
            HttpCompletionOption.ResponseHeadersRead);
        var after = await RawMcp.ReadEventsAsync(resumed, events => events.Any(e => e.Data.Contains("\"result\"", StringComparison.Ordinal)));

        var progress = before.Concat(after).Where(e => e.Data.Contains("notifications/progress", StringComparison.Ordinal)).Select(e => e.Data).ToList();
        Assert.Equal(6, progress.Count);
        Assert.Equal(6, progress.Distinct().Count());
        Assert.Contains(after, e => e.Data.Contains("done after 6 steps", StringComparison.Ordinal));

        // Event ids name their stream: every one of this call's events carries the same session and stream parts.
        var stream = string.Join(':', before.First(e => e.Id is not null).Id!.Split(':')[..2]);
        Assert.All(before.Concat(after).Where(e => e.Id is not null), e => Assert.StartsWith(stream + ":", e.Id, StringComparison.Ordinal));
    }

    private static int UsedOf(System.Text.Json.Nodes.JsonArray counters, string counter) =>
        (int)(decimal)counters.Single(c => (string?)c!["counter"] == counter && (string?)c["upstream"] == "metered")!["used"]!;
}
