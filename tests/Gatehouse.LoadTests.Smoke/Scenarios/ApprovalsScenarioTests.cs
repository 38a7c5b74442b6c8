using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Approvals;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

[Collection(ClusterCollection.Name)]
public sealed class ApprovalsScenarioTests
{
    [Fact]
    public async Task Every_held_call_reaches_another_replicas_console_and_is_answered_once_approved_through_a_third()
    {
        var options = new ApprovalsOptions(Iterations: 3, Warmup: 1, Postgres: null);

        var report = await ApprovalsScenario.RunAsync(options, ProgressView.None);

        // The scenario fails unless each call was listed on B and answered with its own result once approved on C.
        Assert.Equal(4, report.Samples.Count);
        Assert.Equal(3, report.ApproveToResult.Count);
        Assert.Equal(3, report.HeldToEvent.Count);
        Assert.Equal(4, report.RanUpstream);
    }
}
