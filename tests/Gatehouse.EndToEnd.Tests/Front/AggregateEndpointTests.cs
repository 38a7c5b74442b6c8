using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary><c>/mcp</c>: every upstream the grant may use, behind one URL.</summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class AggregateEndpointTests(CoreGatewayFixture fixture)
{
    /// <summary>Every page of the aggregate tool list, following cursors to the end.</summary>
    private static async Task<List<string>> AllToolNamesAsync(McpClient agent)
    {
        var names = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await agent.SendRequestAsync<ListToolsRequestParams, ListToolsResult>(
                RequestMethods.ToolsList, new ListToolsRequestParams { Cursor = cursor }, McpJsonUtilities.DefaultOptions);
            names.AddRange(page.Tools.Select(t => t.Name));
            cursor = page.NextCursor;
            Assert.True(++pages < 50, "the cursor never ends");
        }
        while (cursor is not null);
        return names;
    }

    [Fact]
    public async Task Tools_of_every_granted_upstream_are_listed_under_prefixed_names_and_filtered_by_policy()
    {
        await using var agent = await fixture.Gateway.ConnectAggregateAsync("combo");

        var names = await AllToolNamesAsync(agent);

        Assert.Contains("test__echo", names);
        Assert.Contains("everything__echo", names);
        Assert.Contains("everything__get-sum", names);
        Assert.DoesNotContain("test__get-secret", names);
        Assert.DoesNotContain("everything__get-env", names);
        Assert.DoesNotContain(names, name => name.StartsWith("slowpoke__", StringComparison.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_prefixed_call_reaches_its_own_upstream_under_its_policy()
    {
        await using var agent = await fixture.Gateway.ConnectAggregateAsync("combo");

        var test = await agent.CallToolAsync("test__echo", Args(("message", "hi")));
        var everything = await agent.CallToolAsync("everything__echo", Args(("message", "hi")));
        var denied = await agent.CallToolAsync("test__get-secret");

        Assert.Equal("echo: hi", test.Text());
        Assert.Equal("Echo: hi", everything.Text());
        Assert.Equal("deny", (string?)denied.Decision()?["action"]);
        await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("nowhere__echo").AsTask());
    }

    [Fact]
    public async Task Resources_and_prompts_carry_their_upstream_and_route_back()
    {
        await using var agent = await fixture.Gateway.ConnectAggregateAsync("combo");

        var resources = await agent.ListResourcesAsync();
        var hello = await agent.ReadResourceAsync("gatehouse:test:test://static/hello");
        var prompts = await agent.ListPromptsAsync();
        var greeting = await agent.GetPromptAsync("test__greet", new Dictionary<string, object?> { ["name"] = "Ada" });

        Assert.Contains(resources, r => r.Uri == "gatehouse:test:test://static/hello" && r.Name == "test__hello");
        Assert.Contains(resources, r => r.Uri.StartsWith("gatehouse:everything:", StringComparison.Ordinal));
        var text = Assert.IsType<TextResourceContents>(Assert.Single(hello.Contents));
        Assert.Equal("gatehouse:test:test://static/hello", text.Uri);
        Assert.Equal("hello from the test upstream", text.Text);
        Assert.Contains(prompts, p => p.Name == "test__greet");
        Assert.Contains("Ada", string.Concat(greeting.Messages.Select(m => (m.Content as TextContentBlock)?.Text)));
    }

    [Fact]
    public async Task An_upstream_that_is_down_leaves_out_only_its_own_entries()
    {
        await using var agent = await fixture.Gateway.ConnectAggregateAsync("partial");

        var names = await AllToolNamesAsync(agent);
        var result = await agent.CallToolAsync("test__echo", Args(("message", "still")));
        var down = await Assert.ThrowsAsync<McpProtocolException>(() => agent.CallToolAsync("down__echo", Args(("message", "x"))).AsTask());

        Assert.Contains("test__echo", names);
        Assert.DoesNotContain(names, name => name.StartsWith("down__", StringComparison.Ordinal));
        Assert.Equal("echo: still", result.Text());
        Assert.Contains("'down'", down.Message);
    }
}
