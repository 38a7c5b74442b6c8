using Gatehouse.LoadTests.Agents;
using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.Soak;

/// <summary>The calls (both tools) that ended in one sampling interval.</summary>
/// <param name="Calls">Calls that ended in it.</param>
/// <param name="CallsPerSecond">Those per second of the interval.</param>
/// <param name="RateLimited">Refused by the rate limit (expected, not failures).</param>
/// <param name="Failed">Errors and refusals other than the rate limit.</param>
/// <param name="P50Ms">Latency median of the answered calls, from arrival.</param>
/// <param name="P99Ms">Latency 99th percentile of the answered calls.</param>
internal sealed record IntervalFigures(int Calls, double CallsPerSecond, int RateLimited, int Failed, double P50Ms, double P99Ms)
{
    public static IntervalFigures Of(IReadOnlyCollection<CallRecord> records, double seconds)
    {
        var latency = LatencySummary.Of(records.Where(r => r.Kind != OutcomeKind.Error).Select(r => r.LatencyMs));
        return new IntervalFigures(
            records.Count,
            seconds > 0 ? records.Count / seconds : 0,
            records.Count(r => r.Kind == OutcomeKind.RateLimited),
            records.Count(r => r.Kind is OutcomeKind.Error or OutcomeKind.Refused),
            latency.P50,
            latency.P99);
    }
}
