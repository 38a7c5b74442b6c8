using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Scenarios.CounterPath;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class CounterPathScenarioTests
{
    [Fact]
    public async Task In_memory_counters_admit_every_decision()
    {
        var result = await CounterPathScenario.RunAsync("none", postgres: null, keys: 2, concurrency: 8, TimeSpan.FromSeconds(0.5));

        Assert.True(result.Decisions > 0);
        Assert.Equal(0, result.Writes);
    }

    [Fact]
    public async Task Durable_counters_admit_every_decision_and_group_their_saves()
    {
        await using var database = await ScratchDatabase.CreateAsync(await PostgresServer.ConnectionStringAsync(null));

        var result = await CounterPathScenario.RunAsync("durable", database.ConnectionString, keys: 2, concurrency: 8, TimeSpan.FromSeconds(0.5));

        Assert.True(result.Decisions > 0);
        Assert.InRange(result.Writes, 1, result.Decisions + 2);
    }
}
