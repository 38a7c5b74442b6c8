using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.ManyCounters;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

public sealed class ManyCountersScenarioTests
{
    [Fact]
    public async Task Idle_counters_leave_memory_for_the_idle_table_and_keep_deciding()
    {
        var report = await ManyCountersScenario.RunAsync(new ManyCountersOptions([500, 2000], Concurrency: 16, SampleSeconds: 0.3), ProgressView.None);

        Assert.Equal([500, 2000], report.Rows.Select(r => r.Counters));
        Assert.All(report.Rows, row =>
        {
            Assert.True(row.IdleWindows >= row.Counters, $"{row.IdleWindows} windows kept for {row.Counters} idle counters");
            Assert.True(row.Activations < row.Counters / 4, $"{row.Activations} activations left for {row.Counters} idle counters");
            Assert.True(row.Decision.Count > 0);
        });
    }
}
