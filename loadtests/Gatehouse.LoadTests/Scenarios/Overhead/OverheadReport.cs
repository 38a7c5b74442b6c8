using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>What <c>overhead</c> measured: per agent count, direct against through Gatehouse.</summary>
internal sealed record OverheadReport(MachineInfo Machine, string Mode, string Tool, double PhaseSeconds, int Rounds, IReadOnlyList<OverheadLevel> Levels)
{
    public string ToMarkdown()
    {
        var table = new MarkdownTable("agents", "target", "calls", "calls/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        foreach (var level in Levels)
        {
            foreach (var (name, s) in new[] { ("direct", level.Direct), ("gatehouse", level.Gatehouse) })
            {
                table.Row(level.Agents, name, s.Calls, s.CallsPerSecond, MarkdownTable.Ms(s.Latency.P50), MarkdownTable.Ms(s.Latency.P90),
                    MarkdownTable.Ms(s.Latency.P99), MarkdownTable.Ms(s.Latency.P999), MarkdownTable.Ms(s.Latency.Max), s.ErrorText);
            }
        }

        var added = new MarkdownTable("agents", "added p50 ms", "added p90 ms", "added p99 ms", "gatehouse throughput / direct");
        foreach (var level in Levels)
        {
            added.Row(level.Agents, MarkdownTable.Ms(level.AddedP50Ms), MarkdownTable.Ms(level.AddedP90Ms), MarkdownTable.Ms(level.AddedP99Ms),
                level.ThroughputRatio.ToString("P1", CultureInfo.InvariantCulture));
        }

        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Tool `{Tool}`, {Mode}; {Rounds} alternating phases of {PhaseSeconds} s per target and agent count.")
            .AppendLine()
            .Append(table)
            .AppendLine()
            .Append(added)
            .ToString();
    }
}
