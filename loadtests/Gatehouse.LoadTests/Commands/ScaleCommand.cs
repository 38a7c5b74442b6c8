using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Scale;

namespace Gatehouse.LoadTests.Commands;

internal static class ScaleCommand
{
    public const string Usage =
        "scale [--agents 16] [--start 2] [--peak 5] [--limit 50] [--window 10] [--roll true|false] [--hold 5] [--postgres CONN]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new ScaleOptions(
            o.Int("--agents", 16),
            o.Int("--start", 2),
            o.Int("--peak", 5),
            o.Int("--limit", 50),
            o.Int("--window", 10),
            o.Bool("--roll", true),
            o.Double("--hold") ?? 5,
            o.Optional("--postgres"));
        if (options.Agents < 2 || options.Start < 1 || options.Peak < options.Start || options.Limit < 1 || options.WindowSeconds < 1 || options.HoldSeconds < 0)
        {
            throw new ArgumentException("--agents must be at least 2, --start at least 1, --peak at least --start, --limit and --window at least 1, --hold at least 0");
        }

        var (report, timeline) = await context.RunAsync(progress => ScaleScenario.RunAsync(options, progress));
        var plot = context.Files.Beside("timeline.png");
        Plots.Timeline(
            plot,
            $"Scaling {options.Start} → {options.Peak} → {options.Start}{(options.Roll ? " and a rolling restart" : string.Empty)}: each call's latency by when it started",
            timeline.Calls
                .GroupBy(c => c.Record.Kind == OutcomeKind.Admitted ? $"{c.Tool} {c.Record.Kind}" : c.Record.Kind.ToString())
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Select(c => timeline.SecondsAt(c.Record.Started)).ToArray(), g.Select(c => c.Record.LatencyMs).ToArray())),
            timeline.Phases.Select(p => (p.StartedSeconds, p.Name)));
        foreach (var (name, log) in timeline.ReplicaLogs)
        {
            await File.WriteAllTextAsync(context.Files.Beside($"{name}.log"), log);
        }

        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.Passed ? 0 : 1;
    }
}
