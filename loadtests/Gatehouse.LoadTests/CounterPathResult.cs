using System.Globalization;

namespace Gatehouse.LoadTests;

/// <summary>One run of the counter path: throughput, latency, and (durable) how many writes carried how many saves.</summary>
internal sealed record CounterPathResult(string Durability, int Keys, int Concurrency, int Decisions, double PerSecond, LatencySummary Latency, long Writes, long Saves)
{
    public const string MarkdownHeader = "| durability | keys | concurrency | decisions | decisions/s | p50 ms | p99 ms | max ms | DB writes | counters saved per write | decisions per write |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    public string ToMarkdownRow() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Durability} | {Keys} | {Concurrency} | {Decisions} | {PerSecond:0} | {Latency.P50:0.000} | {Latency.P99:0.000} | {Latency.Max:0.000} | {Writes} | {PerWrite(Saves)} | {PerWrite(Decisions)} |");

    private string PerWrite(long count) => Writes == 0 ? "-" : (count / (double)Writes).ToString("0.0", CultureInfo.InvariantCulture);
}
