using Gatehouse.EndToEnd.Tests.Infrastructure;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// The promise on limits, on three replicas: many agents on one grant, spread round-robin over the
/// replicas, never get more than <c>max</c> admitted in a window, and no refusal comes before <c>max</c>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExactnessTests(ClusterFixture fixture)
{
    private const int Agents = 24;

    [Theory]
    [InlineData("fixed")]
    [InlineData("sliding")]
    [InlineData("token_bucket")]
    public async Task Exactly_max_are_admitted_per_window_for_each_algorithm(string algorithm)
    {
        var tool = ClusterPolicies.ToolFor(algorithm);
        for (var round = 1; round <= 3; round++)
        {
            // Each round is a fresh window: a grant of its own, hence a counter of its own.
            var before = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
            var hammer = new Hammer();

            await hammer.RunAsync(fixture.Cluster, "metered", $"{algorithm}-{round}", tool, Agents, outcome => outcome.Kind == OutcomeKind.Admitted);

            var after = await InvocationCounts.ReadAsync(fixture.UpstreamEndpoint);
            Assert.Equal(0, hammer.Errors);
            Assert.Equal(ClusterPolicies.Max, hammer.Admitted);
            Assert.Equal(Agents, hammer.Refused);
            Assert.Equal(ClusterPolicies.Max, after.Of(tool) - before.Of(tool));
        }
    }

    [Fact]
    public async Task A_limit_that_is_not_reached_refuses_nothing()
    {
        var hammer = new Hammer();
        var calls = 0;

        await hammer.RunAsync(fixture.Cluster, "metered", "under", "add", agents: 6, _ => Interlocked.Increment(ref calls) < 60);

        Assert.Equal(0, hammer.Errors);
        Assert.Equal(0, hammer.Refused);
        Assert.Equal(hammer.Outcomes.Count, hammer.Admitted);
        Assert.True(hammer.Admitted < ClusterPolicies.Max);
    }

    [Fact]
    public async Task Short_fixed_windows_admit_max_in_each_window_the_run_covers_and_never_more()
    {
        var window = TimeSpan.FromSeconds(ClusterPolicies.ShortWindowSeconds);
        var hammer = new Hammer();
        var start = DateTimeOffset.UtcNow;
        var stop = start + TimeSpan.FromSeconds(7);

        await hammer.RunAsync(fixture.Cluster, "metered", "short", "annotated-read", Agents, _ => DateTimeOffset.UtcNow < stop);
        var end = DateTimeOffset.UtcNow;

        // Windows are aligned to the UTC epoch. Those wholly inside the run (with a margin for the
        // time a call takes) must each admit exactly max; no window the run touched may admit more.
        var margin = TimeSpan.FromMilliseconds(500);
        long WindowOf(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var touched = WindowOf(end) - WindowOf(start) + 1;
        var whole = Math.Max(0, WindowOf(end - margin) - WindowOf(start + margin) - 1);
        Assert.Equal(0, hammer.Errors);
        Assert.InRange(hammer.Admitted, whole * ClusterPolicies.ShortWindowMax, touched * ClusterPolicies.ShortWindowMax);
        Assert.True(whole >= 2, $"the run covered only {whole} whole windows");
    }
}
