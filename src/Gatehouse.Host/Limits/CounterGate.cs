using Gatehouse.Grains;
using Gatehouse.Grains.Limits;
using Gatehouse.Policy;

namespace Gatehouse.Host.Limits;

/// <summary>
/// Reserves a call's charges on their counter grains. All counters are asked at once; if any
/// refuses, the reservations of the others are given back, so a refused call spends nothing.
/// </summary>
internal sealed class CounterGate(IGrainFactory grains)
{
    public async Task<GateOutcome> ReserveAsync(CallScope scope, IReadOnlyList<LimitCharge> charges)
    {
        if (charges.Count == 0)
        {
            return new GateOutcome(null, []);
        }

        var counters = charges.Select(charge => grains.GetGrain<ICounterGrain>(KeyOf(scope, charge.Limit))).ToArray();
        var limits = charges.Select(charge => charge.Limit.ToCounterLimit()).ToArray();
        var decisions = await Task.WhenAll(charges.Select((charge, i) => counters[i].TryAcquireAsync(limits[i], charge.Cost).AsTask()));

        var held = new List<HeldReservation>(charges.Count);
        Decision? refusal = null;
        for (var i = 0; i < decisions.Length; i++)
        {
            var decision = decisions[i];
            if (decision.Reservation is { } reservation)
            {
                held.Add(new HeldReservation(counters[i], limits[i], reservation));
            }
            else
            {
                refusal ??= Decision.RateLimited(charges[i].Limit, new WindowDecision(false, decision.Remaining, decision.RetryAfter, decision.ResetAt));
            }
        }

        if (refusal is null)
        {
            return new GateOutcome(null, held);
        }

        await ReleaseAsync(held);
        return new GateOutcome(refusal, []);
    }

    /// <summary>Gives back reservations whose call never ran upstream.</summary>
    public Task ReleaseAsync(IReadOnlyList<HeldReservation> held) =>
        Task.WhenAll(held.Select(h => h.Counter.ReleaseAsync(h.Limit, h.Reservation).AsTask()));

    internal static string KeyOf(CallScope scope, LimitRule limit) => limit.Scope switch
    {
        LimitScope.Global => CounterKey.ForGlobal(scope.Upstream, limit.Counter),
        LimitScope.Session when scope.SessionId is { } session => CounterKey.ForSession(session, scope.Upstream, limit.Counter),
        _ => CounterKey.ForGrant(scope.GrantId, scope.Upstream, limit.Counter),
    };
}
