using System.Diagnostics;
using Gatehouse.Grains.Limits;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Silos;
using StackExchange.Redis;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>
/// The decision paths under comparison, set up side by side: two silos in this process (one cluster over
/// loopback TCP) for the grain paths, a Redis connection for the Redis paths.
/// </summary>
internal sealed class DecisionBench : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private DecisionBench()
    {
    }

    public IReadOnlyList<IDecisionPath> Paths { get; private set; } = [];

    /// <param name="names">Paths to set up (see <see cref="DecisionPathNames"/>).</param>
    /// <param name="keys">Distinct counter keys each path spreads its decisions over (1: one hot key).</param>
    /// <param name="redis">Redis <c>host:port</c>; null: <c>GATEHOUSE_REDIS</c>, else <c>tests/redis.sh</c> installs and starts one.</param>
    public static async Task<DecisionBench> CreateAsync(IReadOnlyList<string> names, int keys, string? redis)
    {
        var bench = new DecisionBench();
        try
        {
            var paths = new List<IDecisionPath>();
            InProcessSilo? caller = null, other = null;
            if (names.Any(DecisionPathNames.NeedsSilos))
            {
                caller = await InProcessSilo.StartAsync();
                bench._owned.Add(caller);
                other = await InProcessSilo.StartAsync(primary: caller);
                bench._owned.Add(other);
            }

            IConnectionMultiplexer? multiplexer = null;
            if (names.Any(DecisionPathNames.NeedsRedis))
            {
                multiplexer = await ConnectionMultiplexer.ConnectAsync(redis ?? await RedisServerAsync());
                bench._owned.Add(multiplexer);
            }

            foreach (var name in names)
            {
                paths.Add(name switch
                {
                    DecisionPathNames.InProcess => new InProcessLimiterPath(keys),
                    DecisionPathNames.GrainLocal => new GrainDecisionPath(name, "counter grain on the calling silo (Orleans call, no network)", await CountersOnAsync(caller!, caller!, keys)),
                    DecisionPathNames.GrainRemote => new GrainDecisionPath(name, "counter grain on another silo (Orleans call over loopback TCP)", await CountersOnAsync(caller!, other!, keys)),
                    DecisionPathNames.GrainRemoteBatched => new BatchedGrainDecisionPath(name, "counter grain on another silo, concurrent requests batched per key (as replicas do)", caller!.Grains, await CountersOnAsync(caller!, other!, keys)),
                    DecisionPathNames.RedisRateLimiting => new RedisRateLimitingPath(multiplexer!, keys),
                    DecisionPathNames.RedisLua => new RedisLuaPath(multiplexer!, keys),
                    _ => throw new ArgumentException($"unknown decision path '{name}'; known: {string.Join(", ", DecisionPathNames.All)}"),
                });
            }

            bench.Paths = paths;
            bench._owned.AddRange(paths);
        }
        catch
        {
            await bench.DisposeAsync();
            throw;
        }

        return bench;
    }

    /// <summary>Disposes in reverse order of creation: paths, Redis, then the second silo before the first (its primary).</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        _owned.Clear();
    }

    /// <summary>
    /// Counter grains, called through <paramref name="caller"/>'s grain factory, whose activations live on
    /// <paramref name="home"/>: each candidate key is activated from <paramref name="home"/> (placement prefers the
    /// local silo) and kept only if its snapshot says it lives there.
    /// </summary>
    private static async Task<ICounterGrain[]> CountersOnAsync(InProcessSilo caller, InProcessSilo home, int keys)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var found = new List<ICounterGrain>();
        for (var candidate = 0; found.Count < keys; candidate++)
        {
            if (candidate > 1000 + (keys * 20))
            {
                throw new InvalidOperationException($"could not place {keys} counters on silo {home.Identity}");
            }

            var key = CounterKey.ForGrant($"bench-{run}", "bench", $"c{candidate}");
            var snapshot = await home.Grains.GetGrain<ICounterGrain>(key).PeekAsync();
            if (snapshot.Silo == home.Identity)
            {
                var counter = caller.Grains.GetGrain<ICounterGrain>(key);
                await counter.TryAcquireAsync(GrainDecisionPath.Limit, 1);
                found.Add(counter);
            }
        }

        return [.. found];
    }

    private static async Task<string> RedisServerAsync()
    {
        if (Environment.GetEnvironmentVariable("GATEHOUSE_REDIS") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        var script = Path.Combine(BuiltPrograms.RepositoryRoot, "tests", "redis.sh");
        var info = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not run tests/redis.sh");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return process.ExitCode == 0 && last is not null
            ? last.Trim()
            : throw new InvalidOperationException("tests/redis.sh failed; pass --redis HOST:PORT");
    }
}
