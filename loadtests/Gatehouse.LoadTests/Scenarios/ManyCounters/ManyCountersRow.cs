using Gatehouse.LoadTests.Reports;

namespace Gatehouse.LoadTests.Scenarios.ManyCounters;

/// <summary>The silo once <paramref name="Counters"/> counters went idle.</summary>
/// <param name="Counters">Distinct counter keys activated (each one grant×counter key, one decision each).</param>
/// <param name="Activations">Activations the silo reports once the counters went idle (Orleans' own grains, the table's partitions).</param>
/// <param name="IdleWindows">Windows the idle-counter table keeps (every counter with something spent, the warm-up's too).</param>
/// <param name="ActivationsPerSecond">How fast new counters were created (their first decision) on the way to this count.</param>
/// <param name="FirstDecision">Latency of a new counter's first decision (activation included).</param>
/// <param name="HeapBytes">Managed heap after a full, compacting collection.</param>
/// <param name="BytesPerCounter">Heap growth since the baseline, per counter.</param>
/// <param name="WorkingSetBytes">The process's resident memory.</param>
/// <param name="Decision">Latency of decisions on random existing counters.</param>
/// <param name="DecisionsPerSecond">Throughput of those decisions.</param>
internal sealed record ManyCountersRow(
    int Counters,
    int Activations,
    int IdleWindows,
    double ActivationsPerSecond,
    LatencySummary FirstDecision,
    long HeapBytes,
    double BytesPerCounter,
    long WorkingSetBytes,
    LatencySummary Decision,
    double DecisionsPerSecond);
