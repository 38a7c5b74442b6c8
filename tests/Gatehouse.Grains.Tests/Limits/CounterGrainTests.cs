using Gatehouse.Grains.Limits;

namespace Gatehouse.Grains.Tests.Limits;

[Collection(GrainClusterCollection.Name)]
public sealed class CounterGrainTests(GrainClusterFixture fixture)
{
    private static readonly CounterLimit TenPerMinute = new(CounterAlgorithm.Fixed, 60, 10);

    private ICounterGrain NewCounter() => fixture.Cluster.GrainFactory.GetGrain<ICounterGrain>($"grant:test/{Guid.NewGuid():N}/c");

    /// <summary>Moves the shared clock to the start of the next UTC minute, so a test's window starts clean.</summary>
    private DateTimeOffset StartOfNextMinute()
    {
        var now = fixture.Time.GetUtcNow();
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        fixture.Time.SetUtcNow(next);
        return next;
    }

    [Fact]
    public async Task Eleventh_call_in_a_fixed_window_is_refused_until_the_next_window()
    {
        var start = StartOfNextMinute();
        var counter = NewCounter();

        for (var i = 0; i < 10; i++)
        {
            var admitted = await counter.TryAcquireAsync(TenPerMinute, 1);
            Assert.True(admitted.Admitted);
            Assert.Equal(9 - i, admitted.Remaining);
        }

        fixture.Time.SetUtcNow(start.AddSeconds(45));
        var refused = await counter.TryAcquireAsync(TenPerMinute, 1);
        Assert.False(refused.Admitted);
        Assert.Null(refused.Reservation);
        Assert.Equal(TimeSpan.FromSeconds(15), refused.RetryAfter);
        Assert.Equal(start.AddMinutes(1), refused.ResetAt);

        fixture.Time.SetUtcNow(start.AddMinutes(1));
        Assert.True((await counter.TryAcquireAsync(TenPerMinute, 1)).Admitted);
    }

    [Fact]
    public async Task Released_reservation_gives_its_budget_back()
    {
        StartOfNextMinute();
        var counter = NewCounter();
        var limit = new CounterLimit(CounterAlgorithm.Fixed, 60, 2);

        var first = await counter.TryAcquireAsync(limit, 1);
        var second = await counter.TryAcquireAsync(limit, 1);
        Assert.False((await counter.TryAcquireAsync(limit, 1)).Admitted);

        await counter.ReleaseAsync(limit, second.Reservation!);

        Assert.True(first.Admitted);
        Assert.True((await counter.TryAcquireAsync(limit, 1)).Admitted);
    }

    [Fact]
    public async Task Concurrent_requests_on_one_counter_admit_exactly_max()
    {
        StartOfNextMinute();
        var counter = NewCounter();
        var limit = new CounterLimit(CounterAlgorithm.Fixed, 60, 100);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => counter.TryAcquireAsync(limit, 1).AsTask()));

        Assert.Equal(100, decisions.Count(d => d.Admitted));
    }

    [Fact]
    public async Task Raised_max_keeps_what_was_spent_and_a_new_window_length_starts_afresh()
    {
        StartOfNextMinute();
        var counter = NewCounter();
        var small = new CounterLimit(CounterAlgorithm.Fixed, 60, 2);
        await counter.TryAcquireAsync(small, 2);

        var raised = await counter.TryAcquireAsync(small with { Max = 3 }, 1);
        var full = await counter.TryAcquireAsync(small with { Max = 3 }, 1);
        var longer = await counter.TryAcquireAsync(small with { Max = 3, WindowSeconds = 3600 }, 1);

        Assert.True(raised.Admitted);
        Assert.False(full.Admitted);
        Assert.True(longer.Admitted);
        Assert.Equal(2, longer.Remaining);
    }

    [Fact]
    public async Task Each_algorithm_is_served_by_the_grain()
    {
        var start = StartOfNextMinute();
        var sliding = NewCounter();
        var bucket = NewCounter();
        var slidingLimit = new CounterLimit(CounterAlgorithm.Sliding, 60, 2);
        var bucketLimit = new CounterLimit(CounterAlgorithm.TokenBucket, 60, 2);

        Assert.True((await sliding.TryAcquireAsync(slidingLimit, 2)).Admitted);
        Assert.True((await bucket.TryAcquireAsync(bucketLimit, 2)).Admitted);
        fixture.Time.SetUtcNow(start.AddSeconds(30));
        Assert.False((await sliding.TryAcquireAsync(slidingLimit, 1)).Admitted);
        Assert.True((await bucket.TryAcquireAsync(bucketLimit, 1)).Admitted);
        fixture.Time.SetUtcNow(start.AddSeconds(60));
        Assert.True((await sliding.TryAcquireAsync(slidingLimit, 2)).Admitted);
    }

    [Fact]
    public async Task Peek_reports_used_and_remaining_without_spending()
    {
        StartOfNextMinute();
        var counter = NewCounter();
        await counter.TryAcquireAsync(TenPerMinute, 3);

        var first = await counter.PeekAsync();
        var second = await counter.PeekAsync();

        Assert.Equal(3, first.Used);
        Assert.Equal(7, first.Remaining);
        Assert.Equal(first, second);
    }
}
