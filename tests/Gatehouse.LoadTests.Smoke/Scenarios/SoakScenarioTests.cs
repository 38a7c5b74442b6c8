using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Scenarios.Soak;

namespace Gatehouse.LoadTests.Smoke.Scenarios;

[Collection(ClusterCollection.Name)]
public sealed class SoakScenarioTests
{
    [Fact]
    public async Task A_short_soak_samples_every_replica_churns_sessions_and_fails_no_call()
    {
        var options = new SoakOptions(Minutes: 0.5, Replicas: 2, Agents: 4, Rate: 20, SessionCalls: 10, SampleSeconds: 3, Postgres: null);

        var (report, timeline) = await SoakScenario.RunAsync(options, ProgressView.None);

        Assert.True(report.Passed, report.ToMarkdown());
        Assert.Equal(["r1", "r2"], timeline.ReplicaNames);
        Assert.True(report.Rounds.Count >= 3, $"only {report.Rounds.Count} sampling rounds");
        Assert.All(report.Rounds.SelectMany(r => r.Replicas), s =>
        {
            Assert.True(s.RssBytes > 0, $"{s.Replica} RSS");
            Assert.True(s.GcHeapBytes > 0, $"{s.Replica} GC heap");
            Assert.True(s.Activations > 0, $"{s.Replica} activations");
        });
        Assert.All(report.Rounds, r => Assert.Equal(2, r.Replicas.Count));

        Assert.True(report.SessionsOpened > options.Agents, $"no session was reopened: {report.SessionsOpened} opened by {options.Agents} agents");
        Assert.Equal(report.SessionsOpened, report.SessionsClosed);
        Assert.All(report.Tools, t => Assert.True(t.Admitted > 0, $"nothing admitted on {t.Label}"));
        Assert.Contains(report.Trends, t => t.Series == "sessions, all replicas");
    }
}
