using Orleans.Configuration;

namespace Gatehouse.Host.Hosting;

/// <summary>
/// Failure detection tuned so a replica killed with <c>kill -9</c> is out of the cluster, and its
/// grains are served elsewhere, within 10 seconds (Orleans' defaults take 30 s or more).
/// <list type="bullet">
/// <item>Each silo probes its peers; a peer that misses two probes of 2 s is suspected, and two votes
/// declare it dead: a few seconds after the crash (at once when its port refuses connections).
/// Shorter probes would make a long GC pause or a loaded machine look like a death.</item>
/// <item>After a death the strongly consistent directory holds the dead silo's grains under a lease
/// of <c>RangeLeaseDuration</c> minus Orleans' failure-detection timeout (here 4 × probe timeout ×
/// missed probes = 16 s), in case the "dead" silo is alive behind a partition and still serving
/// them. The default range lease of 30 s makes that a 14 s wait; 20 s makes it 4 s. A zombie silo
/// that kept a counter activation alive past that could not admit anything durable: every durable
/// save is a compare-and-set on the counter's version.</item>
/// </list>
/// </summary>
internal static class ClusterTimings
{
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public const int MissedProbesLimit = 2;

    /// <summary>Failure detection (16 s) plus 4 s of lease on a dead silo's grains.</summary>
    public static readonly TimeSpan RangeLeaseDuration = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Waits before sending again a grain call whose silo left (see <see cref="SiloDepartureResendFilter"/>): a
    /// silo stopped gracefully is out of every view within a second or two; the longer last waits (4 s in all) give
    /// a loaded machine time, without holding an agent's call much longer than the change itself.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> ResendDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5)];

    public static void Apply(GrainDirectoryOptions options) => options.RangeLeaseDuration = RangeLeaseDuration;

    public static void Apply(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbesLimit;
        options.NumVotesForDeathDeclaration = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
