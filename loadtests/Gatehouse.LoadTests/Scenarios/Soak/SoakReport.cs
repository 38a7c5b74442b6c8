using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;
using Gatehouse.LoadTests.Scenarios.Scale;
using Gatehouse.LoadTests.Scenarios.Shared;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>What <c>soak</c> measured.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Options">How it ran.</param>
/// <param name="WarmUpSeconds">The start left out of the trends (<see cref="SoakOptions.WarmUp"/>).</param>
/// <param name="LoadSeconds">How long the load really ran.</param>
/// <param name="Tools">The calls of each tool over the whole run.</param>
/// <param name="SessionsOpened">Sessions the agents opened (their first ones included).</param>
/// <param name="SessionsClosed">Sessions the agents closed with DELETE (their last ones, at the end, included).</param>
/// <param name="Rounds">Every sample of every replica, with the calls of its interval.</param>
/// <param name="Trends">Each series after warm-up.</param>
/// <param name="MissedSamples">Replica samples that could not be taken.</param>
/// <param name="ReplicaExits">Replicas that exited during the run.</param>
/// <param name="Failures">Every failed call.</param>
/// <param name="SessionFailures">Every session that could not be opened or closed.</param>
internal sealed record SoakReport(
    MachineInfo Machine,
    SoakOptions Options,
    double WarmUpSeconds,
    double LoadSeconds,
    IReadOnlyList<PhaseStats> Tools,
    int SessionsOpened,
    int SessionsClosed,
    IReadOnlyList<SampleRound> Rounds,
    IReadOnlyList<SeriesTrend> Trends,
    int MissedSamples,
    IReadOnlyList<string> ReplicaExits,
    IReadOnlyList<FailedCall> Failures,
    IReadOnlyList<FailedStep> SessionFailures)
{
    /// <summary>No call failed, every session opened and closed, no replica exited.</summary>
    public bool Passed => Failures.Count == 0 && SessionFailures.Count == 0 && ReplicaExits.Count == 0;

    /// <summary>The memory, activation and session series that grew after warm-up (latency is not a leak).</summary>
    public IReadOnlyList<SeriesTrend> Growing => [.. Trends.Where(t => t.Unit != "ms" && t.Verdict == "growing")];

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var o = Options;
        text.Append(CultureInfo.InvariantCulture, $"{o.Replicas} replicas on PostgreSQL (durable counters) and the C# test upstream; {o.Agents} agents, {o.Rate:0.#} calls/s in total (open loop), ")
            .Append(CultureInfo.InvariantCulture, $"alternately `{MeteredLoadPolicy.LimitedTool}` (limited to {SoakPolicy.Limit} per {SoakPolicy.WindowSeconds} s per grant, {MeteredLoadPolicy.Grants} grants) and `{MeteredLoadPolicy.UnlimitedTool}` (unlimited), ")
            .Append(CultureInfo.InvariantCulture, $"each request to the next replica (round robin, no affinity); each agent closes its session (DELETE) after {o.SessionCalls} calls and opens another; ")
            .Append(CultureInfo.InvariantCulture, $"every replica sampled every {o.SampleSeconds:0.#} s; {LoadSeconds / 60:0.0} min of load; {Machine}.\n\n");

        var tools = new MarkdownTable("tool", "calls", "calls/s", "admitted", "rate limited", "failed", "p50 ms", "p99 ms", "max ms");
        foreach (var t in Tools)
        {
            tools.Row(t.Label, t.Calls, t.Calls / Math.Max(LoadSeconds, 1e-9), t.Admitted, t.RateLimited, t.Errors + t.Refused, MarkdownTable.Ms(t.Latency.P50), MarkdownTable.Ms(t.Latency.P99), MarkdownTable.Ms(t.Latency.Max));
        }

        text.Append(tools).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Sessions opened: {SessionsOpened}, closed with DELETE: {SessionsClosed} (each agent's last closed at the end).\n\n");

        var steady = Trends.Select(t => t.Samples).DefaultIfEmpty(0).Max();
        text.Append(CultureInfo.InvariantCulture, $"Warm-up: the first {WarmUpSeconds / 60:0.0#} min (`--warm-up-minutes`; by default 10 % of the run, at most 5 min) left out; each series below is fitted by least squares over the {steady} samples after it. ")
            .Append(CultureInfo.InvariantCulture, $"A series is growing when its fitted line rises by more than {SeriesTrend.Tolerance:P0} of its mean over that span.\n\n");
        var trends = new MarkdownTable("series", "unit", "after warm-up", "at end", "mean", "slope per hour", "verdict");
        foreach (var t in Trends)
        {
            trends.Row(t.Series, t.Unit, Figure(t.AfterWarmUp, t.Unit), Figure(t.AtEnd, t.Unit), Figure(t.Mean, t.Unit), Signed(t.SlopePerHour, t.Unit), t.Verdict);
        }

        text.Append(trends).Append('\n');
        text.Append(Growing.Count == 0
            ? "Verdict: flat. No memory, activation or session series grew after warm-up.\n"
            : $"Verdict: growing: {string.Join(", ", Growing.Select(g => g.Series))}.\n");
        if (MissedSamples > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nReplica samples missed (no answer from `/metrics` in time): {MissedSamples}.\n");
        }

        text.Append('\n').Append(ReplicaExits.Count == 0 ? "Replicas exited during the run: none.\n" : $"Replicas exited during the run: {string.Join("; ", ReplicaExits)}.\n");
        AppendFailures(text);
        return text.ToString();
    }

    private void AppendFailures(StringBuilder text)
    {
        FailedCall.AppendTo(text, Failures);
        if (SessionFailures.Count == 0)
        {
            text.Append("Sessions that failed to open or close: none.\n");
        }
        else
        {
            var sessions = new MarkdownTable("at s", "agent", "step", "error");
            foreach (var f in SessionFailures)
            {
                sessions.Row(Seconds(f.Seconds), f.Agent, f.Step, MarkdownTable.Cell(f.Error));
            }

            text.Append(CultureInfo.InvariantCulture, $"\nSessions that failed to open or close: {SessionFailures.Count}.\n\n").Append(sessions);
        }
    }

    private static string Figure(double value, string unit) => value.ToString(unit == "count" ? "0" : "0.0", CultureInfo.InvariantCulture);

    private static string Signed(double value, string unit) => (value >= 0 ? "+" : string.Empty) + value.ToString(unit == "count" ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.00", CultureInfo.InvariantCulture);
}
