using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.ManyCounters;

namespace Gatehouse.LoadTests.Commands;

internal static class ManyCountersCommand
{
    public const string Usage = "many-counters [--counters 10000,100000,1000000] [--concurrency 64] [--sample-seconds 3]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new ManyCountersOptions([.. o.Ints("--counters", 10_000, 100_000, 1_000_000).Order()], o.Int("--concurrency", 64), o.Double("--sample-seconds") ?? 3);
        var report = await context.RunAsync(progress => ManyCountersScenario.RunAsync(options, progress));
        double[] xs = [.. report.Rows.Select(r => (double)r.Counters)];
        var memory = context.Files.Beside("memory.png");
        Plots.Lines(memory, "Managed memory per idle counter", "counters held", "bytes per counter", xs,
            [("bytes per counter", [.. report.Rows.Select(r => r.BytesPerCounter)])], logX: true, target: (1024, "target: 1 KiB"));
        var latency = context.Files.Beside("latency.png");
        Plots.Lines(latency, "Decision latency on random existing counters", "counters held", "latency (ms)", xs,
            [("p50", [.. report.Rows.Select(r => r.Decision.P50)]), ("p99", [.. report.Rows.Select(r => r.Decision.P99)])], logX: true);
        await context.PublishAsync(report, report.ToMarkdown(), memory, latency);
        return 0;
    }
}
