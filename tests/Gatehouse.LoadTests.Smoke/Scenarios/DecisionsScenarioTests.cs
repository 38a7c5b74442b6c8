using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Decisions;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class DecisionsScenarioTests
{
    // The Redis paths are left out: the test suite does not install Redis (the benchmarks do, with tests/redis.sh).
    [Fact]
    public async Task In_process_local_and_remote_grain_paths_admit_every_decision()
    {
        var options = new DecisionsOptions(
            [DecisionPathNames.InProcess, DecisionPathNames.GrainLocal, DecisionPathNames.GrainRemote], Concurrency: 8, Keys: 2, PhaseSeconds: 0.3, Rounds: 2, WarmupSeconds: 0.2, Redis: null);

        var (report, _) = await DecisionsScenario.RunAsync(options, ProgressView.None);

        Assert.Equal(3, report.Paths.Count);
        Assert.All(report.Paths, path =>
        {
            Assert.Equal(0, path.Errors);
            Assert.Equal(0, path.Refused);
            Assert.True(path.Decisions > 0);
        });
    }
}
