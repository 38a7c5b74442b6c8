namespace Gatehouse.Host.Admin;

/// <summary>
/// How the admin API rides out a change of cluster membership. A safe request whose grain call failed
/// because the cluster is reconfiguring is run again after each of <see cref="Delays"/> in turn; when
/// the last attempt fails too, the answer is 503 with <see cref="RetryAfter"/>.
/// </summary>
internal sealed record AdminRetrySchedule(IReadOnlyList<TimeSpan> Delays, TimeSpan RetryAfter)
{
    /// <summary>
    /// About 8 s of retries: a silo killed outright is declared dead and its grains are served elsewhere
    /// within that time on a healthy machine (see <c>ClusterTimings</c>), and a request that waits
    /// longer is better answered, so the operator's client is not left hanging.
    /// </summary>
    public static AdminRetrySchedule Default { get; } = new(
        [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
        TimeSpan.FromSeconds(5));
}
