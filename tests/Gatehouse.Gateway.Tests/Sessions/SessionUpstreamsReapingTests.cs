using Gatehouse.Gateway.Sessions;

namespace Gatehouse.Gateway.Tests.Sessions;

public sealed class SessionUpstreamsReapingTests
{
    private static readonly DateTimeOffset Opened = new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_connection_for_requests_is_dropped_once_idle_for_the_limit()
    {
        Assert.False(SessionUpstreams.IsReapable(listen: false, Opened, Opened + SessionUpstreams.IdleLimit));
        Assert.True(SessionUpstreams.IsReapable(listen: false, Opened, Opened + SessionUpstreams.IdleLimit + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_connection_holding_an_agents_stream_is_never_dropped_for_being_quiet()
    {
        // An agent keeps its stream open for hours without a word either way: the upstream's stream lasts as long.
        Assert.False(SessionUpstreams.IsReapable(listen: true, Opened, Opened + SessionUpstreams.IdleLimit + TimeSpan.FromSeconds(1)));
        Assert.False(SessionUpstreams.IsReapable(listen: true, Opened, Opened + TimeSpan.FromDays(1)));
    }
}
