using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>Direct and through-Gatehouse figures at one agent count, and what Gatehouse added.</summary>
internal sealed record OverheadLevel(int Agents, PhaseStats Direct, PhaseStats Gatehouse)
{
    public double AddedP50Ms => Gatehouse.Latency.P50 - Direct.Latency.P50;

    public double AddedP90Ms => Gatehouse.Latency.P90 - Direct.Latency.P90;

    public double AddedP99Ms => Gatehouse.Latency.P99 - Direct.Latency.P99;

    /// <summary>Gatehouse's throughput as a share of the direct throughput.</summary>
    public double ThroughputRatio => Direct.CallsPerSecond > 0 ? Gatehouse.CallsPerSecond / Direct.CallsPerSecond : 0;
}
