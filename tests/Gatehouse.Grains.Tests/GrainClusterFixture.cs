using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Gatehouse.Grains.Tests;

/// <summary>A two-silo in-process cluster whose silos all read one fake clock.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    /// <summary>Shared with the silos through <see cref="SiloConfigurator"/>, which the test cluster constructs itself.</summary>
    internal static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Time => Clock;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
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
            siloBuilder.Services.AddSingleton<TimeProvider>(Clock).AddGatehouseInMemoryStores();
    }
}
