using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Policy;

[Collection(CoreGatewayCollection.Name)]
public sealed class PolicyEnforcementTests(CoreGatewayFixture fixture)
{
    [Fact]
    public async Task Allowed_call_returns_the_upstreams_result()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var result = await agent.CallToolAsync("echo", Args(("message", "hello")));

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("echo: hello", result.Text());
    }

    [Fact]
    public async Task Denied_and_hidden_tools_are_left_out_of_the_list()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var names = (await agent.ListToolsAsync()).Select(tool => tool.Name).ToList();

        Assert.Contains("echo", names);
        Assert.Contains("transfer", names);
        Assert.DoesNotContain("get-secret", names);
        Assert.DoesNotContain("annotated-destroy", names);
    }

    [Fact]
    public async Task Denied_tool_is_refused_with_its_reason_and_never_reaches_the_upstream()
    {
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var result = await agent.CallToolAsync("get-secret");

        Assert.True(result.IsError);
        Assert.Contains("exposes server secrets", result.Text());
        Assert.DoesNotContain("s3cret", result.Text());
        var decision = result.Decision();
        Assert.NotNull(decision);
        Assert.Equal("deny", (string?)decision["action"]);
        Assert.Equal("get-secret", (string?)decision["rule"]);
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("get-secret"), after.Of("get-secret"));
    }

    [Fact]
    public async Task Hidden_tool_is_refused_as_unknown()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("annotated-destroy").AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains("Unknown tool", error.Message);
    }

    [Fact]
    public async Task Arguments_failing_the_schema_are_refused_as_invalid_arguments()
    {
        var before = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var result = await agent.CallToolAsync("echo", Args(("message", "this message is far longer than twenty characters")));

        Assert.True(result.IsError);
        Assert.Equal("invalid_arguments", (string?)result.Decision()?["action"]);
        Assert.DoesNotContain("far longer", result.Text());
        var after = await InvocationCounts.ReadAsync(fixture.TestUpstreamEndpoint);
        Assert.Equal(before.Of("echo"), after.Of("echo"));
    }

    [Fact]
    public async Task Missing_required_argument_and_deny_if_conditions_refuse_the_call()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var missing = await agent.CallToolAsync("transfer", Args(("amount", 5)));
        var frozen = await agent.CallToolAsync("transfer", Args(("amount", 5), ("to", "acct-000")));
        var fine = await agent.CallToolAsync("transfer", Args(("amount", 5), ("to", "acct-123")));

        Assert.Equal("invalid_arguments", (string?)missing.Decision()?["action"]);
        Assert.Contains("to", missing.Text());
        Assert.Equal("deny", (string?)frozen.Decision()?["action"]);
        Assert.Contains("frozen account", frozen.Text());
        Assert.NotEqual(true, fine.IsError);
        Assert.Equal("transferred 5 to acct-123", fine.Text());
    }
}
