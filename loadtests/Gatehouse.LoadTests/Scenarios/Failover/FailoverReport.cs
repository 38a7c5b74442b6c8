using System.Globalization;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Failover;

/// <summary>What <c>failover</c> measured.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Replicas">Replicas at the start.</param>
/// <param name="Agents">Concurrent agents.</param>
/// <param name="Durability">Counter durability.</param>
/// <param name="Algorithm">The window algorithm.</param>
/// <param name="Limit">The limit, <c>max</c> per window.</param>
/// <param name="MostAdmitted">The most the policy allows in this run.</param>
/// <param name="Stats">What the agents saw.</param>
/// <param name="KilledAtSeconds">When the replica holding the counter was killed, in seconds since the start of the load.</param>
/// <param name="AdmittedBeforeKill">Admissions the agents had seen when it was killed.</param>
/// <param name="RanUpstream">Calls the upstream really ran (its own count): the ground truth.</param>
/// <param name="CounterUsed">The counter's <c>used</c> afterwards, from <c>GET /admin/counters</c>.</param>
/// <param name="RecoverySeconds">From the kill to the first admission of a call made after it; null if none came.</param>
/// <param name="LastErrorSeconds">From the kill to the last error the agents saw; null if none.</param>
internal sealed record FailoverReport(
    MachineInfo Machine,
    int Replicas,
    int Agents,
    string Durability,
    string Algorithm,
    int Limit,
    int MostAdmitted,
    PhaseStats Stats,
    double? KilledAtSeconds,
    int AdmittedBeforeKill,
    int RanUpstream,
    decimal? CounterUsed,
    double? RecoverySeconds,
    double? LastErrorSeconds)
{
    /// <summary>Admissions beyond the limit, by the agents' count or the upstream's, whichever is higher (must be 0).</summary>
    public int OverAdmitted => Math.Max(0, Math.Max(Stats.Admitted, RanUpstream) - MostAdmitted);

    /// <summary>Budget lost to the kill: reserved by calls that died with the replica, never run (allowed; the promise is "never more").</summary>
    public int NeverRan => Math.Max(0, MostAdmitted - RanUpstream);

    public string ToMarkdown()
    {
        static string S(double? seconds) => seconds?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
        var table = new MarkdownTable("durability", "algorithm", "limit", "calls", "admitted", "ran upstream", "counter used", "over-admitted", "budget lost", "errors", "killed at s", "recovery s", "last error after kill s")
            .Row(Durability, Algorithm, Limit, Stats.Calls, Stats.Admitted, RanUpstream, CounterUsed?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-",
                OverAdmitted, NeverRan, Stats.ErrorText, S(KilledAtSeconds), S(RecoverySeconds), S(LastErrorSeconds));
        return $"{Replicas} replicas, {Agents} agents on one hot grant; the replica holding the counter is killed (SIGKILL) after {AdmittedBeforeKill} admissions.\n\n{table}";
    }
}
