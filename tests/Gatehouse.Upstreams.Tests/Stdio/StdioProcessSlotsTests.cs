namespace Gatehouse.Upstreams.Tests.Stdio;

public sealed class StdioProcessSlotsTests
{
    [Fact]
    public void No_more_slots_than_the_limit_are_taken_and_each_given_back_once()
    {
        var slots = new StdioProcessSlots();

        var first = slots.TryTake("files", 2);
        var second = slots.TryTake("files", 2);
        var third = slots.TryTake("files", 2);
        var elsewhere = slots.TryTake("other", 2);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(third);
        Assert.NotNull(elsewhere);
        Assert.Equal(2, slots.Running("files"));

        first.Dispose();
        first.Dispose();

        Assert.Equal(1, slots.Running("files"));
        Assert.NotNull(slots.TryTake("files", 2));
        Assert.Null(slots.TryTake("files", 2));
    }

    [Fact]
    public void Concurrent_takers_never_exceed_the_limit()
    {
        var slots = new StdioProcessSlots();

        var taken = Enumerable.Range(0, 64).AsParallel().Select(_ => slots.TryTake("files", 10)).Count(slot => slot is not null);

        Assert.Equal(10, taken);
        Assert.Equal(10, slots.Running("files"));
    }
}
