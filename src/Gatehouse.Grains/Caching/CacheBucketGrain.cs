using Gatehouse.Grains.Caching;

namespace Gatehouse.Grains;

/// <summary>A bucket of cache entries held until they expire; expired entries are swept every 30 s.</summary>
internal sealed class CacheBucketGrain(TimeProvider time, CacheBucketTally tally) : Grain, ICacheBucketGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private IGrainTimer? _sweeper;

    public ValueTask<byte[]?> GetAsync(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return ValueTask.FromResult<byte[]?>(null);
        }

        var now = time.GetUtcNow();
        if (entry.ExpiredAt(now))
        {
            Forget(key);
            return ValueTask.FromResult<byte[]?>(null);
        }

        entry.LastAccess = now;
        return ValueTask.FromResult<byte[]?>(entry.Value);
    }

    public ValueTask SetAsync(string key, byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration)
    {
        Forget(key);
        _entries[key] = new Entry(value, absoluteExpiration, slidingExpiration) { LastAccess = time.GetUtcNow() };
        tally.Added(value.Length);
        _sweeper ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { KeepAlive = true });
        return ValueTask.CompletedTask;
    }

    public ValueTask RefreshAsync(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.LastAccess = time.GetUtcNow();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key)
    {
        Forget(key);
        return ValueTask.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The entries go with the activation (best effort, as the interface says): no longer held here.
        foreach (var key in _entries.Keys.ToList())
        {
            Forget(key);
        }

        return Task.CompletedTask;
    }

    private void Forget(string key)
    {
        if (_entries.Remove(key, out var entry))
        {
            tally.Removed(entry.Value.Length);
        }
    }

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var key in _entries.Where(pair => pair.Value.ExpiredAt(now)).Select(pair => pair.Key).ToList())
        {
            Forget(key);
        }

        if (_entries.Count == 0)
        {
            // Nothing left to keep: the bucket may be collected until the next entry arrives.
            _sweeper?.Dispose();
            _sweeper = null;
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(byte[] value, DateTimeOffset? absoluteExpiration, TimeSpan? slidingExpiration)
    {
        public byte[] Value { get; } = value;

        public DateTimeOffset LastAccess { get; set; }

        public bool ExpiredAt(DateTimeOffset now) =>
            (absoluteExpiration is { } at && now >= at) || (slidingExpiration is { } idle && now - LastAccess >= idle);
    }
}
