namespace Gatehouse.Grains;

/// <summary>
/// One partition of the table where in-memory counters keep their windows while they are idle (see
/// <see cref="IdleCounterTable"/>): a counter grain leaving memory puts its window here, and the next activation of
/// that counter, on any silo, takes it back.
/// </summary>
[Alias("Gatehouse.IIdleCounterTableGrain")]
public interface IIdleCounterTableGrain : IGrainWithIntegerKey
{
    /// <summary>Keeps each window until it expires (replacing what was kept for its key).</summary>
    [Alias("Keep")]
    ValueTask KeepAsync(IdleWindow[] windows);

    /// <summary>Removes and returns the window kept for <paramref name="key"/>, or null.</summary>
    [Alias("Take")]
    ValueTask<byte[]?> TakeAsync(string key);

    /// <summary>How many windows this partition keeps.</summary>
    [Alias("Count")]
    ValueTask<int> CountAsync();
}

/// <summary>An idle counter's window, as <see cref="CounterStateBytes"/>, and when it no longer differs from a fresh one.</summary>
[GenerateSerializer, Immutable, Alias("Gatehouse.IdleWindow")]
public sealed record IdleWindow([property: Id(0)] string Key, [property: Id(1)] byte[] Window, [property: Id(2)] DateTimeOffset ExpiresAt);
