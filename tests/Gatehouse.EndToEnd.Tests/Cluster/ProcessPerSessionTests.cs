using System.Globalization;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using static Gatehouse.EndToEnd.Tests.Infrastructure.ToolResults;

namespace Gatehouse.EndToEnd.Tests.Cluster;

/// <summary>
/// A stdio upstream with <c>ProcessPerSession</c>: each agent session has a process of its own, the same one whichever
/// replica its requests land on, ended when the agent closes its session or leaves it idle, restarted when it dies or
/// outgrows its memory limit, and no more of them per replica than <c>MaxProcesses</c>. The test upstream's
/// <c>process</c> tool names the process that served a call.
/// </summary>
[Collection(FidelityCollection.Name)]
public sealed class ProcessPerSessionTests(FidelityFixture fixture)
{
    private GatewayCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Each_agent_session_has_its_own_process_on_every_replica_until_it_closes_the_session()
    {
        var (first, _) = await Cluster.ConnectAsync("own", "local");
        var (second, _) = await Cluster.ConnectAsync("own", "local");
        await using var secondAgent = second;

        // Six calls each, round robin over three replicas.
        var firsts = new List<int>();
        var seconds = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            firsts.Add(await SessionProcesses.OfAsync(first));
            seconds.Add(await SessionProcesses.OfAsync(second));
        }

        Assert.Single(firsts.Distinct());
        Assert.Single(seconds.Distinct());
        Assert.NotEqual(firsts[0], seconds[0]);
        Assert.NotEqual(Environment.ProcessId, firsts[0]);

        // Closing the session (the SDK's DELETE) ends its process, and only its process.
        await first.DisposeAsync();
        await Eventually.HoldsAsync(() => !SessionProcesses.IsRunning(firsts[0]), () => $"process {firsts[0]} still runs after its session closed");
        Assert.True(SessionProcesses.IsRunning(seconds[0]));
        Assert.Equal(seconds[0], await SessionProcesses.OfAsync(second));
    }

    [Fact]
    public async Task A_process_that_dies_is_started_again_for_the_same_session()
    {
        var (agent, _) = await Cluster.ConnectAsync("own", "local");
        await using var _ = agent;
        var before = await SessionProcesses.OfAsync(agent);

        using (var process = System.Diagnostics.Process.GetProcessById(before))
        {
            process.Kill();
        }

        // A call made while the process is down may fail; the session goes on with a new process.
        var after = await Eventually.ValueAsync(() => SessionProcesses.TryOfAsync(agent), pid => pid is { } p && p != before, pid => $"the session's process is {pid?.ToString(CultureInfo.InvariantCulture) ?? "not answering"}");
        Assert.True(SessionProcesses.IsRunning(after!.Value));
    }

    [Fact]
    public async Task A_replica_runs_no_more_processes_than_the_limit_and_a_closed_session_frees_its_place()
    {
        // Both sessions through one replica, where their processes are placed; own-one allows one per replica.
        var endpoint = new Uri(Cluster.LiveUrls[0], "/mcp/own-one");
        var first = await Agents.ConnectAsync(endpoint, Cluster.TokenOf("local"));
        await using var second = await Agents.ConnectAsync(endpoint, Cluster.TokenOf("local"));
        var running = await SessionProcesses.OfAsync(first);

        var refused = await Assert.ThrowsAsync<McpProtocolException>(() => second.CallToolAsync("process").AsTask());
        Assert.Contains("already runs its limit of 1", refused.Message);
        Assert.True(SessionProcesses.IsRunning(running));

        await first.DisposeAsync();
        var admitted = await Eventually.ValueAsync(() => SessionProcesses.TryOfAsync(second), pid => pid is not null, _ => "the second session is still refused after the first closed");
        Assert.NotEqual(running, admitted);
    }

    [Fact]
    public async Task An_idle_process_is_ended_and_the_next_call_starts_another()
    {
        var (agent, _) = await Cluster.ConnectAsync("own-idle", "local");
        await using var _ = agent;
        var before = await SessionProcesses.OfAsync(agent);

        // own-idle: ProcessIdleSeconds 5.
        await Eventually.HoldsAsync(() => !SessionProcesses.IsRunning(before), () => $"idle process {before} still runs");
        var after = await SessionProcesses.OfAsync(agent);

        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_process_over_its_memory_limit_is_restarted()
    {
        var (agent, _) = await Cluster.ConnectAsync("own-small", "local");
        await using var _ = agent;
        var before = await SessionProcesses.OfAsync(agent);

        // own-small: MaxProcessMemoryMb 256. The process grows past it; it is ended at the next check (which may come
        // before the call's answer).
        try
        {
            await agent.CallToolAsync("grow", Args(("megabytes", 320)));
        }
        catch (McpException)
        {
            // Ended mid-call: what the test waits for below.
        }

        await Eventually.HoldsAsync(() => !SessionProcesses.IsRunning(before), () => $"process {before}, over its memory limit, still runs");
        var after = await Eventually.ValueAsync(() => SessionProcesses.TryOfAsync(agent), pid => pid is not null, _ => "no process answers after the restart");

        Assert.NotEqual(before, after);
        Assert.Equal(after, await SessionProcesses.OfAsync(agent));
    }
}
