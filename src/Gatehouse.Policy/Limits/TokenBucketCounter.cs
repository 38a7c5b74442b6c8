namespace Gatehouse.Policy;

/// <summary>A token bucket: holds up to max tokens (the burst), starts full, and refills continuously at max
/// per window. A call is admitted when the bucket holds at least its cost.</summary>
internal sealed class TokenBucketCounter : IWindowCounter
{
    private readonly int _seconds;
    private readonly long _lengthMs;
    private readonly decimal _max;

    // The bucket as of the last admission or release. Refill is computed from this mark on demand and never
    // stored in between, so a refusal or snapshot changes nothing and the advertised retry time stays exact.
    private decimal _tokens;
    private long _markMs = UnixMs.Never;

    public TokenBucketCounter(int seconds, decimal max)
    {
        CounterGuard.Shape(seconds, max);
        _seconds = seconds;
        _lengthMs = seconds * 1000L;
        _max = max;
        _tokens = max;
    }

    public static TokenBucketCounter Restore(CounterState state)
    {
        CounterGuard.Algorithm(state, WindowAlgorithm.TokenBucket);
        return new TokenBucketCounter(state.WindowSeconds, state.Max) { _tokens = state.Tokens, _markMs = state.LastRefillUnixMs };
    }

    public WindowDecision TryAcquire(DateTimeOffset now, decimal cost)
    {
        CounterGuard.Cost(cost);
        var nowMs = UnixMs.From(now);
        var tokens = TokensAt(nowMs);
        if (cost > _max)
        {
            return new WindowDecision(false, Remaining(tokens), TimeSpan.MaxValue, FullAt(tokens, now));
        }

        if (tokens < cost)
        {
            return new WindowDecision(false, Remaining(tokens), UnixMs.Until(_markMs + MsUntil(cost), now), FullAt(tokens, now));
        }

        Mark(tokens - cost, nowMs);
        return new WindowDecision(true, Remaining(_tokens), TimeSpan.Zero, FullAt(_tokens, now));
    }

    public void Release(DateTimeOffset acquiredAt, decimal cost, DateTimeOffset now)
    {
        CounterGuard.Cost(cost);
        var nowMs = UnixMs.From(now);
        Mark(Math.Min(_max, TokensAt(nowMs) + cost), nowMs);
    }

    public WindowSnapshot Snapshot(DateTimeOffset now)
    {
        var tokens = TokensAt(UnixMs.From(now));
        return new WindowSnapshot(_max - tokens, Remaining(tokens), FullAt(tokens, now));
    }

    public CounterState Export() =>
        new(WindowAlgorithm.TokenBucket, _seconds, _max, 0, _max - _tokens, _tokens, _markMs, []);

    // A clock that steps back behind the mark refills nothing and keeps the later mark: no token is minted twice.
    private void Mark(decimal tokens, long nowMs)
    {
        _tokens = tokens;
        _markMs = Math.Max(_markMs, nowMs);
    }

    private decimal TokensAt(long nowMs) => _markMs == UnixMs.Never || nowMs <= _markMs ? _tokens : TokensAfter(nowMs - _markMs);

    /// <summary>The tokens the bucket holds <paramref name="elapsedMs"/> after the mark.</summary>
    private decimal TokensAfter(long elapsedMs) =>
        elapsedMs >= _lengthMs ? _max : Math.Min(_max, _tokens + (elapsedMs * _max / _lengthMs));

    /// <summary>The fewest whole milliseconds after the mark at which the bucket holds <paramref name="target"/>
    /// (at most max), found with the arithmetic <see cref="TokensAt"/> uses, so a retry at that moment succeeds.</summary>
    private long MsUntil(decimal target)
    {
        var elapsed = Math.Min(_lengthMs, (long)decimal.Ceiling((target - _tokens) * _lengthMs / _max));
        while (TokensAfter(elapsed) < target)
        {
            elapsed++;
        }

        while (elapsed > 1 && TokensAfter(elapsed - 1) >= target)
        {
            elapsed--;
        }

        return elapsed;
    }

    private DateTimeOffset FullAt(decimal tokens, DateTimeOffset now) =>
        tokens >= _max ? now : UnixMs.ToTime(_markMs + MsUntil(_max));

    // Whole tokens for whole budgets: "3 remaining" means three calls, not 3.9998 of them.
    private decimal Remaining(decimal tokens) =>
        Math.Max(0, _max == decimal.Truncate(_max) ? decimal.Floor(tokens) : tokens);
}
