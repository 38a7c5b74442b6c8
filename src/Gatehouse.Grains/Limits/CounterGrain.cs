using Gatehouse.Grains.Limits;
using Gatehouse.Policy;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Gatehouse.Grains;

/// <summary>
/// Holds one counter key's window. Each decision is made synchronously — check and increment with no
/// await between them — so decisions never interleave. The grain is reentrant only so that requests
/// can decide while an earlier decision waits for its save: in durable mode an admission is answered
/// once a save covering it is stored, and one save covers every decision made while the previous one
/// was in flight (group commit).
/// </summary>
/// <remarks>
/// A save the store cannot take (it is down, not a lost compare-and-set) fences the activation, unless
/// <see cref="CounterOutagePolicy.ServeFromMemory"/>: then the activation keeps deciding from its window, answers
/// at once, and tries to store the window every <see cref="OutageRetryPeriod"/> until it is stored; it stays in
/// memory meanwhile.
/// <para>
/// An idle counter leaves memory after <see cref="IdleMinutes"/> minutes: a durable one is in its store already; an
/// in-memory one puts its window in the <see cref="IdleCounterTable"/> (a few dozen bytes instead of an activation) and
/// its next activation takes it back, so a million idle counters fit in a silo.
/// </para>
/// </remarks>
[Reentrant]
[CollectionAgeLimit(Minutes = IdleMinutes)]
internal sealed partial class CounterGrain(
    TimeProvider time, ICounterStore store, CounterOutagePolicy outage, IdleWindowBatcher idleWindows, ILogger<CounterGrain> logger)
    : Grain, ICounterGrain
{
    internal const int IdleMinutes = 2;

    internal static readonly TimeSpan OutageRetryPeriod = TimeSpan.FromSeconds(1);

    private readonly CounterSaves _saves = new();
    private IGrainTimer? _outageRetry;
    private IWindowCounter? _window;
    private CounterLimit? _limit;

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!store.IsDurable)
        {
            if (await idleWindows.TakeAsync(Key) is { } kept)
            {
                Restore(CounterStateBytes.Read(kept));
            }
        }
        else if (await store.LoadAsync(Key, cancellationToken) is { } stored)
        {
            Restore(stored.State);
            _saves.Version = stored.Version;
        }
    }

    public async ValueTask<CounterDecision> TryAcquireAsync(CounterLimit limit, decimal cost)
    {
        _saves.ThrowIfFenced(Key);
        var now = time.GetUtcNow();
        var decision = WindowFor(limit).TryAcquire(now, cost);
        if (!decision.Admitted)
        {
            return new CounterDecision(false, decision.Remaining, decision.RetryAfter, decision.ResetAt, null);
        }

        await SaveAsync();
        return new CounterDecision(true, decision.Remaining, decision.RetryAfter, decision.ResetAt, new CounterReservation(now, cost));
    }

    public async ValueTask<CounterDecision[]> TryAcquireBatchAsync(CounterLimit limit, decimal[] costs)
    {
        _saves.ThrowIfFenced(Key);
        var now = time.GetUtcNow();
        var window = WindowFor(limit);
        var decisions = new CounterDecision[costs.Length];
        var admitted = false;
        for (var i = 0; i < costs.Length; i++)
        {
            var decision = window.TryAcquire(now, costs[i]);
            admitted |= decision.Admitted;
            decisions[i] = new CounterDecision(
                decision.Admitted, decision.Remaining, decision.RetryAfter, decision.ResetAt, decision.Admitted ? new CounterReservation(now, costs[i]) : null);
        }

        if (admitted)
        {
            await SaveAsync();
        }

        return decisions;
    }

    public async ValueTask ReleaseAsync(CounterLimit limit, CounterReservation reservation)
    {
        _saves.ThrowIfFenced(Key);
        if (_window is not null && limit == _limit)
        {
            _window.Release(reservation.AcquiredAt, reservation.Cost, time.GetUtcNow());
            await SaveAsync();
        }
    }

    public ValueTask<CounterSnapshot> PeekAsync()
    {
        var now = time.GetUtcNow();
        if (_window is null)
        {
            return ValueTask.FromResult(new CounterSnapshot(null, 0, 0, now, RuntimeIdentity));
        }

        var snapshot = _window.Snapshot(now);
        return ValueTask.FromResult(new CounterSnapshot(_limit, snapshot.Used, snapshot.Remaining, snapshot.ResetAt, RuntimeIdentity));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outageRetry is not null)
        {
            // One last try to keep what was admitted from memory.
            await StoreUnsavedAsync();
        }

        var now = time.GetUtcNow();
        if (!store.IsDurable && _window is not null && _window.Snapshot(now).Used > 0)
        {
            // A window with something in it goes to the table; an empty one is no different from a fresh one. After one
            // more window length it no longer differs from a fresh one either, whatever the algorithm.
            await idleWindows.KeepAsync(new IdleWindow(Key, CounterStateBytes.Write(_window.Export()), now.AddSeconds(_limit!.WindowSeconds)));
        }
    }

    /// <summary>
    /// Returns once a save that includes every change made so far is stored (at once when nothing is durable, or
    /// while the store is down and the window is served from memory).
    /// </summary>
    private Task SaveAsync()
    {
        if (!store.IsDurable || _outageRetry is not null)
        {
            return Task.CompletedTask;
        }

        var covered = _saves.Enqueue();
        if (_saves.StartLoop())
        {
            _saves.Loop = SaveLoopAsync();
        }

        return covered;
    }

    private async Task SaveLoopAsync()
    {
        while (_saves.TryBegin(out var batch))
        {
            if (_outageRetry is not null)
            {
                batch.SetResult(); // Decided from memory; the retry timer stores the window.
                continue;
            }

            try
            {
                _saves.Version = await store.SaveAsync(Key, _window!.Export(), _saves.Version, CancellationToken.None);
                batch.SetResult();
            }
            catch (Exception ex) when (outage.ServeFromMemory && ex is not CounterFencedException)
            {
                // The store is down, and this activation is the only one deciding for the key (another could not
                // load it), so its window is the truth: answer from it, and store it once the store is back.
                Log.ServingFromMemory(logger, Key, ex.GetType().Name, ex.Message);
                _outageRetry = this.RegisterGrainTimer(RetryOutageAsync, new GrainTimerCreationOptions(OutageRetryPeriod, OutageRetryPeriod) { KeepAlive = true });
                batch.SetResult();
            }
            catch (Exception ex)
            {
                // Whatever happened, this activation no longer knows what is stored: it stops deciding and
                // the next request activates the counter afresh from storage. The callers waiting on this
                // save are told it failed, so their calls are not forwarded.
                _saves.Fence();
                batch.SetException(ex);
                DeactivateOnIdle();
            }
        }
    }

    private async Task RetryOutageAsync(CancellationToken cancellationToken)
    {
        if (await StoreUnsavedAsync())
        {
            Log.StoredAgain(logger, Key);
        }
    }

    /// <summary>Tries to store the window decided from memory; true once it is stored.</summary>
    private async Task<bool> StoreUnsavedAsync()
    {
        try
        {
            _saves.Version = await store.SaveAsync(Key, _window!.Export(), _saves.Version, CancellationToken.None);
        }
        catch (CounterFencedException)
        {
            // Another activation stored the key meanwhile: this one's admissions since its last save are not in
            // the stored window. It stops deciding.
            Log.LostToAnotherActivation(logger, Key);
            _saves.Fence();
            StopRetrying();
            DeactivateOnIdle();
            return false;
        }
        catch (Exception)
        {
            return false; // Still down.
        }

        StopRetrying();
        return true;
    }

    private void StopRetrying()
    {
        _outageRetry?.Dispose();
        _outageRetry = null;
    }

    private void Restore(CounterState state)
    {
        _window = WindowCounter.Restore(state);
        _limit = new CounterLimit(state.Algorithm.ToGrain(), state.WindowSeconds, state.Max);
    }

    /// <summary>
    /// The window for the limit as the policy now states it. A changed <c>max</c> keeps what was
    /// spent; a changed algorithm or window length starts a fresh window, since the old state has no
    /// meaning under the new rule.
    /// </summary>
    private IWindowCounter WindowFor(CounterLimit limit)
    {
        if (_window is not null && _limit is not null && limit != _limit)
        {
            _window = _limit.Algorithm == limit.Algorithm && _limit.WindowSeconds == limit.WindowSeconds
                ? WindowCounter.Restore(_window.Export() with { Max = limit.Max })
                : null;
        }

        _limit = limit;
        return _window ??= WindowCounter.Create(limit.Algorithm.ToPolicy(), new WindowSpec(limit.WindowSeconds), limit.Max);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Counter {Key} decides from memory: its store did not take a save ({ErrorType}: {Error}); storing it again every second (Counters:OnStoreOutage is Serve)")]
        public static partial void ServingFromMemory(ILogger logger, string key, string errorType, string error);

        [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "Counter {Key} is stored again")]
        public static partial void StoredAgain(ILogger logger, string key);

        [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Counter {Key} was stored by another activation while it decided from memory: what it admitted since its last save is not counted there; it stops deciding")]
        public static partial void LostToAnotherActivation(ILogger logger, string key);
    }
}
