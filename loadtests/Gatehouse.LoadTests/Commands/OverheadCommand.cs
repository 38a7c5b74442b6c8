using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Infrastructure;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Overhead;

namespace Gatehouse.LoadTests.Commands;

internal static class OverheadCommand
{
    public const string Usage =
        "overhead [--agents 1,16,64] [--seconds 5] [--rounds 5] [--warmup 5] [--rate CALLS_PER_S] [--upstream test|everything] [--tool echo] [--args JSON] [--direct URL --gateway URL --token T]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new OverheadOptions(
            o.Ints("--agents", 1, 16, 64),
            o.Double("--seconds") ?? 5,
            o.Int("--rounds", 5),
            o.Double("--warmup") ?? 5,
            o.Text("--tool", "echo"),
            o.Text("--args", """{"message":"hello"}"""),
            o.Double("--rate"),
            o.Optional("--direct") is { } direct ? new Uri(direct) : null,
            o.Optional("--gateway") is { } gateway ? new Uri(gateway) : null,
            o.Optional("--token"),
            Upstream(o.Text("--upstream", "test")));

        var (report, logs) = await context.RunAsync(progress => OverheadScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(
            plot,
            $"Tool call latency: direct, through YARP, through Gatehouse ({report.Mode})",
            logs.Select(l => ($"{l.Target}, {l.Agents} agents", Answered(l.Log))));
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.Levels.Any(l => l.Targets.Any(t => t.Pooled.Errors > 0)) ? 1 : 0;
    }

    private static OverheadUpstream Upstream(string name) => name switch
    {
        "test" => OverheadUpstream.Test,
        "everything" when EverythingUpstream.IsInstalled => OverheadUpstream.Everything,
        "everything" => throw new ArgumentException("--upstream everything needs @modelcontextprotocol/server-everything: run `npm ci` in tests/node"),
        _ => throw new ArgumentException($"--upstream is 'test' or 'everything', not '{name}'"),
    };

    private static IReadOnlyCollection<double> Answered(CallLog log) => [.. log.Records.Where(r => r.Kind != OutcomeKind.Error).Select(r => r.LatencyMs)];
}
