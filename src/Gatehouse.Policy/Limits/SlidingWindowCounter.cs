namespace Gatehouse.Policy;

/// <summary>An exact sliding window: a log of admitted reservations, each counting for one window length after it
/// was admitted. No interval of the window's length ever holds more than max units.</summary>
internal sealed class SlidingWindowCounter : IWindowCounter
{
    private readonly int _seconds;
    private readonly long _lengthMs;
    private readonly decimal _max;

    // Oldest first; memory is proportional to the live entries because expired ones are pruned on every call.
    private readonly List<CounterEntry> _entries = [];
    private decimal _used;

    public SlidingWindowCounter(int seconds, decimal max)
    {
        CounterGuard.Shape(seconds, max);
        _seconds = seconds;
        _lengthMs = seconds * 1000L;
        _max = max;
    }

    private decimal Remaining => Math.Max(0, _max - _used);

    public static SlidingWindowCounter Restore(CounterState state)
    {
        CounterGuard.Algorithm(state, WindowAlgorithm.Sliding);
        var counter = new SlidingWindowCounter(state.WindowSeconds, state.Max);
        counter._entries.AddRange(state.Entries.OrderBy(entry => entry.AtUnixMs));

        // Recomputed rather than trusted: the log is the truth, and a stale sum would over- or under-admit.
        counter._used = counter._entries.Sum(entry => entry.Cost);
        return counter;
    }

    public WindowDecision TryAcquire(DateTimeOffset now, decimal cost)
    {
        CounterGuard.Cost(cost);
        var nowMs = Prune(now);
        if (cost > _max)
        {
            return new WindowDecision(false, Remaining, TimeSpan.MaxValue, ResetAt(now));
        }

        if (_used + cost > _max)
        {
            return new WindowDecision(false, Remaining, UnixMs.Until(FitsAt(_used + cost - _max), now), ResetAt(now));
        }

        if (cost > 0)
        {
            // Never before the newest entry: keeps the log ordered if the clock steps back, and only lengthens a life.
            var at = _entries.Count > 0 ? Math.Max(nowMs, _entries[^1].AtUnixMs) : nowMs;
            _entries.Add(new CounterEntry(at, cost));
            _used += cost;
        }

        return new WindowDecision(true, Remaining, TimeSpan.Zero, ResetAt(now));
    }

    public void Release(DateTimeOffset acquiredAt, decimal cost, DateTimeOffset now)
    {
        CounterGuard.Cost(cost);
        Prune(now);
        var at = UnixMs.From(acquiredAt);
        var index = _entries.FindLastIndex(entry => entry.AtUnixMs == at && entry.Cost == cost);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
            _used = _entries.Count == 0 ? 0 : _used - cost;
        }
    }

    public WindowSnapshot Snapshot(DateTimeOffset now)
    {
        Prune(now);
        return new WindowSnapshot(_used, Remaining, ResetAt(now));
    }

    public CounterState Export() =>
        new(WindowAlgorithm.Sliding, _seconds, _max, 0, _used, 0, 0, _entries.ToArray());

    /// <summary>Drops entries that no longer count: an entry admitted at t counts while now &lt; t + window.</summary>
    private long Prune(DateTimeOffset now)
    {
        var nowMs = UnixMs.From(now);
        var expired = 0;
        while (expired < _entries.Count && _entries[expired].AtUnixMs + _lengthMs <= nowMs)
        {
            _used -= _entries[expired].Cost;
            expired++;
        }

        _entries.RemoveRange(0, expired);
        if (_entries.Count == 0)
        {
            _used = 0;
        }

        // After a burst has expired, give its memory back rather than hold the peak forever.
        if (_entries.Capacity > 64 && _entries.Count < _entries.Capacity / 4)
        {
            _entries.TrimExcess();
        }

        return nowMs;
    }

    /// <summary>The first moment at which entries worth at least <paramref name="excess"/> have expired.</summary>
    private long FitsAt(decimal excess)
    {
        var freed = 0m;
        foreach (var entry in _entries)
        {
            freed += entry.Cost;
            if (freed >= excess)
            {
                return entry.AtUnixMs + _lengthMs;
            }
        }

        // Unreachable while cost <= max: expiring every entry frees all of _used.
        return _entries[^1].AtUnixMs + _lengthMs;
    }

    private DateTimeOffset ResetAt(DateTimeOffset now) =>
        _entries.Count > 0 ? UnixMs.ToTime(_entries[0].AtUnixMs + _lengthMs) : now;
}
