using System.Globalization;
using Gatehouse.EndToEnd.Tests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using Xunit.Abstractions;

namespace Gatehouse.EndToEnd.Tests.Upstreams;

/// <summary>
/// A stdio upstream with a process per agent session, behind two replicas, when the replica running a session's process
/// dies: the process goes with it (no orphan), and the agent's session goes on with a new process on the other replica.
/// </summary>
public sealed class ProcessPerSessionFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private GatewayCluster? _cluster;

    private GatewayCluster Cluster => _cluster!;

    public async Task InitializeAsync() =>
        _cluster = await GatewayCluster.StartAsync(
            replicas: 2,
            new Dictionary<string, UpstreamSpec> { ["own"] = UpstreamSpec.TestUpstreamStdio(Policies.AllowAll).PerSession() },
            new Dictionary<string, string[]> { ["local"] = ["own"] });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_replica_running_a_sessions_process_dies_the_process_ends_and_the_session_gets_another()
    {
        var (agent, _) = await Cluster.ConnectAsync("own", "local");
        await using var __ = agent;
        var before = await SessionProcesses.OfAsync(agent);
        Assert.Equal(before, await SessionProcesses.OfAsync(agent));

        var holder = Cluster.Replicas.Single(replica => replica.ProcessId == SessionProcesses.ParentOf(before));
        var other = Cluster.Replicas.Single(replica => replica != holder);
        Assert.Equal(1, await ProcessesGaugeAsync(holder));
        Assert.Equal(0, await ProcessesGaugeAsync(other));

        holder.Kill();
        await Eventually.HoldsAsync(() => holder.HasExited, () => "the killed replica is still running");
        await Eventually.HoldsAsync(() => !SessionProcesses.IsRunning(before), () => $"the session's process {before} outlived its replica");

        // Until the cluster declares the dead silo, the grain it held answers nothing; the agent retries.
        var declared = await Eventually.HoldsAsync(
            async () => (await Cluster.MembersAsync()).Any(m => m.Port == holder.SiloPort && m.Status == 6),
            "the killed replica's silo declared dead");
        output.WriteLine($"declared dead {declared.TotalSeconds:0.0} s after the kill");
        var after = await Eventually.ValueAsync(() => SessionProcesses.TryOfAsync(agent), pid => pid is not null, _ => "no process answers for the session");

        Assert.Equal(other.ProcessId, SessionProcesses.ParentOf(after!.Value));
        Assert.Equal(after, await SessionProcesses.OfAsync(agent));
        Assert.Equal(1, await ProcessesGaugeAsync(other));
    }

    /// <summary>The replica's <c>gatehouse_upstream_session_processes</c> for upstream <c>own</c>; 0 before it ran one.</summary>
    private static async Task<int> ProcessesGaugeAsync(Replica replica)
    {
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(replica.BaseUrl, "/metrics"));
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith("gatehouse_upstream_session_processes{", StringComparison.Ordinal) && l.Contains("gatehouse_upstream=\"own\"", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }
}
