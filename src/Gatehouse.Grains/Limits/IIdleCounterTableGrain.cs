namespace Gatehouse.Grains;

/// <summary>
/// One partition of the table where in-memory counters keep their windows while they are idle (see
/// <see cref="IdleCounterTable"/>): a counter grain leaving memory puts its window here, and the next activation of
/// that counter, on any silo, takes it back.
/// </summary>
[Alias("Gatehouse.IIdleCounterTableGrain")]
public interface IIdleCounterTableGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps <paramref name="window"/> (see <see cref="CounterStateBytes"/>) for <paramref name="key"/> until <paramref name="expiresAt"/>, when it no longer differs from a fresh one.</summary>
    [Alias("Keep")]
    ValueTask KeepAsync(string key, byte[] window, DateTimeOffset expiresAt);

    /// <summary>Removes and returns the window kept for <paramref name="key"/>, or null.</summary>
    [Alias("Take")]
    ValueTask<byte[]?> TakeAsync(string key);

    /// <summary>How many windows this partition keeps.</summary>
    [Alias("Count")]
    ValueTask<int> CountAsync();
}
