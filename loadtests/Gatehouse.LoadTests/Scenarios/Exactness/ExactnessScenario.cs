using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Exactness;

/// <summary>
/// Scenario 2, exactness under load: a cluster of replicas on PostgreSQL; for each algorithm and limit size,
/// agents of one hot grant call round-robin over the replicas until well past the limit. Admitted must equal
/// the limit; the upstream's own count must agree.
/// </summary>
internal static class ExactnessScenario
{
    public const string Tool = "echo";

    public static readonly IReadOnlyDictionary<string, object?> Arguments = new Dictionary<string, object?> { ["message"] = "m" };

    public static async Task<(ExactnessReport Report, IReadOnlyList<CallLog> Logs)> RunAsync(ExactnessOptions options, ProgressView progress)
    {
        var server = await PostgresServer.ConnectionStringAsync(options.Postgres);
        var cases = options.Algorithms.SelectMany(a => options.Limits.Select(max => (Algorithm: a, Max: max, Upstream: $"{a}-{max}"))).ToList();

        progress.Status("starting the test upstream");
        await using var upstream = await TestUpstream.StartAsync();
        progress.Status($"starting {options.Replicas} Gatehouse replicas on PostgreSQL");
        await using var cluster = await GatehouseCluster.StartAsync(
            options.Replicas,
            cases.ToDictionary(c => c.Upstream, c => (upstream.Endpoint, LimitPolicy.Json(c.Algorithm, c.Max))),
            new Dictionary<string, string[]> { ["hot"] = [.. cases.Select(c => c.Upstream)] },
            server,
            options.Durability);

        var results = new List<ExactnessCase>();
        var logs = new List<CallLog>();
        foreach (var (algorithm, max, name) in cases)
        {
            progress.Status($"{name}: opening {options.Agents} sessions");
            var agents = await Agent.ConnectAsync(options.Agents, cluster.EndpointsOf(name), [cluster.Config.Tokens["hot"]]);
            var before = (await upstream.InvocationsAsync()).GetValueOrDefault(Tool);
            var log = new CallLog($"{algorithm} limit {max}");
            try
            {
                progress.Watch(log);
                var calls = (int)Math.Ceiling(max * options.CallsPerLimit) + options.Agents;
                await LoadRunner.RunAsync(agents, new LoadPlan(Tool, Arguments, TimeSpan.FromMinutes(2), calls), log);
            }
            finally
            {
                await Agent.DisposeAllAsync(agents);
            }

            var stats = PhaseStats.Of(log);
            progress.Completed(stats);
            var ran = (await upstream.InvocationsAsync()).GetValueOrDefault(Tool) - before;
            var counters = await AdminClient.CountersAsync(cluster.LiveUrls[0], cluster.Config.AdminToken, "hot");
            results.Add(new ExactnessCase(algorithm, max, LimitPolicy.MostAdmitted(algorithm, max, log.Elapsed), stats, ran, AdminClient.UsedOf(counters, name, LimitPolicy.Counter)));
            logs.Add(log);
        }

        return (new ExactnessReport(MachineInfo.Current(), options.Replicas, options.Agents, options.Durability, results), logs);
    }
}
