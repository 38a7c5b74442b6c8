using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Overhead;

/// <summary>One target at one agent count, over all its phases.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Pooled">Every call of its phases together (throughput over the phases' total time).</param>
/// <param name="MedianCallsPerSecond">The median of its phases' throughputs.</param>
/// <param name="MedianCpuUsPerCall">Per probed process, the median of its phases' CPU microseconds per call.</param>
internal sealed record OverheadTargetSummary(string Target, PhaseStats Pooled, double MedianCallsPerSecond, IReadOnlyDictionary<string, double> MedianCpuUsPerCall);
