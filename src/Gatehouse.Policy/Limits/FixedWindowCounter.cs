namespace Gatehouse.Policy;

/// <summary>Fixed windows aligned to the UTC epoch: at most max units in each window.</summary>
internal sealed class FixedWindowCounter : IWindowCounter
{
    private readonly int _seconds;
    private readonly long _lengthMs;
    private readonly decimal _max;
    private long _windowStartMs = UnixMs.Never;
    private decimal _used;

    public FixedWindowCounter(int seconds, decimal max)
    {
        CounterGuard.Shape(seconds, max);
        _seconds = seconds;
        _lengthMs = seconds * 1000L;
        _max = max;
    }

    private DateTimeOffset ResetAt => UnixMs.ToTime(_windowStartMs + _lengthMs);

    private decimal Remaining => Math.Max(0, _max - _used);

    public static FixedWindowCounter Restore(CounterState state)
    {
        CounterGuard.Algorithm(state, WindowAlgorithm.Fixed);
        return new FixedWindowCounter(state.WindowSeconds, state.Max) { _windowStartMs = state.WindowStartUnixMs, _used = state.Used };
    }

    public WindowDecision TryAcquire(DateTimeOffset now, decimal cost)
    {
        CounterGuard.Cost(cost);
        Roll(now);
        if (cost > _max)
        {
            return new WindowDecision(false, Remaining, TimeSpan.MaxValue, ResetAt);
        }

        if (_used + cost > _max)
        {
            // The next window starts empty, and the cost fits in an empty window.
            return new WindowDecision(false, Remaining, UnixMs.Until(_windowStartMs + _lengthMs, now), ResetAt);
        }

        _used += cost;
        return new WindowDecision(true, Remaining, TimeSpan.Zero, ResetAt);
    }

    public void Release(DateTimeOffset acquiredAt, decimal cost, DateTimeOffset now)
    {
        CounterGuard.Cost(cost);
        Roll(now);
        if (UnixMs.FloorTo(UnixMs.From(acquiredAt), _lengthMs) == _windowStartMs)
        {
            _used = Math.Max(0, _used - cost);
        }
    }

    public WindowSnapshot Snapshot(DateTimeOffset now)
    {
        Roll(now);
        return new WindowSnapshot(_used, Remaining, ResetAt);
    }

    public CounterState Export() =>
        new(WindowAlgorithm.Fixed, _seconds, _max, _windowStartMs, _used, 0, 0, []);

    private void Roll(DateTimeOffset now)
    {
        // Only forward: were the clock to step back, reopening an earlier window would count its units twice.
        var start = UnixMs.FloorTo(UnixMs.From(now), _lengthMs);
        if (start > _windowStartMs)
        {
            _windowStartMs = start;
            _used = 0;
        }
    }
}
