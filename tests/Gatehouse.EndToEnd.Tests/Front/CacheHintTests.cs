using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.EndToEnd.Tests.Front;

/// <summary>
/// The caching hints of 2026-07-28 (<c>cacheScope</c>, <c>ttlMs</c>) on lists and resource reads: private wherever
/// what is listed depends on who asks, the upstream's own elsewhere, and where the upstream (on 2025-11-25) gave none,
/// the values that promise least (the revision requires both): private, stale at once. None added for agents of 2025.
/// The test upstream marks its prompt lists private with a <see cref="PromptListTimeToLive"/>; its other lists carry no hints.
/// </summary>
[Collection(CoreGatewayCollection.Name)]
public sealed class CacheHintTests(CoreGatewayFixture fixture)
{
    private const string July2026 = "2026-07-28";

    /// <summary>The <c>ttlMs</c> of the test upstream's prompt lists.</summary>
    private static readonly TimeSpan PromptListTimeToLive = TimeSpan.FromMinutes(1);

    /// <summary>Every page of a list, following cursors to the end.</summary>
    private static async Task<List<T>> PagesAsync<T>(Func<string?, ValueTask<T>> list, Func<T, string?> nextCursor)
    {
        var pages = new List<T>();
        string? cursor = null;
        do
        {
            var page = await list(cursor);
            pages.Add(page);
            cursor = nextCursor(page);
            Assert.True(pages.Count < 50, "the cursor never ends");
        }
        while (cursor is not null);
        return pages;
    }

    private static Task<List<ListPromptsResult>> PromptPagesAsync(McpClient agent) =>
        PagesAsync(cursor => agent.ListPromptsAsync(new ListPromptsRequestParams { Cursor = cursor }), page => page.NextCursor);

    [Fact]
    public async Task A_2026_agent_is_told_that_every_list_and_read_of_the_aggregate_endpoint_is_private()
    {
        await using var agent = await fixture.Gateway.ConnectAggregateAsync("combo", July2026);

        var tools = await PagesAsync(cursor => agent.ListToolsAsync(new ListToolsRequestParams { Cursor = cursor }), page => page.NextCursor);
        var prompts = await PromptPagesAsync(agent);
        var resources = await agent.ListResourcesAsync(new ListResourcesRequestParams());
        var templates = await agent.ListResourceTemplatesAsync(new ListResourceTemplatesRequestParams());
        var hello = await agent.ReadResourceAsync("gatehouse:test:test://static/hello");

        Assert.Null(agent.SessionId);
        Assert.Contains(tools, page => page.Tools.Any(tool => tool.Name == "test__echo"));
        Assert.Equal("gatehouse:test:test://static/hello", Assert.Single(hello.Contents).Uri);
        ICacheableResult[] results = [.. tools, .. prompts, resources, templates, hello];
        Assert.All(results, result => Assert.Equal(CacheScope.Private, result.CacheScope));
    }

    [Fact]
    public async Task A_2026_agent_gets_on_each_aggregate_page_the_time_to_live_of_every_upstream_it_stands_for()
    {
        await using var combo = await fixture.Gateway.ConnectAggregateAsync("combo", July2026);
        await using var beta = await fixture.Gateway.ConnectAggregateAsync("beta", July2026);
        await using var partial = await fixture.Gateway.ConnectAggregateAsync("partial", July2026);

        var comboPages = await PromptPagesAsync(combo);
        var betaPages = await PromptPagesAsync(beta);
        var partialPages = await PromptPagesAsync(partial);

        // server-everything gives no ttlMs, so its pages are stale at once; the test upstream gives one.
        Assert.All(comboPages.Where(page => page.Prompts.Any(p => p.Name.StartsWith("everything__", StringComparison.Ordinal))), page => Assert.Equal(TimeSpan.Zero, page.TimeToLive));
        var fromTest = Assert.Single(comboPages, page => page.Prompts.Any(p => p.Name == "test__greet"));
        Assert.Equal(PromptListTimeToLive, fromTest.TimeToLive);
        Assert.Equal(PromptListTimeToLive, Assert.Single(betaPages).TimeToLive);

        // The page of the test upstream also stands for 'down', which failed and gave none: stale at once.
        var withDown = Assert.Single(partialPages);
        Assert.Contains(withDown.Prompts, p => p.Name == "test__greet");
        Assert.Equal(TimeSpan.Zero, withDown.TimeToLive);
        Assert.All([.. comboPages, .. betaPages, .. partialPages], page => Assert.Equal(CacheScope.Private, page.CacheScope));
    }

    [Fact]
    public async Task A_2026_agent_of_an_upstream_endpoint_gets_the_upstreams_own_hints_and_the_least_promising_where_it_gave_none()
    {
        await using var agent = await fixture.Gateway.ConnectAsync("test", "beta", July2026);

        var tools = await agent.ListToolsAsync(new ListToolsRequestParams());
        var prompts = await agent.ListPromptsAsync(new ListPromptsRequestParams());
        var hello = await agent.ReadResourceAsync("test://static/hello");

        Assert.Null(agent.SessionId);
        Assert.Equal(CacheScope.Private, tools.CacheScope);
        Assert.Equal(TimeSpan.Zero, tools.TimeToLive);
        Assert.Equal(CacheScope.Private, hello.CacheScope);
        Assert.Equal(TimeSpan.Zero, hello.TimeToLive);
        Assert.Equal(CacheScope.Private, prompts.CacheScope);
        Assert.Equal(PromptListTimeToLive, prompts.TimeToLive);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task A_2025_agent_is_given_no_hints_the_upstream_did_not_send(string protocolVersion)
    {
        await using var aggregate = await fixture.Gateway.ConnectAggregateAsync("combo", protocolVersion);
        await using var upstream = await fixture.Gateway.ConnectAsync("test", "beta", protocolVersion);

        var aggregateTools = await aggregate.ListToolsAsync(new ListToolsRequestParams());
        var aggregatePrompts = await PromptPagesAsync(aggregate);
        var aggregateRead = await aggregate.ReadResourceAsync("gatehouse:test:test://static/hello");
        var upstreamTools = await upstream.ListToolsAsync(new ListToolsRequestParams());

        Assert.NotNull(aggregate.SessionId);
        ICacheableResult[] results = [aggregateTools, .. aggregatePrompts, aggregateRead, upstreamTools];
        Assert.All(results, result => Assert.Null(result.CacheScope));
        Assert.All(results, result => Assert.Null(result.TimeToLive));
    }
}
