using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Exactness;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

[Collection(ClusterCollection.Name)]
public sealed class ExactnessScenarioTests
{
    [Fact]
    public async Task Three_replicas_admit_exactly_the_limit_for_each_algorithm_and_size()
    {
        var options = new ExactnessOptions(
            Replicas: 3, Agents: 8, ["fixed", "sliding", "token_bucket"], [5, 40], CallsPerLimit: 2, Postgres: null, Durability: "Durable");

        var (report, _) = await ExactnessScenario.RunAsync(options, ProgressView.None);

        Assert.Equal(6, report.Cases.Count);
        Assert.All(report.Cases, c =>
        {
            Assert.Equal(0, c.Stats.Errors);
            Assert.Equal(c.Limit, c.Stats.Admitted);
            Assert.Equal(c.Limit, c.RanUpstream);
            Assert.Equal(c.Stats.Calls - c.Limit, c.Stats.RateLimited);
            Assert.Equal(0, c.OverAdmitted);
            Assert.True(c.Exact);
        });
    }
}
