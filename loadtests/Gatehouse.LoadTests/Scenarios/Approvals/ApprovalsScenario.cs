using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Approvals;

/// <summary>
/// <c>approvals</c>: the two waits of a human approval on a cluster of three replicas on PostgreSQL, one held call
/// at a time. How long a held call takes to reach an operator's console on another replica (its event stream),
/// and how long the agent waits for its result once the operator approves through a third replica.
/// </summary>
internal static class ApprovalsScenario
{
    private const int Replicas = 3;
    private const string Upstream = "bank";
    private const string Grant = "agent";

    /// <summary>
    /// The most a call waits, at random, before it is made. A replica reads the approval index on a fixed period
    /// (250 ms) while a console listens, and each call starts just after one of those readings told of the previous
    /// approval's end: without the pause, every call would start at the same point of the period and the wait for
    /// the console would always be about one whole period. A pause spread over several periods starts calls at
    /// any point of it, as agents' calls come.
    /// </summary>
    private static readonly TimeSpan MostPause = TimeSpan.FromSeconds(1);

    /// <summary>Every call of the tool is held for an operator, long enough never to time out during a run.</summary>
    private const string Policy = $$"""
        { "version": "approvals-1", "default": "allow",
          "tools": { "{{ApprovalRound.Tool}}": { "action": "approve", "approval": { "timeout": 600, "by": "operator" } } } }
        """;

    public static async Task<ApprovalsReport> RunAsync(ApprovalsOptions options, ProgressView progress)
    {
        var server = await PostgresServer.ConnectionStringAsync(options.Postgres);
        progress.Status("starting the test upstream");
        await using var upstream = await TestUpstream.StartAsync();
        progress.Status($"starting {Replicas} Gatehouse replicas on PostgreSQL");
        await using var cluster = await GatehouseCluster.StartAsync(
            Replicas,
            new Dictionary<string, (Uri, string)> { [Upstream] = (upstream.Endpoint, Policy) },
            new Dictionary<string, string[]> { [Grant] = [Upstream] },
            server,
            durability: null);

        var (a, b, c) = (cluster.Replicas[0].BaseUrl, cluster.Replicas[1].BaseUrl, cluster.Replicas[2].BaseUrl);
        var adminToken = cluster.Config.AdminToken;
        progress.Status($"agent on {a}, console stream on {b}, approvals through {c}");
        await using var agent = await AgentConnector.ConnectAsync([new Uri(a, $"/mcp/{Upstream}")], cluster.Config.Tokens[Grant]);
        await using var events = await ApprovalEventStream.OpenAsync(b, adminToken);
        var round = new ApprovalRound(agent, events, b, c, adminToken);
        await round.ListeningAsync();

        var samples = new List<ApprovalSample>();
        for (var i = 0; i < options.Warmup + options.Iterations; i++)
        {
            await Task.Delay(MostPause * Random.Shared.NextDouble());
            var sample = await round.MeasureAsync(i, warmup: i < options.Warmup);
            samples.Add(sample);
            progress.Status(FormattableString.Invariant(
                $"{(sample.Warmup ? "warm-up" : "call")} {i + 1}/{options.Warmup + options.Iterations}: event after {sample.HeldToEventMs:0.0} ms, result {sample.ApproveToResultMs:0.0} ms after Approve"));
        }

        var ran = (await upstream.InvocationsAsync()).GetValueOrDefault(ApprovalRound.Tool);
        return new ApprovalsReport(MachineInfo.Current(), Replicas, options.Warmup, samples, ran);
    }
}
