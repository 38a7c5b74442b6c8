using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// A one-silo in-process cluster whose counter grains save to a <see cref="ScriptedCounterStore"/>, on a fake clock, with
/// the given <see cref="CounterOutagePolicy"/>. Each fixture has its own store and clock.
/// </summary>
public abstract class ScriptedCounterClusterFixture(string name, bool serveFromMemory) : IAsyncLifetime
{
    private const string NameKey = "ScriptedCounters:Name";
    private const string ServeKey = "ScriptedCounters:ServeFromMemory";

    /// <summary>Shared with the silo through <see cref="SiloConfigurator"/>, which the test cluster constructs itself.</summary>
    private static readonly ConcurrentDictionary<string, (ScriptedCounterStore Store, FakeTimeProvider Clock)> Worlds = new();

    private readonly (ScriptedCounterStore Store, FakeTimeProvider Clock) _world =
        Worlds.GetOrAdd(name, _ => (new ScriptedCounterStore(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))));

    public TestCluster Cluster { get; private set; } = null!;

    internal ScriptedCounterStore Store => _world.Store;

    public FakeTimeProvider Time => _world.Clock;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { [NameKey] = name, [ServeKey] = serveFromMemory.ToString() }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var (store, clock) = Worlds[siloBuilder.Configuration[NameKey]!];
            siloBuilder.Services
                .AddSingleton<TimeProvider>(clock)
                .AddSingleton<ICounterStore>(store)
                .AddSingleton(new CounterOutagePolicy(bool.Parse(siloBuilder.Configuration[ServeKey]!)))
                .AddGatehouseInMemoryStores();
        }
    }
}

/// <summary>Counters that fail closed when their store fails (the default).</summary>
public sealed class DurableCounterClusterFixture() : ScriptedCounterClusterFixture("durable", serveFromMemory: false);

/// <summary>Counters that keep deciding from memory while their store is down (<c>Counters:OnStoreOutage: Serve</c>).</summary>
public sealed class ServingCounterClusterFixture() : ScriptedCounterClusterFixture("serving", serveFromMemory: true);
