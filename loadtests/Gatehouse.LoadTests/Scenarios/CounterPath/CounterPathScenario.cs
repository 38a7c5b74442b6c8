using System.Diagnostics;
using Gatehouse.Grains;
using Gatehouse.Grains.Limits;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Silos;
using Gatehouse.Storage;
using Gatehouse.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.LoadTests.Scenarios.CounterPath;

/// <summary>
/// <c>counters --durability none|durable [--postgres CONN] [--keys 1] [--concurrency 64] [--seconds 10]</c>:
/// decisions per second of the counter path (grain call, window decision, and in durable mode the
/// group-committed save) on an in-process silo, with a limit high enough that every call is admitted.
/// </summary>
internal static class CounterPathScenario
{
    public static async Task<CounterPathResult> RunAsync(string durability, string? postgres, int keys, int concurrency, TimeSpan duration)
    {
        var durable = durability.Equals("durable", StringComparison.OrdinalIgnoreCase);
        if (durable)
        {
            await new SchemaMigrator(postgres ?? throw new ArgumentException("--postgres is required for durable")).MigrateAsync(CancellationToken.None);
        }

        await using var silo = await InProcessSilo.StartAsync(configure: builder =>
        {
            if (durable)
            {
                builder.Services.AddSingleton(_ => PostgresDataSources.Create(postgres!));
                builder.Services.AddSingleton<PostgresCounterStore>();
                builder.Services.AddSingleton<ICounterStore>(p => p.GetRequiredService<PostgresCounterStore>());
            }
        });

        var grains = silo.Grains;
        var run = Guid.NewGuid().ToString("N")[..8];
        var limit = new CounterLimit(CounterAlgorithm.Fixed, 3600, 1_000_000_000);
        var counters = Enumerable.Range(0, keys).Select(k => grains.GetGrain<ICounterGrain>(CounterKey.ForGrant($"bench-{run}", "up", $"c{k}"))).ToArray();

        // Warm up: activate every counter once.
        await Task.WhenAll(counters.Select(c => c.TryAcquireAsync(limit, 1).AsTask()));

        var latencies = new List<double>[concurrency];
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            var next = worker;
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var decision = await counters[next++ % keys].TryAcquireAsync(limit, 1);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!decision.Admitted)
                {
                    throw new InvalidOperationException("a counter refused under a limit it cannot reach");
                }
            }
        }));
        var elapsed = stop.Elapsed;

        var writes = durable ? silo.Services.GetRequiredService<PostgresCounterStore>().Statistics : (0L, 0L);
        var all = latencies.SelectMany(l => l).ToList();
        return new CounterPathResult(durability, keys, concurrency, all.Count, all.Count / elapsed.TotalSeconds, LatencySummary.Of(all), writes.Item1, writes.Item2);
    }
}
