using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>
/// Where counter grains keep their windows so a window outlives the silo that held it. Every save is
/// a compare-and-set on the version the activation last read or wrote: a second activation of the
/// same counter (possible for a moment while membership changes) fails its first save instead of
/// admitting a second budget.
/// </summary>
public interface ICounterStore
{
    /// <summary>True when saves reach durable storage; false for the in-memory mode, where saving is free.</summary>
    bool IsDurable { get; }

    /// <summary>The stored window of <paramref name="key"/>, or null if it was never saved.</summary>
    Task<StoredCounter?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/> (0: not stored yet).</summary>
    /// <returns>The new version.</returns>
    /// <exception cref="CounterFencedException">Another activation saved in between.</exception>
    Task<long> SaveAsync(string key, CounterState state, long expectedVersion, CancellationToken cancellationToken);
}
