using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>A one-silo in-process cluster whose counter grains save to a <see cref="ScriptedCounterStore"/>, on a fake clock.</summary>
public sealed class DurableCounterClusterFixture : IAsyncLifetime
{
    /// <summary>Shared with the silo through <see cref="SiloConfigurator"/>, which the test cluster constructs itself.</summary>
    private static readonly ScriptedCounterStore SharedStore = new();

    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    internal ScriptedCounterStore Store => SharedStore;

    public FakeTimeProvider Time => Clock;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
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
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock).AddSingleton<ICounterStore>(SharedStore).AddGatehouseInMemoryStores();
    }
}

