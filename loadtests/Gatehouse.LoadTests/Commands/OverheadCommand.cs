using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Overhead;

namespace Gatehouse.LoadTests.Commands;

internal static class OverheadCommand
{
    public const string Usage =
        "overhead [--agents 1,64] [--seconds 5] [--rounds 3] [--warmup 5] [--rate CALLS_PER_S] [--tool echo] [--args JSON] [--direct URL --gateway URL --token T]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new OverheadOptions(
            o.Ints("--agents", 1, 64),
            o.Double("--seconds") ?? 5,
            o.Int("--rounds", 3),
            o.Double("--warmup") ?? 5,
            o.Text("--tool", "echo"),
            o.Text("--args", """{"message":"hello"}"""),
            o.Double("--rate"),
            o.Optional("--direct") is { } direct ? new Uri(direct) : null,
            o.Optional("--gateway") is { } gateway ? new Uri(gateway) : null,
            o.Optional("--token"));

        var (report, logs) = await context.RunAsync(progress => OverheadScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(
            plot,
            $"Tool call latency, direct vs through Gatehouse ({report.Mode})",
            logs.SelectMany(l => new[] { ($"direct, {l.Agents} agents", Answered(l.Direct)), ($"gatehouse, {l.Agents} agents", Answered(l.Gatehouse)) }));
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.Levels.Any(l => l.Direct.Errors + l.Gatehouse.Errors > 0) ? 1 : 0;
    }

    private static IReadOnlyCollection<double> Answered(CallLog log) => [.. log.Records.Where(r => r.Kind != OutcomeKind.Error).Select(r => r.LatencyMs)];
}
