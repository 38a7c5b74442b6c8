namespace Gatehouse.Grains.Limits;

/// <summary>
/// The authoritative window of one counter key. The key is <c>{scope}/{upstream}/{counter}</c>
/// (see <see cref="CounterKey"/>). Exactly one activation decides for a key, on its silo's clock.
/// </summary>
[Alias("Gatehouse.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Reserves <paramref name="cost"/> units if they fit in the window; changes nothing otherwise.</summary>
    [Alias("TryAcquire"), SafeToResend]
    ValueTask<CounterDecision> TryAcquireAsync(CounterLimit limit, decimal cost);

    /// <summary>
    /// Decides several requests in one turn, in order, each exactly as <see cref="TryAcquireAsync"/> would
    /// (a replica's batch of concurrent calls for this key); one save covers every admission.
    /// </summary>
    [Alias("TryAcquireBatch"), SafeToResend]
    ValueTask<CounterDecision[]> TryAcquireBatchAsync(CounterLimit limit, decimal[] costs);

    /// <summary>Gives back a reservation whose call never ran upstream.</summary>
    [Alias("Release")]
    ValueTask ReleaseAsync(CounterLimit limit, CounterReservation reservation);

    /// <summary>The window as it stands now, without spending.</summary>
    [Alias("Peek"), SafeToResend]
    ValueTask<CounterSnapshot> PeekAsync();
}
