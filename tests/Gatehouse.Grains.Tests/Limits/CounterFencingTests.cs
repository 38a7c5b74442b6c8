using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// A durable counter answers an admission only once a save covering it is stored. When a save fails, or
/// another activation of the same counter saved in between (the store's compare-and-set says the
/// counter is fenced), the grain refuses what that save covered rather than admit past the stored
/// budget, stops deciding, and the counter goes on from what storage holds.
/// </summary>
[Collection(DurableCounterClusterCollection.Name)]
public sealed class CounterFencingTests(DurableCounterClusterFixture fixture)
{
    private static readonly CounterLimit ThreePerMinute = new(CounterAlgorithm.Fixed, 60, 3);

    private static readonly CounterLimit TenPerMinute = new(CounterAlgorithm.Fixed, 60, 10);

    private ScriptedCounterStore Store => fixture.Store;

    private static string NewKey() => $"grant:test/{Guid.NewGuid():N}/c";

    private ICounterGrain Counter(string key) => fixture.Cluster.GrainFactory.GetGrain<ICounterGrain>(key);

    [Fact]
    public async Task A_failed_save_refuses_the_call_it_covered_and_the_counter_goes_on_from_storage()
    {
        var key = NewKey();
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerMinute, 1)).Admitted);
        var save = Store.HoldNextSave(key);

        var covered = Counter(key).TryAcquireAsync(ThreePerMinute, 1).AsTask();
        await save.Arrived;
        save.Fail(new IOException("the database went away"));

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => covered);
        Assert.Contains("the database went away", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, Store.Stored(key)!.State.Used);

        // The refused call spent nothing: two more fit in the window, then the limit holds.
        var next = await DecisionOnceUnfencedAsync(key);
        var last = await Counter(key).TryAcquireAsync(ThreePerMinute, 1);
        var over = await Counter(key).TryAcquireAsync(ThreePerMinute, 1);
        Assert.Equal((true, 1m), (next.Admitted, next.Remaining));
        Assert.Equal((true, 0m), (last.Admitted, last.Remaining));
        Assert.False(over.Admitted);
        Assert.Equal(3, Store.Stored(key)!.State.Used);
    }

    [Fact]
    public async Task Every_call_decided_while_a_failing_save_was_in_flight_is_refused()
    {
        var key = NewKey();
        var save = Store.HoldNextSave(key);

        var first = Counter(key).TryAcquireAsync(TenPerMinute, 1).AsTask();
        await save.Arrived;
        // Reentrant: these decide while the first save is held, and wait for the next save (group commit).
        var second = Counter(key).TryAcquireAsync(TenPerMinute, 1).AsTask();
        var batch = Counter(key).TryAcquireBatchAsync(TenPerMinute, [1, 1]).AsTask();
        await Eventually.HoldsAsync(async () => (await Counter(key).PeekAsync()).Used == 4, () => "the later calls decided");
        save.Fail(new IOException("the database went away"));

        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await Assert.ThrowsAnyAsync<Exception>(() => second);
        await Assert.ThrowsAnyAsync<Exception>(() => batch);
        Assert.Null(Store.Stored(key));

        // Nothing was stored, so the whole budget is there for the next activation.
        var next = await DecisionOnceUnfencedAsync(key, TenPerMinute);
        Assert.Equal((true, 9m), (next.Admitted, next.Remaining));
    }

    [Fact]
    public async Task A_save_that_another_activation_got_in_before_is_refused_and_the_counter_goes_on_from_what_that_one_stored()
    {
        var key = NewKey();
        var now = fixture.Time.GetUtcNow();
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerMinute, 1)).Admitted);

        // For a moment during a membership change a second activation decided on the same counter and spent the rest.
        Store.SaveFromAnotherActivation(key, Spent(now, 3));

        // This activation still thinks two are left; admitting one would make four in a window of three.
        var stale = await Assert.ThrowsAnyAsync<Exception>(() => Counter(key).TryAcquireAsync(ThreePerMinute, 1).AsTask());
        Assert.Contains(key, stale.Message, StringComparison.Ordinal);
        Assert.Equal(3, Store.Stored(key)!.State.Used);

        var next = await DecisionOnceUnfencedAsync(key);
        Assert.False(next.Admitted);
        Assert.Equal(0, next.Remaining);
    }

    [Fact]
    public async Task A_fenced_release_gives_nothing_back()
    {
        var key = NewKey();
        var held = await Counter(key).TryAcquireAsync(ThreePerMinute, 3);
        Store.SaveFromAnotherActivation(key, Spent(fixture.Time.GetUtcNow(), 3));

        await Assert.ThrowsAnyAsync<Exception>(() => Counter(key).ReleaseAsync(ThreePerMinute, held.Reservation!).AsTask());

        Assert.Equal(3, Store.Stored(key)!.State.Used);
        Assert.False((await DecisionOnceUnfencedAsync(key)).Admitted);
    }

    /// <summary>A fixed window of three with <paramref name="used"/> units spent at <paramref name="at"/>, as another activation would store it.</summary>
    private static CounterState Spent(DateTimeOffset at, int used)
    {
        var window = WindowCounter.Create(WindowAlgorithm.Fixed, new WindowSpec(60), 3);
        window.TryAcquire(at, used);
        return window.Export();
    }

    /// <summary>
    /// The next decision on the counter. Until the fenced activation has gone (it deactivates once idle),
    /// calls are refused with <see cref="CounterFencedException"/>, and only with that.
    /// </summary>
    private Task<CounterDecision> DecisionOnceUnfencedAsync(string key) => DecisionOnceUnfencedAsync(key, ThreePerMinute);

    private async Task<CounterDecision> DecisionOnceUnfencedAsync(string key, CounterLimit limit)
    {
        CounterDecision? decision = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    decision = await Counter(key).TryAcquireAsync(limit, 1);
                    return true;
                }
                catch (Exception ex) when (ex.Message.Contains("this one stops deciding", StringComparison.Ordinal))
                {
                    return false;
                }
            },
            () => $"counter {key} deciding again after its activation was fenced");
        return decision!;
    }
}
