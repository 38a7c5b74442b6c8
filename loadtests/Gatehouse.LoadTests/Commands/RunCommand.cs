using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Run;

namespace Gatehouse.LoadTests.Commands;

internal static class RunCommand
{
    public const string Usage =
        "run --target URL [--target URL…] [--token T…] [--agents 16] [--seconds 10 | --calls N] [--rate CALLS_PER_S] [--tool echo] [--args JSON] [--limit MAX [--window SECONDS]]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new RunOptions(
            [.. o.List("--target").Select(t => new Uri(t))],
            o.List("--token"),
            o.Int("--agents", 16),
            TimeSpan.FromSeconds(o.Double("--seconds") ?? (o.Optional("--calls") is null ? 10 : 3600)),
            o.Optional("--calls") is null ? null : o.Int("--calls", 0),
            o.Double("--rate"),
            o.Text("--tool", "echo"),
            o.Text("--args", """{"message":"hello"}"""),
            o.Optional("--limit") is null ? null : o.Int("--limit", 0),
            o.Int("--window", 3600));
        if (options.Targets.Count == 0)
        {
            throw new ArgumentException("--target is required");
        }

        var (report, log) = await context.RunAsync(progress => RunScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(plot, $"Latency, {report.Mode}, {options.Agents} agents", [(report.Mode, Answered(log))]);
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.OverAdmitted is > 0 ? 1 : 0;
    }

    private static double[] Answered(CallLog log) => [.. log.Records.Where(r => r.Kind != OutcomeKind.Error).Select(r => r.LatencyMs)];
}
