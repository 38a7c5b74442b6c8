namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>A proxy target against the baselines measured in the same round: direct, and the plain reverse proxy.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Round">The round, from 1; null: each figure is the median of the rounds' figures.</param>
/// <param name="AddedP50Ms">Its p50 latency minus the direct p50.</param>
/// <param name="AddedP99Ms">Its p99 latency minus the direct p99.</param>
/// <param name="ShareOfDirect">Its throughput over the direct throughput.</param>
/// <param name="ShareOfYarp">Its throughput over the plain proxy's; null for the plain proxy itself.</param>
/// <param name="CpuRatioToYarp">Its own process's CPU per call over the plain proxy's; null for the plain proxy, or when a CPU was not probed.</param>
internal sealed record OverheadComparison(
    string Target,
    int? Round,
    double AddedP50Ms,
    double AddedP99Ms,
    double ShareOfDirect,
    double? ShareOfYarp,
    double? CpuRatioToYarp);
