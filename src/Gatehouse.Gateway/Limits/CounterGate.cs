using Gatehouse.Gateway.Configuration;
using Gatehouse.Grains;
using Gatehouse.Grains.Limits;
using Gatehouse.Policy;
using Microsoft.Extensions.Options;

namespace Gatehouse.Gateway.Limits;

/// <summary>
/// Reserves a call's charges on their counter grains. All counters are asked at once; if any
/// refuses, the reservations of the others are given back, so a refused call spends nothing.
/// Concurrent requests for one key go to its grain in batches (see <see cref="CounterBatcher"/>) unless
/// <c>Gatehouse:Counters:Batching</c> is false.
/// </summary>
internal sealed class CounterGate(IGrainFactory grains, CounterBatcher batcher, IOptions<GatehouseOptions> options)
{
    private readonly bool _batching = options.Value.Counters.Batching;

    /// <exception cref="CounterUnavailableException">A counter could not decide; nothing stays reserved.</exception>
    public async Task<GateOutcome> ReserveAsync(CallScope scope, IReadOnlyList<LimitCharge> charges)
    {
        if (charges.Count == 0)
        {
            return new GateOutcome(null, []);
        }

        var counters = new ICounterGrain[charges.Count];
        var limits = new CounterLimit[charges.Count];
        var asks = new Task<CounterDecision>[charges.Count];
        for (var i = 0; i < charges.Count; i++)
        {
            var key = KeyOf(scope, charges[i].Limit);
            counters[i] = grains.GetGrain<ICounterGrain>(key);
            limits[i] = charges[i].Limit.ToCounterLimit();
            asks[i] = _batching
                ? batcher.TryAcquireAsync(key, limits[i], charges[i].Cost)
                : counters[i].TryAcquireAsync(limits[i], charges[i].Cost).AsTask();
        }

        Exception? failure = null;
        try
        {
            await Task.WhenAll(asks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ex;
        }

        var held = new List<HeldReservation>(charges.Count);
        Decision? refusal = null;
        for (var i = 0; i < asks.Length; i++)
        {
            if (!asks[i].IsCompletedSuccessfully)
            {
                continue;
            }

            var decision = asks[i].Result;
            if (decision.Reservation is { } reservation)
            {
                held.Add(new HeldReservation(counters[i], limits[i], reservation));
            }
            else
            {
                refusal ??= Decision.RateLimited(charges[i].Limit, new WindowDecision(false, decision.Remaining, decision.RetryAfter, decision.ResetAt));
            }
        }

        if (failure is null && refusal is null)
        {
            return new GateOutcome(null, held);
        }

        await ReleaseAsync(held);

        // A counter that could not decide (its storage failed, or it lost a race with another
        // activation) fails the call closed: it is not forwarded.
        return failure is null ? new GateOutcome(refusal, []) : throw new CounterUnavailableException(failure);
    }

    /// <summary>Gives back reservations whose call never ran upstream.</summary>
    public Task ReleaseAsync(IReadOnlyList<HeldReservation> held) =>
        Task.WhenAll(held.Select(h => h.Counter.ReleaseAsync(h.Limit, h.Reservation).AsTask()));

    internal static string KeyOf(CallScope scope, LimitRule limit) => limit.Scope switch
    {
        LimitScope.Global => CounterKey.ForGlobal(scope.Upstream, limit.Counter),
        LimitScope.Session when scope.SessionId is { } session => CounterKey.ForSession(session, scope.Upstream, limit.Counter),
        LimitScope.Subject when scope.Subject is { } subject => CounterKey.ForSubject(scope.GrantId, subject, scope.Upstream, limit.Counter),
        _ => CounterKey.ForGrant(scope.GrantId, scope.Upstream, limit.Counter),
    };
}
