using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Exactness;

namespace Gatehouse.LoadTests.Commands;

internal static class ExactnessCommand
{
    public const string Usage =
        "exactness [--replicas 3] [--agents 32] [--algorithms fixed,sliding,token_bucket] [--limits 10,100,1000] [--calls-per-limit 2] [--durability Durable|None] [--postgres CONN]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new ExactnessOptions(
            o.Int("--replicas", 3),
            o.Int("--agents", 32),
            o.List("--algorithms", "fixed", "sliding", "token_bucket"),
            o.Ints("--limits", 10, 100, 1000),
            o.Double("--calls-per-limit") ?? 2,
            o.Optional("--postgres"),
            o.Text("--durability", "Durable"));

        var (report, logs) = await context.RunAsync(progress => ExactnessScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(plot, $"Call latency under a hot limit, {options.Replicas} replicas", logs.Select(l => (l.Label, (IReadOnlyCollection<double>)[.. l.Records.Where(r => r.Kind != OutcomeKind.Error).Select(r => r.LatencyMs)])));
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.AllExact && report.OverAdmitted == 0 ? 0 : 1;
    }
}
