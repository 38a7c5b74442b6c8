using System.Diagnostics;
using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Failover;

namespace Gatehouse.LoadTests.Commands;

internal static class FailoverCommand
{
    public const string Usage =
        "failover [--replicas 3] [--agents 32] [--algorithm fixed] [--limit 600] [--kill-at 0.33] [--calls-per-limit 2] [--durability Durable|None] [--postgres CONN]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new FailoverOptions(
            o.Int("--replicas", 3),
            o.Int("--agents", 32),
            o.Text("--algorithm", "fixed"),
            o.Int("--limit", 600),
            o.Double("--kill-at") ?? 0.33,
            o.Double("--calls-per-limit") ?? 2,
            o.Optional("--postgres"),
            o.Text("--durability", "Durable"));

        var (report, log) = await context.RunAsync(progress => FailoverScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("timeline.png");
        double Seconds(long t) => Stopwatch.GetElapsedTime(log.Started, t).TotalSeconds;
        Plots.Timeline(
            plot,
            $"Failover: each call's latency by when it started ({options.Durability} counters)",
            Enum.GetValues<OutcomeKind>().Select(kind =>
            {
                var records = log.Records.Where(r => r.Kind == kind).ToArray();
                return (kind.ToString(), records.Select(r => Seconds(r.Started)).ToArray(), records.Select(r => r.LatencyMs).ToArray());
            }),
            report.KilledAtSeconds is { } killed ? [(killed, "replica killed")] : []);
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.OverAdmitted == 0 ? 0 : 1;
    }
}
