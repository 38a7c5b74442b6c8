using Gatehouse.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// The promise on limits, on three replicas: many agents on one grant, spread round-robin over the
/// replicas, never get more than <c>max</c> admitted in a window, and no refusal comes before <c>max</c>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExactnessTests(ClusterFixture fixture, ITestOutputHelper output)
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
    public async Task Short_fixed_windows_never_admit_more_than_max_in_any_window_the_run_touches()
    {
        var window = TimeSpan.FromSeconds(ClusterPolicies.ShortWindowSeconds);
        var hammer = new Hammer();
        var start = DateTimeOffset.UtcNow;
        var stop = start + TimeSpan.FromSeconds(7);

        await hammer.RunAsync(fixture.Cluster, "metered", "short", "annotated-read", Agents, _ => DateTimeOffset.UtcNow < stop);
        var end = DateTimeOffset.UtcNow;

        // Windows are aligned to the UTC epoch; every window the run touched admitted at most max. How many
        // calls a window saw depends on the machine's speed, so it is reported, not asserted.
        long WindowOf(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / (long)window.TotalMilliseconds;
        var touched = WindowOf(end) - WindowOf(start) + 1;
        output.WriteLine($"{hammer.Admitted} admitted and {hammer.Refused} refused in {touched} windows of {window.TotalSeconds:0} s (max {ClusterPolicies.ShortWindowMax} each)");
        Assert.Equal(0, hammer.Errors);
        Assert.InRange(hammer.Admitted, 1, touched * ClusterPolicies.ShortWindowMax);
    }
}
