using System.Diagnostics;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using Xunit.Abstractions;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Upstreams;

[Collection(CoreGatewayCollection.Name)]
public sealed class UpstreamTransportTests(CoreGatewayFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Stdio_upstream_written_with_the_csharp_sdk_serves_calls()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("stdio", "alpha");

        var names = (await agent.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var result = await agent.CallToolAsync("add", Args(("a", 2), ("b", 40)));

        Assert.Contains("slow", names);
        Assert.DoesNotContain("get-secret", names);
        Assert.Equal("42", result.Text());
    }

    [Theory]
    [InlineData("everything")]
    [InlineData("everything-http")]
    public async Task Server_everything_serves_calls_and_its_denied_tool_is_refused(string upstream)
    {
        await using var agent = await fixture.Gateway.ConnectAsync(upstream, "alpha");

        var names = (await agent.ListToolsAsync()).Select(tool => tool.Name).ToList();
        var echo = await agent.CallToolAsync("echo", Args(("message", "through the gate")));
        var env = await agent.CallToolAsync("get-env");

        Assert.Contains("echo", names);
        Assert.DoesNotContain("get-env", names);
        Assert.Equal("Echo: through the gate", echo.Text());
        Assert.Equal("deny", (string?)env.Decision()?["action"]);
    }

    [Theory]
    [InlineData("test", "slow", """{"steps":3,"delayMs":50}""")]
    [InlineData("stdio", "slow", """{"steps":3,"delayMs":50}""")]
    [InlineData("everything", "trigger-long-running-operation", """{"duration":1,"steps":3}""")]
    public async Task Progress_notifications_of_a_long_running_tool_reach_the_client(string upstream, string tool, string argumentsJson)
    {
        // The official TypeScript SDK client as the agent. (The C# SDK 2.4.0 client drops a request's
        // last progress notification about half the time even when talking to an upstream directly:
        // it dispatches notifications on separate work items and unregisters the request's handler
        // when the response is processed.)
        var output = await TypeScriptAgent.CallAsync(fixture.Gateway.EndpointOf(upstream), fixture.Gateway.TokenOf("alpha"), tool, argumentsJson, withProgress: true);

        Assert.True(output["error"] is null && output["result"] is not null, $"the call failed: {output.ToJsonString()}");
        Assert.NotEqual(true, (bool?)output["result"]?["isError"]);
        var progress = output["progress"]!.AsArray();
        Assert.Equal([1d, 2d, 3d], progress.Select(p => (double)p!["progress"]!));
        Assert.All(progress, p => Assert.Equal(3d, (double)p!["total"]!));
    }

    [Fact]
    public async Task Unreachable_upstream_gives_a_clear_error()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("down", "alpha");

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("echo", Args(("message", "x"))).AsTask());

        Assert.Contains("'down'", error.Message);
        Assert.Contains("unreachable", error.Message);
    }

    [Fact]
    public async Task An_upstream_session_whose_initialize_loses_its_connection_is_opened_on_a_fresh_one()
    {
        // The agent's name goes upstream in its session's initialize, and only there: the relay drops that request's
        // connection before the upstream answers, as an upstream closing a kept-alive connection just as it is reused does.
        const string name = "agent-whose-initialize-is-dropped";
        fixture.Relay.DropNext(name);
        await using var agent = await Agents.ConnectAsync(
            fixture.Gateway.EndpointOf("relayed"),
            fixture.Gateway.TokenOf("relay"),
            options: new ModelContextProtocol.Client.McpClientOptions { ProtocolVersion = "2025-11-25", ClientInfo = new() { Name = name, Version = "1.0" } });

        var echo = await agent.CallToolAsync("echo", Args(("message", "after a dropped connection")));

        Assert.Equal(1, fixture.Relay.Dropped);
        Assert.Equal("echo: after a dropped connection", echo.Text());
    }

    [Fact]
    public async Task Upstream_answering_garbage_gives_a_clear_error()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("garbage", "alpha");
        var clock = Stopwatch.StartNew();

        // The gateway answers by itself (bounded by the upstream's connect timeout): the ceiling only catches a hang.
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("echo", Args(("message", "x"))).AsTask().WaitAsync(Eventually.Ceiling));

        output.WriteLine($"the error came after {clock.Elapsed.TotalMilliseconds:F0} ms: {error.Message}");
        Assert.Contains("'garbage'", error.Message);
    }

    [Fact]
    public async Task Slow_upstream_gives_a_timeout_error_naming_its_configured_timeout()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("slowpoke", "alpha");
        var clock = Stopwatch.StartNew();

        // The call would take 10 s; the upstream's TimeoutSeconds (2) ends it, and the error says so.
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("slow", Args(("steps", 20), ("delayMs", 500))).AsTask().WaitAsync(Eventually.Ceiling));

        output.WriteLine($"the error came after {clock.Elapsed.TotalMilliseconds:F0} ms: {error.Message}");
        Assert.Contains("did not answer tools/call within 2 s", error.Message);

        // The replica is not stuck: the same upstream still answers.
        Assert.Equal("echo: still here", (await agent.CallToolAsync("echo", Args(("message", "still here")))).Text());
    }

    [Fact]
    public async Task Resources_and_prompts_pass_through()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "alpha");

        var resources = await agent.ListResourcesAsync();
        var hello = await agent.ReadResourceAsync("test://static/hello");
        var prompts = await agent.ListPromptsAsync();
        var greeting = await agent.GetPromptAsync("greet", new Dictionary<string, object?> { ["name"] = "Ada" });
        await agent.PingAsync();

        Assert.Contains(resources, r => r.Uri == "test://static/hello");
        Assert.Contains("hello from the test upstream", string.Concat(hello.Contents.OfType<ModelContextProtocol.Protocol.TextResourceContents>().Select(c => c.Text)));
        Assert.Contains(prompts, p => p.Name == "greet");
        Assert.Contains("Ada", string.Concat(greeting.Messages.Select(m => (m.Content as ModelContextProtocol.Protocol.TextContentBlock)?.Text)));
    }
}
