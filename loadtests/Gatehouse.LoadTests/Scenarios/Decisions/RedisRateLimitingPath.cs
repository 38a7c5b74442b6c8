using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>The usual distributed alternative: the RedisRateLimiting package's fixed window limiter (an atomic Lua script per decision).</summary>
internal sealed class RedisRateLimitingPath : IDecisionPath
{
    private readonly RedisFixedWindowRateLimiter<string>[] _limiters;
    private int _next;

    public RedisRateLimitingPath(IConnectionMultiplexer redis, int keys)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        _limiters = [.. Enumerable.Range(0, keys).Select(k => new RedisFixedWindowRateLimiter<string>($"gatehouse-bench-{run}-{k}", new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => redis,
            PermitLimit = int.MaxValue,
            Window = TimeSpan.FromHours(1),
        }))];
    }

    public string Name => "redis-ratelimiting";

    public string Description => "RedisRateLimiting 1.2.1 RedisFixedWindowRateLimiter on a local Redis (StackExchange.Redis)";

    public async ValueTask<bool> DecideAsync()
    {
        using var lease = await _limiters[(int)((uint)Interlocked.Increment(ref _next) % (uint)_limiters.Length)].AcquireAsync(1);
        return lease.IsAcquired;
    }

    public ValueTask DisposeAsync()
    {
        foreach (var limiter in _limiters)
        {
            limiter.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
