using System.Collections.Concurrent;
using System.Diagnostics;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// Many concurrent agents, each its own MCP session whose requests go round-robin over the replicas,
/// calling one tool and recording how each call ended.
/// </summary>
internal sealed class Hammer
{
    private readonly ConcurrentQueue<CallOutcome> _outcomes = new();

    public IReadOnlyCollection<CallOutcome> Outcomes => _outcomes;

    public int Admitted => _outcomes.Count(o => o.Kind == OutcomeKind.Admitted);

    public int Refused => _outcomes.Count(o => o.Kind == OutcomeKind.RateLimited);

    public int Errors => _outcomes.Count(o => o.Kind == OutcomeKind.Error);

    /// <summary>
    /// Runs <paramref name="agents"/> agents; each calls until <paramref name="keepGoing"/> says stop
    /// (given its own last outcome). Every call is bounded, so a hang fails the test rather than the run.
    /// </summary>
    public Task RunAsync(GatewayCluster cluster, string upstream, string grant, string tool, int agents, Func<CallOutcome, bool> keepGoing) =>
        RunAsync(cluster, upstream, grant, tool, agents, outcome => ValueTask.FromResult(keepGoing(outcome)));

    /// <summary>As above, with a decision that may wait (without blocking a thread).</summary>
    public Task RunAsync(GatewayCluster cluster, string upstream, string grant, string tool, int agents, Func<CallOutcome, ValueTask<bool>> keepGoing) =>
        RunAsync(() => cluster.ConnectAsync(upstream, grant), tool, agents, keepGoing);

    /// <summary>As above, each agent connected by <paramref name="connect"/> (e.g. with an OAuth access token).</summary>
    public async Task RunAsync(Func<Task<(McpClient Client, RoundRobinHandler Balancer)>> connect, string tool, int agents, Func<CallOutcome, ValueTask<bool>> keepGoing)
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, agents).Select(_ => connect()));
        try
        {
            await Task.WhenAll(clients.Select(c => AgentAsync(c.Client, tool, keepGoing)));
        }
        finally
        {
            foreach (var (client, _) in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private async Task AgentAsync(McpClient client, string tool, Func<CallOutcome, ValueTask<bool>> keepGoing)
    {
        var arguments = ClusterPolicies.ArgumentsFor(tool);
        CallOutcome outcome;
        do
        {
            outcome = await CallAsync(client, tool, arguments);
            _outcomes.Enqueue(outcome);
        }
        while (await keepGoing(outcome));
    }

    private static async Task<CallOutcome> CallAsync(McpClient client, string tool, Dictionary<string, object?> arguments)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await client.CallToolAsync(tool, arguments).AsTask().WaitAsync(Eventually.Ceiling);
            var kind = result.IsError != true ? OutcomeKind.Admitted
                : (string?)result.Decision()?["action"] == "rate_limited" ? OutcomeKind.RateLimited
                : OutcomeKind.Error;
            return new CallOutcome(kind, DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started), result.Text());
        }
        catch (Exception ex) when (ex is McpException or HttpRequestException or IOException)
        {
            return new CallOutcome(OutcomeKind.Error, DateTimeOffset.UtcNow, Stopwatch.GetElapsedTime(started), ex.Message);
        }
    }
}
