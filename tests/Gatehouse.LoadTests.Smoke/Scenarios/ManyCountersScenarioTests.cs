using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.ManyCounters;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class ManyCountersScenarioTests
{
    [Fact]
    public async Task Every_counter_stays_activated_and_keeps_deciding()
    {
        var report = await ManyCountersScenario.RunAsync(new ManyCountersOptions([500, 2000], Concurrency: 16, SampleSeconds: 0.3), ProgressView.None);

        Assert.Equal([500, 2000], report.Rows.Select(r => r.Counters));
        Assert.All(report.Rows, row =>
        {
            Assert.True(row.Activations >= row.Counters, $"{row.Activations} activations for {row.Counters} counters");
            Assert.True(row.Decision.Count > 0);
        });
    }
}
