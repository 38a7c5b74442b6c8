using System.Diagnostics;
using System.Globalization;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Progress;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>
/// Changes the replicas behind the balancer as Kubernetes does for a Deployment behind a Service: a new replica
/// joins the rotation only once ready; a leaving one is removed from the rotation first, then sent SIGTERM, and
/// its exit awaited. Records every phase, event and replica's start and stop.
/// </summary>
internal sealed class Membership(GatehouseCluster cluster, ProgressView progress)
{
    /// <summary>Longest a replica may take to exit after SIGTERM: the host's 30 s shutdown timeout and the silo's leaving.</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(90);

    private readonly List<GatehouseReplica> _serving = [];
    private readonly List<ReplicaLife> _lives = [];
    private readonly List<(long At, string Text)> _events = [];
    private readonly List<(string Name, int Before, int After, long Started, long Ended)> _phases = [];
    private long _origin = Stopwatch.GetTimestamp();
    private string _phase = "initial";

    public Rotation Rotation { get; } = new([]);

    public int Serving => _serving.Count;

    public IReadOnlyList<ReplicaLife> Lives => _lives;

    public IReadOnlyList<MembershipEvent> Events => [.. _events.Select(e => new MembershipEvent(SecondsAt(e.At), e.Text))];

    public IReadOnlyList<MembershipPhase> Phases => [.. _phases.Select(p => new MembershipPhase(p.Name, p.Before, p.After, SecondsAt(p.Started), SecondsAt(p.Ended)))];

    /// <summary>Times are counted from <paramref name="origin"/>, a stopwatch timestamp (the load's start).</summary>
    public void CountFrom(long origin) => _origin = origin;

    public double SecondsAt(long timestamp) => Stopwatch.GetElapsedTime(_origin, timestamp).TotalSeconds;

    /// <summary>Runs <paramref name="body"/> as a phase named <paramref name="name"/>, recording its span and the replicas before and after.</summary>
    public async Task PhaseAsync(string name, Func<Task> body)
    {
        var before = Serving;
        var started = Stopwatch.GetTimestamp();
        _phase = name;
        progress.Status($"{name} ({before} replicas)");
        await body();
        _phases.Add((name, before, Serving, started, Stopwatch.GetTimestamp()));
    }

    /// <summary>Starts a replica, waits until it is ready, then adds it to the rotation.</summary>
    public async Task<GatehouseReplica> AddAsync(string upstream)
    {
        var name = "r" + (_lives.Count + 1).ToString(CultureInfo.InvariantCulture);
        var started = Stopwatch.GetTimestamp();
        var replica = await cluster.AddReplicaAsync();
        var ready = Stopwatch.GetTimestamp();
        Rotation.Add(replica.EndpointOf(upstream));
        _serving.Add(replica);
        _lives.Add(new ReplicaLife(name, replica.BaseUrl, _phase, Stopwatch.GetElapsedTime(started, ready).TotalSeconds));
        Record(ready, $"{name} ready, added to the rotation");
        return replica;
    }

    /// <summary>Removes a replica from the rotation, sends it SIGTERM and waits for it to exit.</summary>
    public async Task RemoveAsync(GatehouseReplica replica, string upstream)
    {
        var index = _lives.FindIndex(l => l.BaseUrl == replica.BaseUrl);
        var name = _lives[index].Name;
        Rotation.Remove(replica.EndpointOf(upstream));
        _serving.Remove(replica);
        var terminated = Stopwatch.GetTimestamp();
        Record(terminated, $"{name} removed from the rotation, SIGTERM");
        var exitCode = await replica.StopAsync(StopLimit);
        var exited = Stopwatch.GetTimestamp();
        Record(exited, $"{name} exited ({exitCode.ToString(CultureInfo.InvariantCulture)})");
        _lives[index] = _lives[index] with { StoppedIn = _phase, ExitSeconds = Stopwatch.GetElapsedTime(terminated, exited).TotalSeconds, ExitCode = exitCode };
    }

    /// <summary>The replicas in the rotation, oldest first.</summary>
    public IReadOnlyList<GatehouseReplica> InRotation() => [.. _serving];

    /// <summary>Each replica's warnings and errors and the last lines it wrote, by its name in the report.</summary>
    public IReadOnlyDictionary<string, string> Logs() =>
        _lives.ToDictionary(l => l.Name, l => cluster.Replicas.FirstOrDefault(r => r.BaseUrl == l.BaseUrl) is { } replica
            ? $"Warnings and errors:\n{replica.Problems}\n\nLast lines:\n{replica.Output}"
            : string.Empty);

    private void Record(long at, string text)
    {
        _events.Add((at, text));
        progress.Status(text);
    }
}
