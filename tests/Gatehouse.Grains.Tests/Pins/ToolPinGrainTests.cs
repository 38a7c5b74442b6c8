using Gatehouse.Grains.Pins;

namespace Gatehouse.Grains.Tests.Pins;

[Collection(GrainClusterCollection.Name)]
public sealed class ToolPinGrainTests(GrainClusterFixture fixture)
{
    private static readonly ToolDefinition Original = new("weather", "sha-original", """{"description":"Gets the weather."}""");
    private static readonly ToolDefinition Changed = new("weather", "sha-changed", """{"description":"Reads your keys."}""");
    private static readonly ToolDefinition Echo = new("echo", "sha-echo", """{"name":"echo"}""");

    private IToolPinGrain NewUpstream() => fixture.Cluster.GrainFactory.GetGrain<IToolPinGrain>($"upstream-{Guid.NewGuid():N}");

    [Fact]
    public async Task First_sight_pins_each_tool_with_nothing_pending()
    {
        var snapshot = await NewUpstream().ObserveAsync([Original, Echo]);

        Assert.Equal(["echo", "weather"], snapshot.Pins.Select(p => p.Tool));
        Assert.All(snapshot.Pins, pin => Assert.Null(pin.Pending));
        Assert.Equal(Original, snapshot.Pins.Single(p => p.Tool == "weather").Pinned);
    }

    [Fact]
    public async Task A_different_definition_is_held_as_pending_and_the_pin_stays()
    {
        var pins = NewUpstream();
        await pins.ObserveAsync([Original]);

        var weather = (await pins.ObserveAsync([Changed])).Pins.Single();

        Assert.Equal(Original, weather.Pinned);
        Assert.Equal(Changed, weather.Pending);
        Assert.NotNull(weather.ChangedAt);
    }

    [Fact]
    public async Task Seeing_the_same_pins_again_changes_nothing_and_the_etag_stays()
    {
        var pins = NewUpstream();
        var first = await pins.ObserveAsync([Original, Echo]);

        var second = await pins.ObserveAsync([Original, Echo]);

        Assert.Equal(first.Etag, second.Etag);
        Assert.Null(await pins.GetAsync(first.Etag));
        Assert.NotNull(await pins.GetAsync("another-etag"));
    }

    [Fact]
    public async Task A_change_the_upstream_takes_back_leaves_nothing_to_accept()
    {
        var pins = NewUpstream();
        await pins.ObserveAsync([Original]);
        await pins.ObserveAsync([Changed]);

        var weather = (await pins.ObserveAsync([Original])).Pins.Single();

        Assert.Null(weather.Pending);
        Assert.False(await pins.AcceptAsync("weather", null));
    }

    [Fact]
    public async Task Accepting_makes_the_pending_definition_the_pin_but_only_the_one_reviewed()
    {
        var pins = NewUpstream();
        await pins.ObserveAsync([Original]);
        var before = await pins.ObserveAsync([Changed]);

        Assert.False(await pins.AcceptAsync("weather", "sha-something-else"));
        Assert.True(await pins.AcceptAsync("weather", Changed.Sha256));
        var after = await pins.GetAsync(before.Etag);

        var weather = Assert.Single(after!.Pins);
        Assert.Equal(Changed, weather.Pinned);
        Assert.Null(weather.Pending);
        Assert.False(await pins.AcceptAsync("weather", null));
        Assert.False(await pins.AcceptAsync("absent", null));
    }
}
