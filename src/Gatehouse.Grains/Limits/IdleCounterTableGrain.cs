namespace Gatehouse.Grains;

/// <summary>
/// Idle counters' windows, compactly: a key and a few dozen bytes each instead of a whole activation. Never collected
/// for idleness (it would lose what it keeps), and forgets each window once it expires (swept every
/// <see cref="SweepPeriod"/>). Used in memory-only mode; durable counters go back to their store instead. A partition
/// lives on one silo: if that silo goes, the windows it kept start afresh, as an in-memory counter's window does when
/// its own silo goes.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
internal sealed class IdleCounterTableGrain(TimeProvider time) : Grain, IIdleCounterTableGrain
{
    internal static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Kept> _windows = new(StringComparer.Ordinal);
    private IGrainTimer? _sweeper;

    public ValueTask KeepAsync(IdleWindow[] windows)
    {
        foreach (var window in windows)
        {
            _windows[window.Key] = new Kept(window.Window, window.ExpiresAt.ToUnixTimeMilliseconds());
        }

        _sweeper ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod));
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> TakeAsync(string key) =>
        ValueTask.FromResult(_windows.Remove(key, out var kept) && kept.ExpiresAtUnixMs > time.GetUtcNow().ToUnixTimeMilliseconds() ? kept.Window : null);

    public ValueTask<int> CountAsync() => ValueTask.FromResult(_windows.Count);

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var key in _windows.Where(pair => pair.Value.ExpiresAtUnixMs <= now).Select(pair => pair.Key).ToList())
        {
            _windows.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <summary>A struct, so an entry costs its two fields and no object of its own.</summary>
    private readonly record struct Kept(byte[] Window, long ExpiresAtUnixMs);
}
