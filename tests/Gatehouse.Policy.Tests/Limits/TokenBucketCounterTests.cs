using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Policy.Tests;

public sealed class TokenBucketCounterTests
{
    private static IWindowCounter Bucket(int seconds, decimal max) => WindowCounter.Create(WindowAlgorithm.TokenBucket, new WindowSpec(seconds), max);

    [Fact]
    public void Bucket_starts_full_and_admits_a_burst_of_max()
    {
        var counter = Bucket(60, 10);
        for (var call = 0; call < 10; call++)
        {
            Assert.True(counter.TryAcquire(Times.At(0), 1).Admitted);
        }

        var eleventh = counter.TryAcquire(Times.At(0), 1);

        Assert.Equal(new WindowDecision(false, 0, TimeSpan.FromSeconds(6), Times.At(60)), eleventh);
    }

    [Fact]
    public void Bucket_refills_continuously_in_fractions()
    {
        var clock = new FakeTimeProvider(Times.Midnight);
        var counter = Bucket(60, 10);
        counter.TryAcquire(clock.GetUtcNow(), 10);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(new WindowSnapshot(9.5m, 0, Times.At(60)), counter.Snapshot(clock.GetUtcNow()));
        Assert.Equal(TimeSpan.FromSeconds(3), counter.TryAcquire(clock.GetUtcNow(), 1).RetryAfter);
        Assert.True(counter.TryAcquire(clock.GetUtcNow(), 0.5m).Admitted);
        Assert.False(counter.TryAcquire(clock.GetUtcNow(), 0.001m).Admitted);
    }

    [Fact]
    public void Retry_after_is_exact_to_the_millisecond()
    {
        // 7 per minute: 2 tokens take 17142.857 ms, so the first whole millisecond with 2 tokens is 17143.
        var counter = Bucket(60, 7);
        counter.TryAcquire(Times.At(0), 7);

        var refused = counter.TryAcquire(Times.AtMs(1234), 2);

        Assert.Equal(TimeSpan.FromMilliseconds(17_143 - 1234), refused.RetryAfter);
        Assert.False(counter.TryAcquire(Times.AtMs(17_142), 2).Admitted);
        Assert.True(counter.TryAcquire(Times.AtMs(17_143), 2).Admitted);
    }

    [Fact]
    public void Snapshots_between_refusal_and_retry_do_not_move_the_retry_time()
    {
        var counter = Bucket(60, 7);
        counter.TryAcquire(Times.At(0), 7);
        var refused = counter.TryAcquire(Times.AtMs(1), 1);

        for (var ms = 2; ms < 8571; ms += 997)
        {
            counter.Snapshot(Times.AtMs(ms));
            Assert.False(counter.TryAcquire(Times.AtMs(ms), 1).Admitted);
        }

        Assert.True(counter.TryAcquire(Times.AtMs(1) + refused.RetryAfter, 1).Admitted);
    }

    [Fact]
    public void Idle_bucket_never_holds_more_than_max()
    {
        var counter = Bucket(60, 10);
        counter.TryAcquire(Times.At(0), 1);

        Assert.Equal(new WindowSnapshot(0, 10, Times.At(3600)), counter.Snapshot(Times.At(3600)));
        Assert.True(counter.TryAcquire(Times.At(3600), 10).Admitted);
        Assert.False(counter.TryAcquire(Times.At(3600), 1).Admitted);
    }

    [Fact]
    public void Reset_is_when_the_bucket_is_full_again()
    {
        var counter = Bucket(60, 10);

        Assert.Equal(Times.At(66), counter.TryAcquire(Times.At(6), 10).ResetAt);
        Assert.Equal(Times.At(66), counter.Snapshot(Times.At(30)).ResetAt);
        Assert.Equal(Times.At(70), counter.Snapshot(Times.At(70)).ResetAt);
    }

    [Fact]
    public void Release_adds_the_cost_back_up_to_max()
    {
        var counter = Bucket(60, 10);
        counter.TryAcquire(Times.At(0), 3);

        counter.Release(Times.At(0), 2, Times.At(0));
        Assert.Equal(9, counter.Snapshot(Times.At(0)).Remaining);
        counter.Release(Times.At(0), 5, Times.At(0));
        Assert.Equal(new WindowSnapshot(0, 10, Times.At(0)), counter.Snapshot(Times.At(0)));
    }

    [Fact]
    public void Remaining_is_whole_for_whole_max_and_exact_otherwise()
    {
        var whole = Bucket(60, 10);
        whole.TryAcquire(Times.At(0), 0.25m);
        var fractional = Bucket(60, 2.5m);
        fractional.TryAcquire(Times.At(0), 1);

        Assert.Equal(9, whole.Snapshot(Times.At(0)).Remaining);
        Assert.Equal(1.5m, fractional.Snapshot(Times.At(0)).Remaining);
    }

    [Fact]
    public void Cost_above_max_is_refused_forever()
    {
        var decision = Bucket(60, 10).TryAcquire(Times.At(0), 10.5m);

        Assert.Equal(new WindowDecision(false, 10, TimeSpan.MaxValue, Times.At(0)), decision);
    }

    [Fact]
    public void Refusal_changes_nothing()
    {
        var counter = Bucket(60, 10);
        counter.TryAcquire(Times.At(0), 9);
        var before = counter.Export();

        Assert.False(counter.TryAcquire(Times.At(3), 2).Admitted);

        var after = counter.Export();
        Assert.Equal((before.Tokens, before.LastRefillUnixMs), (after.Tokens, after.LastRefillUnixMs));
    }

    [Fact]
    public void Clock_stepping_back_refills_nothing()
    {
        var counter = Bucket(60, 10);
        counter.TryAcquire(Times.At(30), 10);

        Assert.False(counter.TryAcquire(Times.At(0), 1).Admitted);
        Assert.Equal(TimeSpan.FromSeconds(36), counter.TryAcquire(Times.At(0), 1).RetryAfter);
    }

    [Fact]
    public void Export_holds_tokens_and_the_refill_mark()
    {
        var counter = Bucket(60, 10);
        counter.TryAcquire(Times.At(30), 4);

        var state = counter.Export();

        Assert.Equal(
            (WindowAlgorithm.TokenBucket, 60, 10m, 6m, Times.At(30).ToUnixTimeMilliseconds()),
            (state.Algorithm, state.WindowSeconds, state.Max, state.Tokens, state.LastRefillUnixMs));
    }
}
