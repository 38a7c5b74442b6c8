using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>
/// Durability <c>none</c>: windows live only in their grain. Saving costs nothing; a window is lost
/// (and starts empty) when the silo holding it dies.
/// </summary>
public sealed class InMemoryCounterStore : ICounterStore
{
    public bool IsDurable => false;

    public Task<StoredCounter?> LoadAsync(string key, CancellationToken cancellationToken) => Task.FromResult<StoredCounter?>(null);

    public Task<long> SaveAsync(string key, CounterState state, long expectedVersion, CancellationToken cancellationToken) =>
        Task.FromResult(expectedVersion + 1);
}
