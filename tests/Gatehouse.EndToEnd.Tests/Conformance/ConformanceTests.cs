namespace Gatehouse.EndToEnd.Tests.Conformance;

/// <summary>
/// An agent must not be able to tell a gateway is in the way: every conformance scenario that passes
/// against the server directly passes against Gatehouse's <c>/mcp/{upstream}</c> in front of it.
/// </summary>
public sealed class ConformanceTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    [Fact]
    public async Task Every_scenario_gives_the_same_result_direct_and_through_gatehouse()
    {
        // The two runs are independent (each scenario opens sessions of its own), so they run side by side.
        var runs = await Task.WhenAll(
            ConformanceSuite.RunAsync(fixture.Direct),
            ConformanceSuite.RunAsync(fixture.Gateway.EndpointOf("conformance"), fixture.Gateway.TokenOf("suite")));
        var (direct, through) = (runs[0], runs[1]);

        var differences = direct.Keys.Union(through.Keys)
            .Where(name => direct.GetValueOrDefault(name) != through.GetValueOrDefault(name))
            .Select(name => $"{name}: direct {direct.GetValueOrDefault(name) ?? "absent"}, through {through.GetValueOrDefault(name) ?? "absent"}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join('\n', differences));
        Assert.NotEmpty(direct);
        Assert.All(direct, scenario => Assert.Equal("pass", scenario.Value));
    }

    [Fact]
    public async Task The_scenario_list_on_file_matches_the_installed_suite()
    {
        var (exitCode, output) = await ConformanceSuite.ScriptAsync("check-scenarios.sh");

        Assert.True(exitCode == 0, output);
    }
}
