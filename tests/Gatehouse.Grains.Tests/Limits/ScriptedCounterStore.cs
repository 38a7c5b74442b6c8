using System.Collections.Concurrent;
using Gatehouse.Policy;

namespace Gatehouse.Grains.Tests.Limits;

/// <summary>
/// A durable counter store in memory that keeps versions the way PostgreSQL's does (every save a
/// compare-and-set on the version), and whose saves a test can hold, fail, or lose to another
/// activation of the same counter.
/// </summary>
internal sealed class ScriptedCounterStore : ICounterStore
{
    private readonly ConcurrentDictionary<string, StoredCounter> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HeldSave> _held = new(StringComparer.Ordinal);
    private bool _down;

    public bool IsDurable => true;

    /// <summary>While true, every load and save fails, as when the database is unreachable.</summary>
    public bool Down
    {
        get => Volatile.Read(ref _down);
        set => Volatile.Write(ref _down, value);
    }

    public Task<StoredCounter?> LoadAsync(string key, CancellationToken cancellationToken) =>
        Down ? Task.FromException<StoredCounter?>(Unreachable()) : Task.FromResult(_rows.GetValueOrDefault(key));

    public async Task<long> SaveAsync(string key, CounterState state, long expectedVersion, CancellationToken cancellationToken)
    {
        if (_held.TryRemove(key, out var held))
        {
            await held.ArriveAsync();
        }

        if (Down)
        {
            throw Unreachable();
        }

        lock (_rows)
        {
            var stored = _rows.GetValueOrDefault(key)?.Version ?? 0;
            if (stored != expectedVersion)
            {
                throw new CounterFencedException(key);
            }

            _rows[key] = new StoredCounter(state, stored + 1);
            return stored + 1;
        }
    }

    private static IOException Unreachable() => new("the database is unreachable");

    /// <summary>What is stored for <paramref name="key"/> now.</summary>
    public StoredCounter? Stored(string key) => _rows.GetValueOrDefault(key);

    /// <summary>Another activation of the counter saved <paramref name="state"/>: the version moves on.</summary>
    public void SaveFromAnotherActivation(string key, CounterState state)
    {
        lock (_rows)
        {
            _rows[key] = new StoredCounter(state, (_rows.GetValueOrDefault(key)?.Version ?? 0) + 1);
        }
    }

    /// <summary>The next save of <paramref name="key"/> waits at the returned gate until the test lets it go on or fail.</summary>
    public HeldSave HoldNextSave(string key) => _held[key] = new HeldSave();

    /// <summary>A save waiting for the test.</summary>
    internal sealed class HeldSave
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when the save reached the store.</summary>
        public Task Arrived => _arrived.Task;

        public void Fail(Exception failure) => _released.TrySetException(failure);

        public void Release() => _released.TrySetResult();

        internal Task ArriveAsync()
        {
            _arrived.TrySetResult();
            return _released.Task;
        }
    }
}
