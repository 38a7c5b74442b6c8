using System.Diagnostics;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>
/// <c>decisions</c>: the counter decision through a local grain and through a grain on another silo, against
/// System.Threading.RateLimiting in process and Redis-backed limiters, at the same concurrency, in
/// alternating phases of one run. Every decision's latency is recorded.
/// </summary>
internal static class DecisionsScenario
{
    public static async Task<(DecisionsReport Report, IReadOnlyDictionary<string, List<double>> Latencies)> RunAsync(DecisionsOptions options, ProgressView progress)
    {
        progress.Status("setting up: " + string.Join(", ", options.Paths));
        await using var bench = await DecisionBench.CreateAsync(options.Paths, options.Keys, options.Redis);
        var latencies = bench.Paths.ToDictionary(p => p.Name, _ => new List<double>());
        var totals = bench.Paths.ToDictionary(p => p.Name, _ => (Refused: 0, Errors: 0, Seconds: 0.0));

        foreach (var path in bench.Paths)
        {
            progress.Status($"warming up {path.Name}");
            await PhaseAsync(path, options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
        }

        for (var round = 0; round < options.Rounds; round++)
        {
            var order = round % 2 == 0 ? bench.Paths : bench.Paths.Reverse();
            foreach (var path in order)
            {
                progress.Status($"round {round + 1}/{options.Rounds}: {path.Name}");
                var phase = await PhaseAsync(path, options.Concurrency, TimeSpan.FromSeconds(options.PhaseSeconds));
                latencies[path.Name].AddRange(phase.Latencies);
                var total = totals[path.Name];
                totals[path.Name] = (total.Refused + phase.Refused, total.Errors + phase.Errors, total.Seconds + phase.Elapsed.TotalSeconds);
            }
        }

        var stats = bench.Paths.Select(p =>
        {
            var (refused, errors, seconds) = totals[p.Name];
            var samples = latencies[p.Name];
            return new DecisionStats(p.Name, p.Description, samples.Count, refused, errors, seconds, samples.Count / seconds, LatencySummary.Of(samples));
        }).ToList();
        foreach (var s in stats)
        {
            progress.Completed(new PhaseStats(s.Path, s.Decisions, s.Decisions - s.Refused, 0, s.Refused, s.Errors, new Dictionary<string, int>(), s.Seconds, s.DecisionsPerSecond, s.Latency));
        }

        return (new DecisionsReport(MachineInfo.Current(), options.Concurrency, options.Keys, options.PhaseSeconds, options.Rounds, stats), latencies);
    }

    /// <summary><paramref name="concurrency"/> workers deciding back to back for <paramref name="duration"/>.</summary>
    private static async Task<(List<double> Latencies, int Refused, int Errors, TimeSpan Elapsed)> PhaseAsync(IDecisionPath path, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var workers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            var mine = new List<double>(4096);
            int refused = 0, errors = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (!await path.DecideAsync())
                    {
                        refused++;
                    }

                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    errors++;
                }
            }

            return (mine, refused, errors);
        }));
        var elapsed = clock.Elapsed;
        return ([.. workers.SelectMany(w => w.mine)], workers.Sum(w => w.refused), workers.Sum(w => w.errors), elapsed);
    }
}
