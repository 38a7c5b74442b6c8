using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// When a silo stops gracefully (a rolling restart), the idle-counter table's partitions it held move to another silo
/// with the windows they keep.
/// </summary>
public sealed class IdleTableMigrationTests : IAsyncLifetime
{
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Windows_kept_on_a_silo_that_stops_gracefully_are_still_kept()
    {
        var keys = KeyPerPartition();
        var expires = DateTimeOffset.UtcNow.AddHours(1);
        foreach (var (partition, key) in keys)
        {
            await _cluster.GrainFactory.GetGrain<IIdleCounterTableGrain>(partition).KeepAsync([new IdleWindow(key, [(byte)partition], expires)]);
        }

        await _cluster.StopSiloAsync(_cluster.SecondarySilos[0]);

        var missing = new List<int>();
        foreach (var (partition, key) in keys)
        {
            if (await _cluster.GrainFactory.GetGrain<IIdleCounterTableGrain>(partition).TakeAsync(key) is not [var only] || only != partition)
            {
                missing.Add(partition);
            }
        }

        Assert.Empty(missing);
    }

    private static Dictionary<int, string> KeyPerPartition()
    {
        var keys = new Dictionary<int, string>();
        for (var i = 0; keys.Count < IdleCounterTable.Partitions; i++)
        {
            var key = $"grant:migration/{i}/c";
            keys.TryAdd(IdleCounterTable.PartitionOf(key), key);
        }

        return keys;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddGatehouseInMemoryStores();
    }
}
