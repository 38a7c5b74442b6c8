using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Run;

/// <summary>What <c>run</c> measured.</summary>
/// <param name="Machine">Where it ran.</param>
/// <param name="Mode">Closed loop, or open loop at a rate.</param>
/// <param name="Agents">Concurrent agents.</param>
/// <param name="Targets">Where the calls went.</param>
/// <param name="Tool">The tool called.</param>
/// <param name="Stats">What the agents saw.</param>
/// <param name="ExpectedAdmitted">What the policy allows: per grant and fixed window, the lesser of the calls made and the limit.</param>
/// <param name="OverAdmitted">Admitted beyond the expectation (must be 0).</param>
internal sealed record RunReport(MachineInfo Machine, string Mode, int Agents, IReadOnlyList<string> Targets, string Tool, PhaseStats Stats, int? ExpectedAdmitted, int? OverAdmitted)
{
    public string ToMarkdown()
    {
        var s = Stats;
        var table = new MarkdownTable("mode", "agents", "calls", "calls/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "admitted", "rate limited", "expected admitted", "over-admitted", "errors")
            .Row(Mode, Agents, s.Calls, s.CallsPerSecond, MarkdownTable.Ms(s.Latency.P50), MarkdownTable.Ms(s.Latency.P90), MarkdownTable.Ms(s.Latency.P99),
                MarkdownTable.Ms(s.Latency.P999), MarkdownTable.Ms(s.Latency.Max), s.Admitted, s.RateLimited,
                ExpectedAdmitted?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                OverAdmitted?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", s.ErrorText);
        return $"Tool `{Tool}` at {string.Join(", ", Targets)}\n\n{table}";
    }
}
