using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Decisions;

namespace Gatehouse.LoadTests.Commands;

internal static class DecisionsCommand
{
    public const string Usage =
        "decisions [--paths in-process,grain-local,grain-remote,grain-remote-batched,redis-ratelimiting,redis-lua] [--concurrency 64] [--keys 1] [--seconds 3] [--rounds 3] [--warmup 2] [--redis HOST:PORT]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new DecisionsOptions(
            o.List("--paths", [.. DecisionPathNames.All]),
            o.Int("--concurrency", 64),
            o.Int("--keys", 1),
            o.Double("--seconds") ?? 3,
            o.Int("--rounds", 3),
            o.Double("--warmup") ?? 2,
            o.Optional("--redis"));
        var (report, latencies) = await context.RunAsync(progress => DecisionsScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(plot, $"Decision latency at {options.Concurrency} in flight", latencies.Select(l => (l.Key, (IReadOnlyCollection<double>)l.Value)));
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.Paths.Any(p => p.Errors + p.Refused > 0) ? 1 : 0;
    }
}
