using System.Diagnostics;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Exactness;

namespace Gatehouse.LoadTests.Scenarios.Failover;

/// <summary>
/// Scenario 3, failover: as exactness, but once part of the limit is spent the replica whose silo holds the
/// counter grain is killed with SIGKILL. Over-admissions must be 0; the report gives errors and recovery time.
/// </summary>
internal static class FailoverScenario
{
    private const string Upstream = "metered";
    private const string Grant = "hot";

    public static async Task<(FailoverReport Report, CallLog Log)> RunAsync(FailoverOptions options, ProgressView progress)
    {
        var server = await PostgresServer.ConnectionStringAsync(options.Postgres);
        progress.Status("starting the test upstream");
        await using var upstream = await TestUpstream.StartAsync();
        progress.Status($"starting {options.Replicas} Gatehouse replicas on PostgreSQL");
        await using var cluster = await GatehouseCluster.StartAsync(
            options.Replicas,
            new Dictionary<string, (Uri, string)> { [Upstream] = (upstream.Endpoint, LimitPolicy.Json(options.Algorithm, options.Limit)) },
            new Dictionary<string, string[]> { [Grant] = [Upstream] },
            server,
            options.Durability);

        progress.Status($"opening {options.Agents} sessions");
        var agents = await Agent.ConnectAsync(options.Agents, cluster.EndpointsOf(Upstream), [cluster.Config.Tokens[Grant]]);
        var before = (await upstream.InvocationsAsync()).GetValueOrDefault(ExactnessScenario.Tool);
        var log = new CallLog($"failover, {options.Algorithm} limit {options.Limit}");
        var kill = new KillSwitch(cluster, Upstream, Grant, (int)Math.Ceiling(options.Limit * options.KillAtFraction), progress);
        try
        {
            progress.Watch(log);
            var calls = (int)Math.Ceiling(options.Limit * options.CallsPerLimit) + options.Agents;
            await LoadRunner.RunAsync(agents, new LoadPlan(ExactnessScenario.Tool, ExactnessScenario.Arguments, TimeSpan.FromMinutes(3), calls), log, record => kill.AfterCallAsync(log));
        }
        finally
        {
            await Agent.DisposeAllAsync(agents);
        }

        var stats = PhaseStats.Of(log);
        progress.Completed(stats);
        var ran = (await upstream.InvocationsAsync()).GetValueOrDefault(ExactnessScenario.Tool) - before;
        var counters = await AdminClient.CountersAsync(cluster.LiveUrls[0], cluster.Config.AdminToken, Grant);

        double? Since(long? at) => at is { } t && kill.KilledAt is { } k ? Stopwatch.GetElapsedTime(k, t).TotalSeconds : null;
        var recovered = kill.KilledAt is { } killedAt
            ? log.Records.Where(r => r.Kind == OutcomeKind.Admitted && r.Started > killedAt).Select(r => (long?)r.Ended).Min()
            : null;
        var lastError = kill.KilledAt is { } killed
            ? log.Records.Where(r => r.Kind == OutcomeKind.Error && r.Ended > killed).Select(r => (long?)r.Ended).Max()
            : null;
        var report = new FailoverReport(
            MachineInfo.Current(), options.Replicas, options.Agents, options.Durability, options.Algorithm, options.Limit,
            LimitPolicy.MostAdmitted(options.Algorithm, options.Limit, log.Elapsed), stats,
            kill.KilledAt is { } k2 ? Stopwatch.GetElapsedTime(log.Started, k2).TotalSeconds : null,
            kill.AdmittedBeforeKill, ran, AdminClient.UsedOf(counters, Upstream, LimitPolicy.Counter), Since(recovered), Since(lastError));
        return (report, log);
    }
}
