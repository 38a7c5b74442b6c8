using System.Globalization;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Exactness;

/// <summary>What <c>exactness</c> measured.</summary>
internal sealed record ExactnessReport(MachineInfo Machine, int Replicas, int Agents, string Durability, IReadOnlyList<ExactnessCase> Cases)
{
    public int OverAdmitted => Cases.Sum(c => c.OverAdmitted);

    public bool AllExact => Cases.All(c => c.Exact);

    public string ToMarkdown()
    {
        var table = new MarkdownTable("algorithm", "limit", "calls", "admitted", "rate limited", "ran upstream", "counter used", "over-admitted", "errors", "calls/s", "p50 ms", "p99 ms", "exact");
        foreach (var c in Cases)
        {
            table.Row(c.Algorithm, c.Limit, c.Stats.Calls, c.Stats.Admitted, c.Stats.RateLimited, c.RanUpstream, c.CounterUsed?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-",
                c.OverAdmitted, c.Stats.ErrorText, c.Stats.CallsPerSecond, MarkdownTable.Ms(c.Stats.Latency.P50), MarkdownTable.Ms(c.Stats.Latency.P99), c.Exact ? "yes" : "**no**");
        }

        return $"{Replicas} replicas, {Agents} agents on one hot grant, counters {Durability}; window {LimitPolicy.WindowSeconds} s.\n\n{table}";
    }
}
