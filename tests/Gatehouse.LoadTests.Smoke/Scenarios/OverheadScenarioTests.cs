using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Overhead;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class OverheadScenarioTests
{
    [Fact]
    public async Task Direct_and_gatehouse_phases_answer_every_call()
    {
        var options = new OverheadOptions([1, 4], PhaseSeconds: 0.5, Rounds: 2, WarmupSeconds: 0.3, "echo", """{"message":"smoke"}""");

        var (report, _) = await OverheadScenario.RunAsync(options, ProgressView.None);

        Assert.Equal([1, 4], report.Levels.Select(l => l.Agents));
        Assert.All(report.Levels, level =>
        {
            Assert.Equal(0, level.Direct.Errors);
            Assert.Equal(0, level.Gatehouse.Errors);
            Assert.True(level.Direct.Admitted > 0 && level.Direct.Admitted == level.Direct.Calls);
            Assert.True(level.Gatehouse.Admitted > 0 && level.Gatehouse.Admitted == level.Gatehouse.Calls);
        });
    }
}
