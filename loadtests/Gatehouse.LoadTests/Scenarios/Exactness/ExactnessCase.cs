using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Exactness;

/// <summary>One algorithm at one limit: what the agents saw, what really ran upstream, and what the counter holds.</summary>
/// <param name="Algorithm">The window algorithm.</param>
/// <param name="Limit">The limit, <c>max</c> per window.</param>
/// <param name="MostAdmitted">The most the policy allows in this run (the limit; a token bucket adds what it refilled).</param>
/// <param name="Stats">What the agents saw.</param>
/// <param name="RanUpstream">Calls the upstream really ran (its own count): the ground truth.</param>
/// <param name="CounterUsed">The counter's <c>used</c> afterwards, from <c>GET /admin/counters</c>.</param>
internal sealed record ExactnessCase(string Algorithm, int Limit, int MostAdmitted, PhaseStats Stats, int RanUpstream, decimal? CounterUsed)
{
    /// <summary>Admissions beyond what the policy allows, by the agents' count or the upstream's, whichever is higher (must be 0).</summary>
    public int OverAdmitted => Math.Max(0, Math.Max(Stats.Admitted, RanUpstream) - MostAdmitted);

    /// <summary>Exact: the limit admitted, every other call refused, every admission ran upstream, no errors.</summary>
    public bool Exact => Stats.Errors == 0 && Stats.Admitted >= Limit && Stats.Admitted <= MostAdmitted && RanUpstream == Stats.Admitted;
}
