using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Scale;

/// <summary>What <c>scale</c> measured.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Options">How it ran.</param>
/// <param name="Phases">Each phase with the calls that started in it.</param>
/// <param name="Limit">Whether the rate limit held.</param>
/// <param name="Replicas">Each replica's start and stop.</param>
/// <param name="Events">Membership events in order.</param>
/// <param name="Failures">Every failed call.</param>
internal sealed record ScaleReport(
    MachineInfo Machine,
    ScaleOptions Options,
    IReadOnlyList<PhaseFigures> Phases,
    LimitCheck Limit,
    IReadOnlyList<ReplicaLife> Replicas,
    IReadOnlyList<MembershipEvent> Events,
    IReadOnlyList<FailedCall> Failures)
{
    /// <summary>Replicas stopped with SIGTERM that exited with another code than 0.</summary>
    public int UncleanExits => Replicas.Count(r => r.ExitCode is not null and not 0);

    /// <summary>No call failed, nothing was over-admitted, every stopped replica exited cleanly.</summary>
    public bool Passed => Failures.Count == 0 && Limit.OverAdmitted == 0 && UncleanExits == 0;

    public string ToMarkdown()
    {
        static string S(double? seconds) => seconds?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";
        var text = new StringBuilder();
        var o = Options;
        text.Append(CultureInfo.InvariantCulture, $"{o.Agents} agents (half on `{MeteredLoadPolicy.LimitedTool}`, limited to {o.Limit} per {o.WindowSeconds} s per grant over {Limit.Grants} grants; half on `{MeteredLoadPolicy.UnlimitedTool}`, unlimited), ")
            .Append(CultureInfo.InvariantCulture, $"each request to the next replica of the balancer's rotation; {o.Start} → {o.Peak} → {o.Start} replicas on PostgreSQL{(o.Roll ? ", then a rolling restart" : string.Empty)}; {Machine}.\n\n");

        var phases = new MarkdownTable("phase", "replicas", "seconds", "calls", "admitted", "rate limited", "failed", "p50 ms", "p95 ms", "max ms");
        foreach (var (phase, stats) in Phases)
        {
            phases.Row(phase.Name, phase.ReplicasBefore == phase.ReplicasAfter ? $"{phase.ReplicasAfter}" : $"{phase.ReplicasBefore} → {phase.ReplicasAfter}", S(phase.Seconds),
                stats.Calls, stats.Admitted, stats.RateLimited, stats.Errors + stats.Refused, MarkdownTable.Ms(stats.Latency.P50), MarkdownTable.Ms(stats.Latency.P95), MarkdownTable.Ms(stats.Latency.Max));
        }

        text.Append(phases).Append('\n');
        text.Append(new MarkdownTable("limited tool", "limit", "window s", "grants", "windows per grant", "most allowed", "admitted", "ran upstream", "grant windows at the limit", "fullest grant window", "over-admitted")
            .Row($"`{MeteredLoadPolicy.LimitedTool}`", Limit.Limit, Limit.WindowSeconds, Limit.Grants, Limit.Windows, Limit.MostAdmitted, Limit.Admitted, Limit.RanUpstream, Limit.WindowsAtLimit, Limit.FullestWindow, Limit.OverAdmitted))
            .Append('\n');

        var replicas = new MarkdownTable("replica", "started in", "ready s", "stopped in", "exit after SIGTERM s", "exit code");
        foreach (var r in Replicas)
        {
            replicas.Row(r.Name, r.StartedIn, S(r.ReadySeconds), r.StoppedIn ?? "-", S(r.ExitSeconds), r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-");
        }

        text.Append(replicas).Append('\n');
        FailedCall.AppendTo(text, Failures);
        return text.ToString();
    }
}
