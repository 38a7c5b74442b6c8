using Orleans.Configuration;

namespace Gatehouse.Host.Hosting;

/// <summary>
/// Failure detection tuned so a dead replica is out of the cluster within 10 seconds (Orleans'
/// defaults take about 15 s and more). Each silo probes its peers; a peer that misses two probes of
/// 2 s is suspected, and two votes (one when only two silos remain) declare it dead: about 4–6 s from
/// the crash. Shorter probes would make a long GC pause or a loaded machine look like a death.
/// </summary>
internal static class ClusterTimings
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public const int MissedProbesLimit = 2;

    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
