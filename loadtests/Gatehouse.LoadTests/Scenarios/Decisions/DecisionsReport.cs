using System.Globalization;
using System.Text;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Decisions;

/// <summary>What <c>decisions</c> measured: each path at the same concurrency, side by side.</summary>
internal sealed record DecisionsReport(MachineInfo Machine, int Concurrency, int Keys, double PhaseSeconds, int Rounds, IReadOnlyList<DecisionStats> Paths)
{
    /// <summary>Decisions per second of <paramref name="path"/> over those of <paramref name="baseline"/>; null if either is missing.</summary>
    public double? ThroughputRatio(string path, string baseline) =>
        Find(path) is { } p && Find(baseline) is { DecisionsPerSecond: > 0 } b ? p.DecisionsPerSecond / b.DecisionsPerSecond : null;

    public DecisionStats? Find(string path) => Paths.FirstOrDefault(p => p.Path == path);

    public string ToMarkdown()
    {
        var table = new MarkdownTable("path", "decisions", "decisions/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        foreach (var p in Paths)
        {
            table.Row(p.Path, p.Decisions, p.DecisionsPerSecond, MarkdownTable.Ms(p.Latency.P50), MarkdownTable.Ms(p.Latency.P90), MarkdownTable.Ms(p.Latency.P99),
                MarkdownTable.Ms(p.Latency.P999), MarkdownTable.Ms(p.Latency.Max), p.Errors + p.Refused);
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{Concurrency} decisions in flight on {Keys} counter key(s); {Rounds} alternating phases of {PhaseSeconds} s per path.")
            .AppendLine()
            .Append(table);
        var comparisons = new MarkdownTable("comparison", "decisions/s ratio", "p99 ms", "p99 ms of the baseline");
        var any = false;
        foreach (var gatehouse in new[] { DecisionPathNames.GrainRemoteBatched, DecisionPathNames.GrainRemote, DecisionPathNames.GrainLocal })
        {
            foreach (var baseline in new[] { DecisionPathNames.GrainRemote, DecisionPathNames.RedisRateLimiting, DecisionPathNames.RedisLua, DecisionPathNames.InProcess }.Where(b => b != gatehouse))
            {
                if (ThroughputRatio(gatehouse, baseline) is { } ratio)
                {
                    comparisons.Row($"{gatehouse} vs {baseline}", ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×",
                        MarkdownTable.Ms(Find(gatehouse)!.Latency.P99), MarkdownTable.Ms(Find(baseline)!.Latency.P99));
                    any = true;
                }
            }
        }

        if (any)
        {
            text.AppendLine().Append(comparisons);
        }

        text.AppendLine().AppendLine("Paths:").AppendLine();
        foreach (var p in Paths)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- `{p.Path}`: {p.Description}");
        }

        return text.ToString();
    }
}
