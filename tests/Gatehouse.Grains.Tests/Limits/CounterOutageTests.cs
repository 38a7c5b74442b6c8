using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// With <see cref="CounterOutagePolicy.ServeFromMemory"/>, a counter in memory whose store goes down keeps deciding
/// from its window, exactly, and stores the window when the store is back; a counter not in memory cannot be read and
/// does not decide; and if another activation stored the counter meanwhile, this one stops deciding.
/// </summary>
[Collection(ServingCounterClusterCollection.Name)]
public sealed class CounterOutageTests(ServingCounterClusterFixture fixture) : IAsyncLifetime
{
    private static readonly CounterLimit ThreePerHour = new(CounterAlgorithm.Fixed, 3600, 3);

    private ScriptedCounterStore Store => fixture.Store;

    private static string NewKey() => $"grant:test/{Guid.NewGuid():N}/c";

    private ICounterGrain Counter(string key) => fixture.Cluster.GrainFactory.GetGrain<ICounterGrain>(key);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Store.Down = false;
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_counter_in_memory_keeps_its_exact_budget_while_the_store_is_down_and_is_stored_when_it_is_back()
    {
        var key = NewKey();
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);

        Store.Down = true;
        var during = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            during.Add((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);
        }

        Assert.Equal([true, true, false, false], during);
        Assert.Equal(1, Store.Stored(key)!.State.Used);

        Store.Down = false;
        await StoredAsync(key, used: 3);
        Assert.False((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);
    }

    [Fact]
    public async Task A_counter_not_in_memory_when_the_store_went_down_does_not_decide()
    {
        var key = NewKey();
        Store.Down = true;

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Counter(key).TryAcquireAsync(ThreePerHour, 1).AsTask());

        Assert.Contains("the database is unreachable", refused.ToString(), StringComparison.Ordinal);
        Store.Down = false;
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);
    }

    [Fact]
    public async Task An_activation_that_finds_the_counter_stored_by_another_when_the_store_is_back_stops_deciding()
    {
        var key = NewKey();
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);
        Store.Down = true;
        Assert.True((await Counter(key).TryAcquireAsync(ThreePerHour, 1)).Admitted);

        // Meanwhile another activation of the counter (elsewhere, after a membership change) stored an empty window.
        Store.SaveFromAnotherActivation(key, WindowCounter.Create(WindowAlgorithm.Fixed, new WindowSpec(3600), 3).Export());
        Store.Down = false;

        // This activation's save is refused, it leaves, and the counter goes on from what the other one stored.
        await Eventually.HoldsAsync(
            async () =>
            {
                fixture.Time.Advance(CounterGrain.OutageRetryPeriod);
                return (await Counter(key).PeekAsync()).Used == 0;
            },
            () => "the counter goes on from the other activation's window");
        Assert.Equal(2, Store.Stored(key)!.Version);
    }

    private Task StoredAsync(string key, decimal used) => Eventually.HoldsAsync(
        () =>
        {
            // The retry runs on a grain timer; moving the silo's clock on does no harm to an hour-long window.
            fixture.Time.Advance(CounterGrain.OutageRetryPeriod);
            return Task.FromResult(Store.Stored(key)!.State.Used == used);
        },
        () => $"the window decided from memory is stored with {used} used");
}
