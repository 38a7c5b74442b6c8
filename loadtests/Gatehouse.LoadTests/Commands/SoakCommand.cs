using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Soak;

namespace Gatehouse.LoadTests.Commands;

internal static class SoakCommand
{
    public const string Usage =
        "soak [--minutes 60] [--replicas 3] [--agents 12] [--rate 40] [--session-calls 200] [--sample-seconds 15] [--warm-up-minutes M] [--postgres CONN]";

    private const double MiB = 1024 * 1024;

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new SoakOptions(
            o.Double("--minutes") ?? 60,
            o.Int("--replicas", 3),
            o.Int("--agents", 12),
            o.Double("--rate") ?? 40,
            o.Int("--session-calls", 200),
            o.Double("--sample-seconds") ?? 15,
            o.Optional("--postgres"),
            o.Double("--warm-up-minutes"));
        if (options.Minutes <= 0 || options.Replicas < 1 || options.Agents < 1 || options.Rate <= 0 || options.SessionCalls < 1 || options.SampleSeconds <= 0 || options.WarmUp >= options.Duration)
        {
            throw new ArgumentException("--minutes, --rate and --sample-seconds must be positive, --warm-up-minutes shorter than the run, --replicas, --agents and --session-calls at least 1");
        }

        var (report, timeline) = await context.RunAsync(progress => SoakScenario.RunAsync(options, progress));
        var minutes = timeline.Minutes;
        var warmUp = (timeline.WarmUpSeconds / 60, "end of warm-up");
        var memory = context.Files.Beside("memory.png");
        Plots.Lines(
            memory,
            $"Soak, {options.Replicas} replicas at {options.Rate:0.#} calls/s: memory of each replica",
            "minutes since the load began",
            "MiB",
            minutes,
            [
                .. timeline.ReplicaNames.Select(r => ($"RSS {r}", timeline.Of(r, s => s.RssBytes / MiB))),
                .. timeline.ReplicaNames.Select(r => ($"GC heap {r}", timeline.Of(r, s => s.GcHeapBytes / MiB))),
                .. timeline.ReplicaNames.Select(r => ($"resumption store {r}", timeline.Of(r, s => s.ResumptionBytes / MiB))),
            ],
            marker: warmUp);
        var grains = context.Files.Beside("grains-sessions.png");
        Plots.Lines(
            grains,
            "Soak: grain activations and agent sessions held",
            "minutes since the load began",
            "count",
            minutes,
            [
                .. timeline.ReplicaNames.Select(r => ($"activations {r}", timeline.Of(r, s => s.Activations))),
                .. timeline.ReplicaNames.Select(r => ($"sessions {r}", timeline.Of(r, s => s.Sessions))),
                ("sessions, all replicas", [.. timeline.Rounds.Select(r => (double)r.Sessions)]),
            ],
            marker: warmUp);
        var latency = context.Files.Beside("latency.png");
        Plots.Lines(
            latency,
            $"Soak: latency of the calls of each {options.SampleSeconds:0.#} s interval (from arrival)",
            "minutes since the load began",
            "latency (ms)",
            minutes,
            [
                ("p50", [.. timeline.Rounds.Select(r => r.Interval.Calls > 0 ? r.Interval.P50Ms : double.NaN)]),
                ("p99", [.. timeline.Rounds.Select(r => r.Interval.Calls > 0 ? r.Interval.P99Ms : double.NaN)]),
            ],
            marker: warmUp);
        foreach (var (name, log) in timeline.ReplicaLogs)
        {
            await File.WriteAllTextAsync(context.Files.Beside($"{name}.log"), log);
        }

        await context.PublishAsync(report, report.ToMarkdown(), memory, grains, latency);
        return report.Passed ? 0 : 1;
    }
}
