using System.Threading.RateLimiting;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>System.Threading.RateLimiting's fixed window limiter in this process: the ceiling (no network, one process only).</summary>
internal sealed class InProcessLimiterPath : IDecisionPath
{
    private readonly FixedWindowRateLimiter[] _limiters;
    private int _next;

    public InProcessLimiterPath(int keys)
    {
        _limiters = [.. Enumerable.Range(0, keys).Select(_ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = int.MaxValue,
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }))];
    }

    public string Name => "in-process";

    public string Description => "System.Threading.RateLimiting FixedWindowRateLimiter, in process (not shared between replicas)";

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
