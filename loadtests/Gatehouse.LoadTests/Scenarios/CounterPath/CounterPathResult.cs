using System.Globalization;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.CounterPath;

/// <summary>One run of the counter path: throughput, latency, and (durable) how many writes carried how many saves.</summary>
internal sealed record CounterPathResult(string Durability, int Keys, int Concurrency, int Decisions, double PerSecond, LatencySummary Latency, long Writes, long Saves)
{
    public string ToMarkdown()
    {
        string PerWrite(long count) => Writes == 0 ? "-" : (count / (double)Writes).ToString("0.0", CultureInfo.InvariantCulture);
        return new MarkdownTable("durability", "keys", "concurrency", "decisions", "decisions/s", "p50 ms", "p99 ms", "max ms", "DB writes", "counters saved per write", "decisions per write")
            .Row(Durability, Keys, Concurrency, Decisions, PerSecond, MarkdownTable.Ms(Latency.P50), MarkdownTable.Ms(Latency.P99), MarkdownTable.Ms(Latency.Max), Writes, PerWrite(Saves), PerWrite(Decisions))
            .ToString();
    }
}
