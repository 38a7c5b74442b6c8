using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Grains;

/// <summary>
/// Holds one counter key's window. Non-reentrant: Orleans runs one request at a time, and the
/// check-and-increment below never awaits, so no two decisions interleave.
/// </summary>
internal sealed class CounterGrain(TimeProvider time) : Grain, ICounterGrain
{
    private IWindowCounter? _window;
    private CounterLimit? _limit;

    public ValueTask<CounterDecision> TryAcquireAsync(CounterLimit limit, decimal cost)
    {
        var now = time.GetUtcNow();
        var window = WindowFor(limit);
        var decision = window.TryAcquire(now, cost);
        var reservation = decision.Admitted ? new CounterReservation(now, cost) : null;
        return ValueTask.FromResult(new CounterDecision(decision.Admitted, decision.Remaining, decision.RetryAfter, decision.ResetAt, reservation));
    }

    public ValueTask ReleaseAsync(CounterLimit limit, CounterReservation reservation)
    {
        if (_window is not null && limit == _limit)
        {
            _window.Release(reservation.AcquiredAt, reservation.Cost, time.GetUtcNow());
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<CounterSnapshot> PeekAsync()
    {
        if (_window is null)
        {
            return ValueTask.FromResult(new CounterSnapshot(null, 0, 0, time.GetUtcNow()));
        }

        var snapshot = _window.Snapshot(time.GetUtcNow());
        return ValueTask.FromResult(new CounterSnapshot(_limit, snapshot.Used, snapshot.Remaining, snapshot.ResetAt));
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
}
