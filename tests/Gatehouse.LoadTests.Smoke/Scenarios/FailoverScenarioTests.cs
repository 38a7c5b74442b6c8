using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Failover;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

[Collection(ClusterCollection.Name)]
public sealed class FailoverScenarioTests
{
    [Fact]
    public async Task Killing_the_replica_that_holds_the_counter_never_over_admits()
    {
        var options = new FailoverOptions(
            Replicas: 3, Agents: 8, "fixed", Limit: 60, KillAtFraction: 0.33, CallsPerLimit: 1.5, Postgres: null, Durability: "Durable");

        var (report, _) = await FailoverScenario.RunAsync(options, ProgressView.None);

        Assert.NotNull(report.KilledAtSeconds);
        Assert.Equal(0, report.OverAdmitted);
        Assert.InRange(report.RanUpstream, report.AdmittedBeforeKill, report.Limit);
        Assert.Equal(report.Limit, report.CounterUsed);

        // The cluster served again after the kill: a call made after it was admitted or refused by the limit.
        Assert.True(report.RecoverySeconds is not null || report.Stats.Admitted == report.Limit);
        Assert.True(report.Stats.RateLimited > 0);
    }
}
