using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Overhead;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class OverheadScenarioTests
{
    [Fact]
    public async Task Direct_yarp_and_gatehouse_phases_answer_every_call()
    {
        var options = new OverheadOptions([1, 4], PhaseSeconds: 0.5, Rounds: 2, WarmupSeconds: 0.3, "echo", """{"message":"smoke"}""");

        var (report, _) = await OverheadScenario.RunAsync(options, ProgressView.None);

        Assert.Equal([1, 4], report.Levels.Select(l => l.Agents));
        AssertEveryCallAnswered(report);
    }

    [Fact]
    public async Task Server_everything_answers_every_call_direct_through_yarp_and_through_gatehouse()
    {
        var options = new OverheadOptions([2], PhaseSeconds: 0.5, Rounds: 1, WarmupSeconds: 0.3, "echo", """{"message":"smoke"}""", Upstream: OverheadUpstream.Everything);

        var (report, _) = await OverheadScenario.RunAsync(options, ProgressView.None);

        AssertEveryCallAnswered(report);
    }

    private static void AssertEveryCallAnswered(OverheadReport report)
    {
        Assert.Equal([CpuProbes.Upstream, CpuProbes.Yarp, CpuProbes.Gatehouse, CpuProbes.LoadGenerator], report.Processes);
        Assert.All(report.Levels, level =>
        {
            Assert.Equal([OverheadTarget.Direct, OverheadTarget.Yarp, OverheadTarget.Gatehouse], level.Targets.Select(t => t.Target));
            Assert.All(level.Targets, target =>
            {
                Assert.Equal(0, target.Pooled.Errors);
                Assert.True(target.Pooled.Admitted > 0 && target.Pooled.Admitted == target.Pooled.Calls, $"{target.Target}: {target.Pooled.ErrorText}");
            });
            Assert.All(level.Phases, phase => Assert.Equal(report.Processes.Order(), phase.CpuUsPerCall.Keys.Order()));
        });
    }
}
