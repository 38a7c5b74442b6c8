namespace Gatehouse.Policy.Tests;

public sealed class SlidingWindowCounterTests
{
    private static IWindowCounter Sliding(int seconds, decimal max) => WindowCounter.Create(WindowAlgorithm.Sliding, new WindowSpec(seconds), max);

    [Fact]
    public void Entry_stops_counting_exactly_one_window_after_it_was_admitted()
    {
        var counter = Sliding(60, 3);
        Assert.True(counter.TryAcquire(Times.At(10), 3).Admitted);

        var justBefore = counter.TryAcquire(Times.AtMs(69_999), 1);
        var atExpiry = counter.TryAcquire(Times.At(70), 1);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromMilliseconds(1), Times.At(70)), justBefore);
        Assert.Equal(new WindowDecision(true, 2, TimeSpan.Zero, Times.At(130)), atExpiry);
    }

    [Fact]
    public void Window_slides_instead_of_resetting_at_a_boundary()
    {
        var counter = Sliding(60, 3);
        counter.TryAcquire(Times.At(50), 3);

        var decision = counter.TryAcquire(Times.At(61), 1);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromSeconds(49), Times.At(110)), decision);
    }

    [Fact]
    public void Retry_after_is_when_enough_entries_have_expired_for_the_cost()
    {
        var counter = Sliding(60, 5);
        counter.TryAcquire(Times.At(0), 2);
        counter.TryAcquire(Times.At(10), 2);
        counter.TryAcquire(Times.At(20), 1);

        var refused = counter.TryAcquire(Times.At(30), 3);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromSeconds(40), Times.At(60)), refused);
        Assert.False(counter.TryAcquire(Times.AtMs(69_999), 3).Admitted);
        Assert.True(counter.TryAcquire(Times.At(70), 3).Admitted);
    }

    [Fact]
    public void Retry_after_is_exact_below_a_millisecond()
    {
        var counter = Sliding(1, 1);
        counter.TryAcquire(Times.At(0), 1);

        Assert.Equal(TimeSpan.FromTicks(1), counter.TryAcquire(Times.AtMs(1000) - TimeSpan.FromTicks(1), 1).RetryAfter);
    }

    [Fact]
    public void Reset_is_when_the_oldest_live_entry_expires_or_now_when_empty()
    {
        var counter = Sliding(60, 5);

        Assert.Equal(new WindowSnapshot(0, 5, Times.At(5)), counter.Snapshot(Times.At(5)));
        counter.TryAcquire(Times.At(10), 1);
        counter.TryAcquire(Times.At(20), 1);
        Assert.Equal(new WindowSnapshot(2, 3, Times.At(70)), counter.Snapshot(Times.At(30)));
        Assert.Equal(new WindowSnapshot(1, 4, Times.At(80)), counter.Snapshot(Times.At(70)));
    }

    [Fact]
    public void Cost_above_max_is_refused_forever()
    {
        var decision = Sliding(60, 5).TryAcquire(Times.At(1), 6);

        Assert.Equal(new WindowDecision(false, 5, TimeSpan.MaxValue, Times.At(1)), decision);
    }

    [Fact]
    public void Refusal_changes_nothing()
    {
        var counter = Sliding(60, 5);
        counter.TryAcquire(Times.At(1), 3);

        Assert.False(counter.TryAcquire(Times.At(2), 3).Admitted);
        Assert.Equal([new CounterEntry(Times.At(1).ToUnixTimeMilliseconds(), 3)], counter.Export().Entries);
    }

    [Fact]
    public void Release_removes_the_matching_entry()
    {
        var counter = Sliding(60, 5);
        counter.TryAcquire(Times.At(1), 2);
        counter.TryAcquire(Times.At(2), 3);

        counter.Release(Times.At(1), 2, Times.At(3));

        Assert.Equal(new WindowSnapshot(3, 2, Times.At(62)), counter.Snapshot(Times.At(3)));
    }

    [Fact]
    public void Release_without_a_matching_entry_is_a_no_op()
    {
        var counter = Sliding(60, 5);
        counter.TryAcquire(Times.At(1), 2);

        counter.Release(Times.At(1), 3, Times.At(3));
        counter.Release(Times.At(2), 2, Times.At(3));

        Assert.Equal(2, counter.Snapshot(Times.At(3)).Used);
    }

    [Fact]
    public void Release_after_the_entry_expired_is_a_no_op()
    {
        var counter = Sliding(60, 5);
        counter.TryAcquire(Times.At(1), 2);
        counter.TryAcquire(Times.At(50), 2);

        counter.Release(Times.At(1), 2, Times.At(61));

        Assert.Equal(new WindowSnapshot(2, 3, Times.At(110)), counter.Snapshot(Times.At(61)));
    }

    [Fact]
    public void Expired_entries_are_dropped_from_memory()
    {
        var counter = Sliding(10, 1000);
        for (var second = 0; second < 100; second++)
        {
            counter.TryAcquire(Times.At(second), 1);
        }

        Assert.Equal(10, counter.Export().Entries.Count);
        counter.Snapshot(Times.At(500));
        Assert.Empty(counter.Export().Entries);
        Assert.Equal(0, counter.Export().Used);
    }

    [Fact]
    public void Clock_stepping_back_still_counts_the_later_entries()
    {
        var counter = Sliding(60, 2);
        counter.TryAcquire(Times.At(100), 2);

        Assert.False(counter.TryAcquire(Times.At(90), 1).Admitted);
    }

    [Fact]
    public void No_interval_of_window_length_admits_more_than_max_and_no_refusal_was_needed_less()
    {
        const long windowMs = 10_000;
        const decimal max = 7;
        var random = new Random(20_250_101);
        var counter = Sliding(10, max);
        var admitted = new List<(long At, decimal Cost)>();
        var refusals = 0;
        var nowMs = 0L;

        for (var call = 0; call < 4000; call++)
        {
            nowMs += random.Next(0, 2500);
            decimal cost = random.Next(1, 4);
            var decision = counter.TryAcquire(Times.AtMs(nowMs), cost);
            var live = admitted.Where(entry => entry.At > nowMs - windowMs).Sum(entry => entry.Cost);
            if (decision.Admitted)
            {
                admitted.Add((nowMs, cost));
            }
            else
            {
                refusals++;

                // Never a refusal while the cost would have fit.
                Assert.True(live + cost > max, $"refused at {nowMs} ms with {live} live");
                var wait = (long)decision.RetryAfter.TotalMilliseconds;
                var liveAtRetry = admitted.Where(entry => entry.At > nowMs + wait - windowMs).Sum(entry => entry.Cost);
                var liveJustBefore = admitted.Where(entry => entry.At > nowMs + wait - 1 - windowMs).Sum(entry => entry.Cost);
                Assert.True(liveAtRetry + cost <= max && liveJustBefore + cost > max, $"retry after {wait} ms at {nowMs} ms is not exact");
            }
        }

        Assert.True(admitted.Count > 1000 && refusals > 500, $"{admitted.Count} admitted, {refusals} refused: too few of either to prove much");
        foreach (var (start, _) in admitted)
        {
            var inWindow = admitted.Where(entry => entry.At >= start && entry.At < start + windowMs).Sum(entry => entry.Cost);
            Assert.True(inWindow <= max, $"{inWindow} admitted in [{start}, {start + windowMs}) ms");
        }
    }
}
