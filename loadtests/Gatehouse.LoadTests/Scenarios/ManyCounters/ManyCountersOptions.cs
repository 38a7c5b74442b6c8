namespace Gatehouse.LoadTests.Scenarios.ManyCounters;

/// <summary>Options of <c>many-counters</c>.</summary>
/// <param name="Checkpoints">Counts of distinct counter keys at which to measure, ascending (e.g. 10 000, 100 000, 1 000 000).</param>
/// <param name="Concurrency">Decisions in flight while filling and sampling.</param>
/// <param name="SampleSeconds">How long decisions on random existing counters are measured at each checkpoint.</param>
internal sealed record ManyCountersOptions(IReadOnlyList<int> Checkpoints, int Concurrency, double SampleSeconds);
