namespace Gatehouse.Policy;

/// <summary>The window arithmetic of one counter key. Pure: the caller passes <c>now</c> and time comes from
/// nowhere else. Not thread-safe; its owner (a non-reentrant grain) serialises calls.</summary>
/// <remarks>Times are handled at millisecond precision. Should <c>now</c> run backwards (a grain moved to a silo
/// with a slower clock), counters stay conservative: they never admit more than their promise.</remarks>
public interface IWindowCounter
{
    /// <summary>Admits <paramref name="cost"/> units (zero or more) iff the whole cost fits; a refusal changes nothing.</summary>
    WindowDecision TryAcquire(DateTimeOffset now, decimal cost);

    /// <summary>Gives back <paramref name="cost"/> reserved at <paramref name="acquiredAt"/>, for a call the upstream
    /// never ran. A no-op when that reservation no longer counts (its window has passed or its entry expired).</summary>
    void Release(DateTimeOffset acquiredAt, decimal cost, DateTimeOffset now);

    /// <summary>The counter's state at <paramref name="now"/>, for operators.</summary>
    WindowSnapshot Snapshot(DateTimeOffset now);

    /// <summary>Plain data for durable storage; <see cref="WindowCounter.Restore"/> rebuilds an identical counter.</summary>
    CounterState Export();
}
