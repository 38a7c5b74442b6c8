namespace Gatehouse.Policy.Tests;

public sealed class FixedWindowCounterTests
{
    private static IWindowCounter TenPerMinute() => WindowCounter.Create(WindowAlgorithm.Fixed, new WindowSpec(60), 10);

    [Fact]
    public void Eleventh_call_in_window_is_rate_limited()
    {
        var counter = TenPerMinute();
        for (var call = 0; call < 10; call++)
        {
            Assert.True(counter.TryAcquire(Times.At(5 + call), 1).Admitted);
        }

        var eleventh = counter.TryAcquire(Times.At(18), 1);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromSeconds(42), Times.At(60)), eleventh);
    }

    [Fact]
    public void Admission_reports_what_remains_and_when_the_window_ends()
    {
        var counter = TenPerMinute();

        Assert.Equal(new WindowDecision(true, 9, TimeSpan.Zero, Times.At(60)), counter.TryAcquire(Times.At(1), 1));
        Assert.Equal(new WindowDecision(true, 6, TimeSpan.Zero, Times.At(60)), counter.TryAcquire(Times.At(2), 3));
    }

    [Fact]
    public void Last_millisecond_of_a_window_is_refused_and_first_of_the_next_is_admitted()
    {
        var counter = TenPerMinute();
        Assert.True(counter.TryAcquire(Times.At(0), 10).Admitted);

        var last = counter.TryAcquire(Times.AtMs(59_999), 1);
        var first = counter.TryAcquire(Times.AtMs(60_000), 1);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromMilliseconds(1), Times.At(60)), last);
        Assert.Equal(new WindowDecision(true, 9, TimeSpan.Zero, Times.At(120)), first);
    }

    [Fact]
    public void Windows_align_to_the_epoch_not_to_the_first_call()
    {
        // 2025-01-01T00:00:00Z is 1735689600 s after the epoch, which is 1 s past a multiple of 7.
        var counter = WindowCounter.Create(WindowAlgorithm.Fixed, new WindowSpec(7), 1);

        Assert.Equal(Times.At(6), counter.TryAcquire(Times.At(3), 1).ResetAt);
        Assert.Equal(TimeSpan.FromSeconds(0.5), counter.TryAcquire(Times.At(5.5), 1).RetryAfter);
        Assert.True(counter.TryAcquire(Times.At(6), 1).Admitted);
    }

    [Fact]
    public void Fixed_windows_may_admit_twice_max_across_a_boundary()
    {
        var counter = TenPerMinute();

        Assert.True(counter.TryAcquire(Times.AtMs(59_999), 10).Admitted);
        Assert.True(counter.TryAcquire(Times.AtMs(60_000), 10).Admitted);
    }

    [Fact]
    public void Refusal_changes_nothing()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(1), 7);

        Assert.False(counter.TryAcquire(Times.At(2), 4).Admitted);
        Assert.Equal(new WindowDecision(true, 0, TimeSpan.Zero, Times.At(60)), counter.TryAcquire(Times.At(3), 3));
    }

    [Fact]
    public void Cost_above_max_is_refused_forever_and_changes_nothing()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(1), 2);

        var decision = counter.TryAcquire(Times.At(2), 11);

        Assert.Equal(new WindowDecision(false, 8, TimeSpan.MaxValue, Times.At(60)), decision);
        Assert.Equal(new WindowSnapshot(2, 8, Times.At(60)), counter.Snapshot(Times.At(2)));
    }

    [Fact]
    public void Decimal_costs_add_up_exactly()
    {
        var counter = WindowCounter.Create(WindowAlgorithm.Fixed, new WindowSpec(60), 1);
        for (var call = 0; call < 10; call++)
        {
            Assert.True(counter.TryAcquire(Times.At(call), 0.1m).Admitted);
        }

        Assert.False(counter.TryAcquire(Times.At(11), 0.1m).Admitted);
    }

    [Fact]
    public void Zero_cost_is_admitted_without_spending()
    {
        var counter = TenPerMinute();

        Assert.Equal(new WindowDecision(true, 10, TimeSpan.Zero, Times.At(60)), counter.TryAcquire(Times.At(1), 0));
    }

    [Fact]
    public void Negative_cost_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TenPerMinute().TryAcquire(Times.At(1), -1));
    }

    [Fact]
    public void Release_in_the_same_window_gives_the_cost_back()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(1), 10);

        counter.Release(Times.At(1), 4, Times.At(2));

        Assert.Equal(new WindowSnapshot(6, 4, Times.At(60)), counter.Snapshot(Times.At(2)));
    }

    [Fact]
    public void Release_of_a_reservation_from_a_past_window_is_a_no_op()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(59), 5);
        counter.TryAcquire(Times.At(61), 5);

        counter.Release(Times.At(59), 5, Times.At(62));

        Assert.Equal(5, counter.Snapshot(Times.At(62)).Used);
    }

    [Fact]
    public void Release_never_takes_usage_below_zero()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(1), 1);

        counter.Release(Times.At(1), 5, Times.At(2));

        Assert.Equal(new WindowSnapshot(0, 10, Times.At(60)), counter.Snapshot(Times.At(2)));
    }

    [Fact]
    public void Snapshot_of_a_new_window_is_empty()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(1), 10);

        Assert.Equal(new WindowSnapshot(0, 10, Times.At(180)), counter.Snapshot(Times.At(125)));
    }

    [Fact]
    public void Clock_stepping_back_keeps_counting_the_later_window()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(61), 10);

        var decision = counter.TryAcquire(Times.At(59), 1);

        Assert.False(decision.Admitted);
        Assert.Equal(TimeSpan.FromSeconds(61), decision.RetryAfter);
    }

    [Fact]
    public void Export_holds_the_window_start_and_usage()
    {
        var counter = TenPerMinute();
        counter.TryAcquire(Times.At(30), 4);

        var state = counter.Export();

        Assert.Equal(
            (WindowAlgorithm.Fixed, 60, 10m, Times.Midnight.ToUnixTimeMilliseconds(), 4m),
            (state.Algorithm, state.WindowSeconds, state.Max, state.WindowStartUnixMs, state.Used));
        Assert.Empty(state.Entries);
    }
}
