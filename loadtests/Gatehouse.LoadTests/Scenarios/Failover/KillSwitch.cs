using System.Diagnostics;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Exactness;

namespace Gatehouse.LoadTests.Scenarios.Failover;

/// <summary>Kills the replica holding the counter once, when enough was admitted; the agents wait for the kill.</summary>
internal sealed class KillSwitch(GatehouseCluster cluster, string upstream, string grant, int atAdmitted, ProgressView progress)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    public long? KilledAt { get; private set; }

    public int AdmittedBeforeKill { get; private set; }

    public async ValueTask AfterCallAsync(CallLog log)
    {
        if (log.Admitted < atAdmitted)
        {
            return;
        }

        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            try
            {
                var counters = await AdminClient.CountersAsync(cluster.LiveUrls[0], cluster.Config.AdminToken, grant);
                var port = AdminClient.SiloPortOf(counters, upstream, LimitPolicy.Counter)
                    ?? throw new InvalidOperationException("the admin API shows no silo for the counter");
                var victim = cluster.ReplicaWithSiloPort(port) ?? throw new InvalidOperationException($"no replica has silo port {port}");
                AdmittedBeforeKill = log.Admitted;
                victim.Kill();
                KilledAt = Stopwatch.GetTimestamp();
                progress.Status($"killed the replica at {victim.BaseUrl} (silo port {port}) after {AdmittedBeforeKill} admissions");
                _done.SetResult();
            }
            catch (Exception ex)
            {
                _done.SetException(ex);
            }
        }

        await _done.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
