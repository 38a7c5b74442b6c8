using System.Diagnostics;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Scenarios.Scale;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>The samples and calls of a soak against the time since the load began: the report's figures and the plots' points.</summary>
internal sealed class SoakTimeline
{
    private const double MiB = 1024 * 1024;
    private readonly long _origin;
    private readonly IReadOnlyList<(string Tool, CallLog Log)> _logs;

    public SoakTimeline(long origin, TimeSpan warmUp, IReadOnlyList<(long At, IReadOnlyList<ReplicaSample> Replicas)> rounds, IReadOnlyList<(string Tool, CallLog Log)> logs, IReadOnlyDictionary<string, string> replicaLogs)
    {
        _origin = origin;
        _logs = logs;
        WarmUpSeconds = warmUp.TotalSeconds;
        ReplicaLogs = replicaLogs;
        var ended = logs.SelectMany(l => l.Log.Records).Select(r => (Seconds: SecondsAt(r.Ended), Record: r)).OrderBy(r => r.Seconds).ToList();
        var rows = new List<SampleRound>();
        var previous = 0.0;
        foreach (var (at, replicas) in rounds)
        {
            var seconds = SecondsAt(at);
            var inInterval = ended.Where(r => r.Seconds > previous && r.Seconds <= seconds).Select(r => r.Record).ToList();
            rows.Add(new SampleRound(seconds, replicas, IntervalFigures.Of(inInterval, seconds - previous)));
            previous = Math.Max(previous, seconds);
        }

        Rounds = rows;
    }

    public double WarmUpSeconds { get; }

    public IReadOnlyList<SampleRound> Rounds { get; }

    /// <summary>Each replica's warnings and errors and its last lines, by name, taken when the run ended.</summary>
    public IReadOnlyDictionary<string, string> ReplicaLogs { get; }

    public IReadOnlyList<string> ReplicaNames => [.. Rounds.SelectMany(r => r.Replicas).Select(s => s.Replica).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The rounds after the warm-up: the samples the trends are fitted to.</summary>
    public IReadOnlyList<SampleRound> Steady => [.. Rounds.Where(r => r.Seconds >= WarmUpSeconds)];

    /// <summary>Minutes since the load began of each round.</summary>
    public double[] Minutes => [.. Rounds.Select(r => r.Seconds / 60)];

    /// <summary>One replica's figure in every round (NaN where it was not sampled).</summary>
    public double[] Of(string replica, Func<ReplicaSample, double> figure) =>
        [.. Rounds.Select(r => r.Replicas.FirstOrDefault(s => s.Replica == replica) is { } sample ? figure(sample) : double.NaN)];

    public IReadOnlyList<SeriesTrend> Trends()
    {
        var trends = new List<SeriesTrend>();
        foreach (var name in ReplicaNames)
        {
            trends.Add(Trend($"RSS {name}", "MiB", r => Figure(r, name, s => s.RssBytes / MiB)));
            trends.Add(Trend($"GC heap {name}", "MiB", r => Figure(r, name, s => s.GcHeapBytes / MiB)));
        }

        foreach (var name in ReplicaNames)
        {
            trends.Add(Trend($"resumption store {name}", "MiB", r => Figure(r, name, s => s.ResumptionBytes / MiB)));
        }

        trends.Add(Trend("resumption entries, all replicas", "count", r => r.Replicas.Count == ReplicaNames.Count ? r.Replicas.Sum(s => s.ResumptionEntries) : null));

        foreach (var name in ReplicaNames)
        {
            trends.Add(Trend($"activations {name}", "count", r => Figure(r, name, s => s.Activations)));
        }

        trends.Add(Trend("activations, all replicas", "count", r => r.Replicas.Count == ReplicaNames.Count ? r.Activations : null));
        foreach (var name in ReplicaNames)
        {
            trends.Add(Trend($"sessions {name}", "count", r => Figure(r, name, s => s.Sessions)));
        }

        trends.Add(Trend("sessions, all replicas", "count", r => r.Replicas.Count == ReplicaNames.Count ? r.Sessions : null));
        trends.Add(Trend("latency p50", "ms", r => r.Interval.Calls > 0 ? r.Interval.P50Ms : null));
        trends.Add(Trend("latency p99", "ms", r => r.Interval.Calls > 0 ? r.Interval.P99Ms : null));
        return trends;
    }

    /// <summary>Every failed call (an error, or a refusal other than the rate limit), in the order they started.</summary>
    public IReadOnlyList<FailedCall> Failures() =>
    [
        .. _logs
            .SelectMany(l => l.Log.Records.Select(r => (l.Tool, Record: r)))
            .Where(c => c.Record.Kind is OutcomeKind.Error or OutcomeKind.Refused)
            .OrderBy(c => c.Record.Started)
            .Select(c => new FailedCall(
                SecondsAt(c.Record.Started),
                SecondsAt(c.Record.Started) < WarmUpSeconds ? "warm-up" : "steady",
                c.Tool,
                c.Record.Agent,
                c.Record.LatencyMs,
                c.Record.Error ?? "unknown",
                c.Record.Detail)),
    ];

    public double SecondsAt(long timestamp) => Stopwatch.GetElapsedTime(_origin, timestamp).TotalSeconds;

    private static double? Figure(SampleRound round, string replica, Func<ReplicaSample, double> figure) =>
        round.Replicas.FirstOrDefault(s => s.Replica == replica) is { } sample ? figure(sample) : null;

    private SeriesTrend Trend(string series, string unit, Func<SampleRound, double?> figure) =>
        SeriesTrend.Of(series, unit, [.. Steady.Select(r => (r.Seconds, Value: figure(r))).Where(p => p.Value is not null).Select(p => (p.Seconds, p.Value!.Value))]);
}
