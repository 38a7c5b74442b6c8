using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// An in-memory counter that leaves memory while idle keeps its window in the idle-counter table, compactly, and its
/// next activation (on either silo) goes on from it exactly.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class IdleCounterTests(GrainClusterFixture fixture)
{
    private static string NewKey() => $"grant:idle/{Guid.NewGuid():N}/c";

    private ICounterGrain Counter(string key) => fixture.Cluster.GrainFactory.GetGrain<ICounterGrain>(key);

    private IIdleCounterTableGrain Partition(string key) => IdleCounterTable.For(fixture.Cluster.GrainFactory, key);

    [Fact]
    public async Task A_fixed_window_spent_before_going_idle_is_still_spent_after()
    {
        var limit = new CounterLimit(CounterAlgorithm.Fixed, 3600, 10);
        var key = NewKey();
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await Counter(key).TryAcquireAsync(limit, 1)).Admitted);
        }

        await GoIdleAsync(key);

        var decisions = new List<(bool, decimal)>();
        for (var i = 0; i < 4; i++)
        {
            var decision = await Counter(key).TryAcquireAsync(limit, 1);
            decisions.Add((decision.Admitted, decision.Remaining));
        }

        Assert.Equal([(true, 2m), (true, 1m), (true, 0m), (false, 0m)], decisions);
        Assert.Null(await Partition(key).TakeAsync(key));
    }

    [Fact]
    public async Task A_sliding_log_comes_back_entry_by_entry()
    {
        var limit = new CounterLimit(CounterAlgorithm.Sliding, 60, 3);
        var key = NewKey();
        var start = fixture.Time.GetUtcNow();
        foreach (var at in new[] { 0, 20, 40 })
        {
            fixture.Time.SetUtcNow(start.AddSeconds(at));
            Assert.True((await Counter(key).TryAcquireAsync(limit, 1)).Admitted);
        }

        await GoIdleAsync(key);

        fixture.Time.SetUtcNow(start.AddSeconds(50));
        Assert.False((await Counter(key).TryAcquireAsync(limit, 1)).Admitted);
        fixture.Time.SetUtcNow(start.AddSeconds(61));
        Assert.True((await Counter(key).TryAcquireAsync(limit, 1)).Admitted);
        Assert.False((await Counter(key).TryAcquireAsync(limit, 1)).Admitted);
    }

    [Theory]
    [InlineData(WindowAlgorithm.Fixed)]
    [InlineData(WindowAlgorithm.Sliding)]
    [InlineData(WindowAlgorithm.TokenBucket)]
    public void A_window_kept_as_bytes_comes_back_identical(WindowAlgorithm algorithm)
    {
        var window = WindowCounter.Create(algorithm, new WindowSpec(60), 7.5m);
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        window.TryAcquire(start, 1.25m);
        window.TryAcquire(start.AddSeconds(10), 2);

        var state = window.Export();
        var back = CounterStateBytes.Read(CounterStateBytes.Write(state));

        Assert.Equal(state with { Entries = [] }, back with { Entries = [] });
        Assert.Equal(state.Entries, back.Entries);
        Assert.Equal(window.Snapshot(start.AddSeconds(30)), WindowCounter.Restore(back).Snapshot(start.AddSeconds(30)));
    }

    /// <summary>Collects every idle activation, and waits until the counter's window is in its partition of the table.</summary>
    private async Task GoIdleAsync(string key)
    {
        await fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Eventually.HoldsAsync(async () => await Partition(key).CountAsync() > 0 && await CountKeptAsync(key) == 1, () => $"{key} is kept in the table");
    }

    private async Task<int> CountKeptAsync(string key)
    {
        // Taking it and putting it back tells whether this key (not another test's) is there.
        if (await Partition(key).TakeAsync(key) is not { } window)
        {
            return 0;
        }

        await Partition(key).KeepAsync([new IdleWindow(key, window, fixture.Time.GetUtcNow().AddHours(2))]);
        return 1;
    }
}
