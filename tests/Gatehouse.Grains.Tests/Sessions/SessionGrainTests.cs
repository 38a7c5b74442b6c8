using Gatehouse.Grains.Sessions;

namespace Gatehouse.Grains.Tests.Sessions;

[Collection(GrainClusterCollection.Name)]
public sealed class SessionGrainTests(GrainClusterFixture fixture)
{
    private static UpstreamBinding Binding(string upstreamSessionId) => new(upstreamSessionId, "2025-11-25", "{}", "{}", null);

    [Fact]
    public async Task Closing_answers_the_upstream_sessions_bound_by_then_and_none_can_be_bound_after()
    {
        var session = fixture.Cluster.GrainFactory.GetGrain<ISessionGrain>($"session-{Guid.NewGuid():N}");
        await session.OpenAsync(new SessionRecord("grant", "bank", "{}", fixture.Time.GetUtcNow()));
        await session.BindUpstreamAsync("bank", Binding("upstream-1"));
        var kept = await session.BindUpstreamAsync("bank", Binding("upstream-2"));

        var bound = await session.CloseAsync();

        Assert.Equal("upstream-1", kept.UpstreamSessionId);
        Assert.Equal(["bank"], bound!.Keys);
        Assert.Equal("upstream-1", bound["bank"].UpstreamSessionId);
        Assert.Null(await session.GetAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await session.BindUpstreamAsync("bank", Binding("upstream-3")));
    }
}
