using Microsoft.Extensions.Logging;

namespace Gatehouse.Grains;

/// <summary>
/// Idle counters' windows, compactly: a key and a few dozen bytes each instead of a whole activation. Forgets each window
/// once it expires (swept every <see cref="SweepPeriod"/>, a timer that also keeps the partition in memory). Used in
/// memory-only mode; durable counters go back to their store instead. A partition lives on one silo. When it is
/// deactivated (its silo stops gracefully), it hands its windows to its next activation on another silo, as it does
/// when Orleans migrates it; if its silo dies, they start afresh, as an in-memory counter's window does when its own
/// silo dies.
/// </summary>
internal sealed partial class IdleCounterTableGrain(TimeProvider time, ILogger<IdleCounterTableGrain> logger)
    : Grain, IIdleCounterTableGrain, IGrainMigrationParticipant
{
    private const string MigratedWindows = "windows";

    internal static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Kept> _windows = new(StringComparer.Ordinal);
    private IGrainTimer? _sweeper;

    public ValueTask KeepAsync(IdleWindow[] windows)
    {
        Put(windows);
        StartSweeping();
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> TakeAsync(string key) =>
        ValueTask.FromResult(_windows.Remove(key, out var kept) && kept.ExpiresAtUnixMs > time.GetUtcNow().ToUnixTimeMilliseconds() ? kept.Window : null);

    public ValueTask<int> CountAsync() => ValueTask.FromResult(_windows.Count);

    public void OnDehydrate(IDehydrationContext dehydrationContext) =>
        dehydrationContext.TryAddValue(MigratedWindows, Snapshot());

    private IdleWindow[] Snapshot() =>
        [.. _windows.Select(pair => new IdleWindow(pair.Key, pair.Value.Window, DateTimeOffset.FromUnixTimeMilliseconds(pair.Value.ExpiresAtUnixMs)))];

    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        if (rehydrationContext.TryGetValue<IdleWindow[]>(MigratedWindows, out var windows) && windows is not null)
        {
            Put(windows);
        }
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        StartSweeping();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_windows.Count > 0 && reason.ReasonCode != DeactivationReasonCode.Migrating)
        {
            // Sent to this partition's own id, the windows wait until this activation is gone and reach the next one, on a
            // silo that stays. Not awaited: it cannot be delivered before this deactivation ends.
            var count = _windows.Count;
            var partition = this.GetPrimaryKeyLong();
            _ = this.AsReference<IIdleCounterTableGrain>().KeepAsync(Snapshot()).AsTask().ContinueWith(
                handover => Log.HandoverFailed(logger, partition, count, handover.Exception!.GetBaseException().Message),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    private void Put(IdleWindow[] windows)
    {
        foreach (var window in windows)
        {
            _windows[window.Key] = new Kept(window.Window, window.ExpiresAt.ToUnixTimeMilliseconds());
        }
    }

    private void StartSweeping() => _sweeper ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { KeepAlive = true });

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

    private static partial class Log
    {
        [LoggerMessage(EventId = 2120, Level = LogLevel.Error, Message = "Idle-counter table partition {Partition} could not hand its {Count} windows to its next activation: {Error}; those counters start afresh")]
        public static partial void HandoverFailed(ILogger logger, long partition, int count, string error);
    }
}
