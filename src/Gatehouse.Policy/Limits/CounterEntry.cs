namespace Gatehouse.Policy;

/// <summary>One admitted reservation in a sliding window's log.</summary>
/// <param name="AtUnixMs">When it was admitted, in Unix milliseconds (UTC).</param>
/// <param name="Cost">The units it counts.</param>
public readonly record struct CounterEntry(long AtUnixMs, decimal Cost);
