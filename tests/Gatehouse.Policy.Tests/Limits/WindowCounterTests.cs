namespace Gatehouse.Policy.Tests;

public sealed class WindowCounterTests
{
    [Theory]
    [InlineData(WindowAlgorithm.Fixed)]
    [InlineData(WindowAlgorithm.Sliding)]
    [InlineData(WindowAlgorithm.TokenBucket)]
    public void Create_makes_a_counter_of_the_algorithm_asked_for(WindowAlgorithm algorithm)
    {
        var state = WindowCounter.Create(algorithm, new WindowSpec(90), 3).Export();

        Assert.Equal((algorithm, 90, 3m), (state.Algorithm, state.WindowSeconds, state.Max));
    }

    [Theory]
    [InlineData(WindowAlgorithm.Fixed, 0, 1)]
    [InlineData(WindowAlgorithm.Sliding, 60, 0)]
    [InlineData(WindowAlgorithm.TokenBucket, -1, 1)]
    [InlineData(WindowAlgorithm.TokenBucket, 60, -1)]
    public void Create_rejects_an_empty_window_or_max(WindowAlgorithm algorithm, int seconds, int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowCounter.Create(algorithm, new WindowSpec(seconds), max));
    }

    [Fact]
    public void Create_rejects_an_unknown_algorithm()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowCounter.Create((WindowAlgorithm)7, new WindowSpec(60), 1));
    }

    [Theory]
    [InlineData(WindowAlgorithm.Fixed)]
    [InlineData(WindowAlgorithm.Sliding)]
    [InlineData(WindowAlgorithm.TokenBucket)]
    public void Restored_counter_decides_exactly_like_the_original(WindowAlgorithm algorithm)
    {
        var original = WindowCounter.Create(algorithm, new WindowSpec(10), 7);
        var random = new Random(42);
        var nowMs = 0L;
        for (var call = 0; call < 200; call++)
        {
            nowMs += random.Next(0, 1500);
            original.TryAcquire(Times.AtMs(nowMs), random.Next(1, 4) / 2m);
        }

        var restored = WindowCounter.Restore(original.Export());

        for (var call = 0; call < 500; call++)
        {
            nowMs += random.Next(0, 1500);
            var now = Times.AtMs(nowMs) + TimeSpan.FromTicks(random.Next(0, 10_000));
            var cost = random.Next(1, 4) / 2m;
            Assert.Equal(original.TryAcquire(now, cost), restored.TryAcquire(now, cost));
            if (call % 7 == 0)
            {
                original.Release(now, cost, now);
                restored.Release(now, cost, now);
            }

            Assert.Equal(original.Snapshot(now), restored.Snapshot(now));
        }

        AssertSameState(original.Export(), restored.Export());
    }

    [Theory]
    [InlineData(WindowAlgorithm.Fixed)]
    [InlineData(WindowAlgorithm.Sliding)]
    [InlineData(WindowAlgorithm.TokenBucket)]
    public void Fresh_counter_round_trips_before_first_use(WindowAlgorithm algorithm)
    {
        var original = WindowCounter.Create(algorithm, new WindowSpec(60), 2);
        var restored = WindowCounter.Restore(original.Export());

        Assert.Equal(original.TryAcquire(Times.At(5), 2), restored.TryAcquire(Times.At(5), 2));
        AssertSameState(original.Export(), restored.Export());
    }

    [Fact]
    public void Restore_rejects_a_state_with_an_empty_window()
    {
        var state = new CounterState(WindowAlgorithm.Sliding, 0, 5, 0, 0, 0, 0, []);

        Assert.Throws<ArgumentOutOfRangeException>(() => WindowCounter.Restore(state));
    }

    private static void AssertSameState(CounterState expected, CounterState actual)
    {
        Assert.Equal(expected with { Entries = [] }, actual with { Entries = [] });
        Assert.Equal(expected.Entries, actual.Entries);
    }
}
