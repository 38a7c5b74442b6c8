using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Approvals;

namespace Gatehouse.LoadTests.Commands;

internal static class ApprovalsCommand
{
    public const string Usage = "approvals [--iterations 40] [--warmup 2] [--postgres CONN]";

    public static async Task<int> RunAsync(CommandContext context)
    {
        var o = context.Options;
        var options = new ApprovalsOptions(o.Int("--iterations", 40), o.Int("--warmup", 2), o.Optional("--postgres"));
        if (options.Iterations < 1 || options.Warmup < 0)
        {
            throw new ArgumentException("--iterations must be at least 1 and --warmup at least 0");
        }

        var report = await context.RunAsync(progress => ApprovalsScenario.RunAsync(options, progress));
        var measured = report.Samples.Where(s => !s.Warmup).ToList();
        var plot = context.Files.Beside("latency.png");
        Plots.Percentiles(plot, "Approvals: held call to the console's event, Approve to the agent's result", [
            ("held call on A → event on B", [.. measured.Select(s => s.HeldToEventMs)]),
            ("held call on A → listed on B", [.. measured.Select(s => s.HeldToListedMs)]),
            ("Approve on C → result on A", [.. measured.Select(s => s.ApproveToResultMs)]),
        ]);
        await context.PublishAsync(report, report.ToMarkdown(), plot);
        return report.RanOnce ? 0 : 1;
    }
}
