using Gatehouse.EndToEnd.Tests.Infrastructure;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Policy;

[Collection(CoreGatewayCollection.Name)]
public sealed class RateLimitTests(CoreGatewayFixture fixture)
{
    [Fact]
    public async Task Eleventh_call_of_a_ten_per_window_counter_is_rate_limited_with_a_retry_after()
    {
        // The window lasts the run, so however slowly the eleven calls run they fall in one window.
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        await using var agent = await fixture.Gateway.ConnectAsync("limited", "rate");

        for (var i = 1; i <= 10; i++)
        {
            var admitted = await agent.CallToolAsync("add", Args(("a", i), ("b", 1)));
            Assert.NotEqual(true, admitted.IsError);
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), admitted.Text());
        }

        var refused = await agent.CallToolAsync("add", Args(("a", 1), ("b", 1)));

        Assert.True(refused.IsError);
        var decision = refused.Decision();
        Assert.NotNull(decision);
        Assert.Equal("rate_limited", (string?)decision["action"]);
        Assert.Equal("adds", (string?)decision["rule"]);
        var retryAfter = (int)decision["retryAfterSeconds"]!;
        Assert.InRange(retryAfter, 1, SteadyWindow.Seconds);
        Assert.Contains($"10 per {SteadyWindow.Label}", refused.Text());
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(10, after.Of("add") - before.Of("add"));
    }

    [Fact]
    public async Task Two_tools_naming_one_counter_share_its_budget()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("limited", "shared");

        var first = await agent.CallToolAsync("echo", Args(("message", "1")));
        var second = await agent.CallToolAsync("annotated-read");
        var third = await agent.CallToolAsync("echo", Args(("message", "3")));
        var fourth = await agent.CallToolAsync("annotated-read");
        var fifth = await agent.CallToolAsync("echo", Args(("message", "5")));

        Assert.All([first, second, third], result => Assert.NotEqual(true, result.IsError));
        Assert.Equal("rate_limited", (string?)fourth.Decision()?["action"]);
        Assert.Equal("shared", (string?)fourth.Decision()?["rule"]);
        Assert.Equal("rate_limited", (string?)fifth.Decision()?["action"]);
    }

    [Fact]
    public async Task Session_scope_counts_each_session_apart()
    {
        await using var first = await fixture.Gateway.ConnectAsync("scoped", "agent-a");
        await using var second = await fixture.Gateway.ConnectAsync("scoped", "agent-a");

        var a1 = await first.CallToolAsync("echo", Args(("message", "a")));
        var a2 = await first.CallToolAsync("echo", Args(("message", "b")));
        var a3 = await first.CallToolAsync("echo", Args(("message", "c")));
        var b1 = await second.CallToolAsync("echo", Args(("message", "d")));

        Assert.NotEqual(true, a1.IsError);
        Assert.NotEqual(true, a2.IsError);
        Assert.Equal("rate_limited", (string?)a3.Decision()?["action"]);
        Assert.NotEqual(true, b1.IsError);
    }

    [Fact]
    public async Task Grant_scope_is_shared_by_a_grants_sessions_and_apart_between_grants()
    {
        await using var aFirst = await fixture.Gateway.ConnectAsync("scoped", "agent-a");
        await using var aSecond = await fixture.Gateway.ConnectAsync("scoped", "agent-a");
        await using var b = await fixture.Gateway.ConnectAsync("scoped", "agent-b");

        var a1 = await aFirst.CallToolAsync("add", Args(("a", 1), ("b", 1)));
        var a2 = await aSecond.CallToolAsync("add", Args(("a", 1), ("b", 1)));
        var a3 = await aFirst.CallToolAsync("add", Args(("a", 1), ("b", 1)));
        var b1 = await b.CallToolAsync("add", Args(("a", 1), ("b", 1)));

        Assert.NotEqual(true, a1.IsError);
        Assert.NotEqual(true, a2.IsError);
        Assert.Equal("rate_limited", (string?)a3.Decision()?["action"]);
        Assert.Equal("per_grant", (string?)a3.Decision()?["rule"]);
        Assert.NotEqual(true, b1.IsError);
    }
}
