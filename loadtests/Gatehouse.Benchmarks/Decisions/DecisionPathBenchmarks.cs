using BenchmarkDotNet.Attributes;
using Gatehouse.LoadTests.Scenarios.Decisions;

namespace Gatehouse.Benchmarks.Decisions;

/// <summary>
/// One counter decision on one hot key, at equal concurrency, through each path: System.Threading.RateLimiting in
/// process (the ceiling), Gatehouse's counter grain on the calling silo and on another silo, and Redis (the
/// RedisRateLimiting package, and a bare atomic Lua script). Each invocation makes 1024 decisions,
/// <see cref="Concurrency"/> at a time; the time reported is per decision. Redis comes from <c>tests/redis.sh</c>
/// (or <c>GATEHOUSE_REDIS</c>).
/// </summary>
public class DecisionPathBenchmarks
{
    private const int DecisionsPerInvoke = 1024;

    private DecisionBench? _bench;
    private IDecisionPath _path = null!;

    public static IEnumerable<string> Paths => DecisionPathNames.All;

    [ParamsSource(nameof(Paths))]
    public string Path { get; set; } = DecisionPathNames.InProcess;

    [Params(1, 64)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _bench = await DecisionBench.CreateAsync([Path], keys: 1, redis: null);
        _path = _bench.Paths[0];
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_bench is not null)
        {
            await _bench.DisposeAsync();
        }
    }

    [Benchmark(OperationsPerInvoke = DecisionsPerInvoke)]
    public async Task Decide()
    {
        var workers = new Task[Concurrency];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = WorkerAsync(DecisionsPerInvoke / Concurrency);
        }

        await Task.WhenAll(workers);
    }

    private async Task WorkerAsync(int decisions)
    {
        for (var i = 0; i < decisions; i++)
        {
            if (!await _path.DecideAsync())
            {
                throw new InvalidOperationException($"{Path} refused under a limit it cannot reach");
            }
        }
    }
}
