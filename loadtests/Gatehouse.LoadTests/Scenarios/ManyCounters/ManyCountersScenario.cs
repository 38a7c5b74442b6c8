using System.Diagnostics;
using System.Runtime;
using Gatehouse.Grains;
using Gatehouse.Grains.Limits;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Silos;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Gatehouse.LoadTests.Scenarios.ManyCounters;

/// <summary>
/// Scenario 4, many counters: one silo takes ever more distinct grant×counter keys (one decision each), which then go
/// idle: their activations are collected, as the silo does to counters idle for two minutes, and their windows wait in
/// the idle-counter table. At each checkpoint: managed memory per counter, and decision latency on random existing
/// counters (most of them idle, so each first decision activates the counter again from the table).
/// </summary>
internal static class ManyCountersScenario
{
    private const int CountersPerGrant = 4;

    public static async Task<ManyCountersReport> RunAsync(ManyCountersOptions options, ProgressView progress)
    {
        progress.Status("starting an in-process silo");

        // Forcing a million activations to go idle at once takes longer than a grain call's default 30 s; the call that
        // forces it would time out, and its cancellation would cut the deactivations short.
        await using var silo = await InProcessSilo.StartAsync(configure: builder => builder
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = o.SystemResponseTimeout = TimeSpan.FromMinutes(10))
            .Configure<GrainCollectionOptions>(o => o.DeactivationTimeout = TimeSpan.FromMinutes(10)));
        var grains = silo.Grains;
        var management = grains.GetGrain<IManagementGrain>(0);
        var limit = new CounterLimit(CounterAlgorithm.Fixed, 3600, 100);
        var run = Guid.NewGuid().ToString("N")[..6];
        ICounterGrain Counter(int i) => grains.GetGrain<ICounterGrain>(CounterKey.ForGrant($"g{run}-{i / CountersPerGrant}", "bench", $"c{i % CountersPerGrant}"));

        // Warm the path (code, serializers, the silo's own grains) before taking the baseline.
        await FillAsync(-1000, 0, options.Concurrency, i => Counter(i).TryAcquireAsync(limit, 1));
        var baseline = SettledHeap();

        var rows = new List<ManyCountersRow>();
        var held = 0;
        foreach (var checkpoint in options.Checkpoints)
        {
            progress.Status($"creating counters {held + 1:N0} to {checkpoint:N0}");
            var clock = Stopwatch.StartNew();
            var first = await FillAsync(held, checkpoint, options.Concurrency, i => Counter(i).TryAcquireAsync(limit, 1));
            var created = checkpoint - held;
            var rate = created / clock.Elapsed.TotalSeconds;
            held = checkpoint;

            // What two idle minutes do on their own, at once: every idle activation is collected.
            progress.Status($"{held:N0} counters: going idle");
            await management.ForceActivationCollection(TimeSpan.Zero);
            var idle = await SettledIdleWindowsAsync(grains);

            progress.Status($"{held:N0} counters: measuring memory");
            var heap = SettledHeap();
            var activations = await management.GetTotalActivationCount();

            progress.Status($"{held:N0} counters: {options.SampleSeconds} s of decisions on random ones");
            clock.Restart();
            var decisions = await SampleAsync(held, options.Concurrency, TimeSpan.FromSeconds(options.SampleSeconds), i => Counter(i).TryAcquireAsync(limit, 1));
            var decisionRate = decisions.Count / clock.Elapsed.TotalSeconds;

            using var process = Process.GetCurrentProcess();
            rows.Add(new ManyCountersRow(
                held, activations, idle, rate, LatencySummary.Of(first), heap, (heap - baseline) / (double)held,
                process.WorkingSet64, LatencySummary.Of(decisions), decisionRate));
        }

        return new ManyCountersReport(MachineInfo.Current(), options.Concurrency, baseline, rows);
    }

    /// <summary>The windows in the idle-counter table once no more arrive (two equal counts a second apart).</summary>
    private static async Task<int> SettledIdleWindowsAsync(IGrainFactory grains)
    {
        var last = -1;
        while (true)
        {
            var count = 0;
            for (var partition = 0; partition < IdleCounterTable.Partitions; partition++)
            {
                count += await grains.GetGrain<IIdleCounterTableGrain>(partition).CountAsync();
            }

            if (count == last)
            {
                return count;
            }

            last = count;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Runs <paramref name="decide"/> for every index in [from, to), <paramref name="concurrency"/> at a time; returns each latency (ms).</summary>
    private static async Task<double[]> FillAsync(int from, int to, int concurrency, Func<int, ValueTask<CounterDecision>> decide)
    {
        var latencies = new double[Math.Max(0, to - from)];
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < to)
            {
                var started = Stopwatch.GetTimestamp();
                await decide(i);
                latencies[i - from] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        return latencies;
    }

    /// <summary>Decisions on random counters below <paramref name="held"/> for <paramref name="duration"/>; returns each latency (ms).</summary>
    private static async Task<List<double>> SampleAsync(int held, int concurrency, TimeSpan duration, Func<int, ValueTask<CounterDecision>> decide)
    {
        var clock = Stopwatch.StartNew();
        var workers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            var mine = new List<double>();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await decide(Random.Shared.Next(held));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return mine;
        }));
        return [.. workers.SelectMany(w => w)];
    }

    /// <summary>The managed heap after full, compacting collections (what live objects really hold).</summary>
    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
