using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Scale;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

[Collection(ClusterCollection.Name)]
public sealed class ScaleScenarioTests
{
    [Fact]
    public async Task Scaling_out_in_and_a_rolling_restart_under_load_fail_no_call_and_never_over_admit()
    {
        // A limit low enough that each window reaches it even when calls take a second on a loaded machine.
        var options = new ScaleOptions(Agents: 4, Start: 2, Peak: 3, Limit: 5, WindowSeconds: 5, Roll: true, HoldSeconds: 1, Postgres: null);

        var (report, _) = await ScaleScenario.RunAsync(options, ProgressView.None);

        Assert.True(report.Failures.Count == 0, report.ToMarkdown());
        Assert.Equal(0, report.Limit.OverAdmitted);
        Assert.Equal(report.Limit.Admitted, report.Limit.RanUpstream);
        Assert.True(report.Limit.WindowsAtLimit > 0, "the limit was never reached, so it was not put to the test");

        Assert.Equal(
            [("steady at 2", 2, 2), ("scale out 2 → 3", 2, 3), ("steady at 3", 3, 3), ("scale in 3 → 2", 3, 2), ("steady at 2 again", 2, 2), ("rolling restart of 2", 2, 2), ("steady after the roll", 2, 2)],
            report.Phases.Select(p => (p.Phase.Name, p.Phase.ReplicasBefore, p.Phase.ReplicasAfter)));
        Assert.All(report.Phases, p => Assert.True(p.Stats.Calls > 0, $"no call in {p.Phase.Name}"));

        // r1, r2 at the start; r3 added and stopped again; r4 and r5 replace r1 and r2.
        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], report.Replicas.Select(r => r.Name));
        Assert.Equal(["r1", "r2", "r3"], report.Replicas.Where(r => r.ExitCode is not null).Select(r => r.Name));
        Assert.All(report.Replicas.Where(r => r.ExitCode is not null), r => Assert.Equal(0, r.ExitCode));
        Assert.True(report.Passed);
    }
}
