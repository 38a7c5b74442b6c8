namespace Gatehouse.LoadTests.Agents;

/// <summary>What the agents do in one load phase.</summary>
/// <param name="Tool">The tool every call invokes.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="Duration">Stop issuing calls after this long (calls in flight finish).</param>
/// <param name="Calls">Closed loop: stop once this many calls were answered (errors do not count, so a failover does not use
/// up the run). Open loop: make this many arrivals. Null: no count, only <paramref name="Duration"/>.</param>
/// <param name="RatePerSecond">Open loop: calls arrive at this fixed rate, whatever the answers' speed, each taken by the next free
/// agent; latency counts from the arrival. Null: closed loop, each agent calls again as soon as it has its answer.</param>
internal sealed record LoadPlan(string Tool, IReadOnlyDictionary<string, object?> Arguments, TimeSpan Duration, int? Calls = null, double? RatePerSecond = null)
{
    /// <summary>Longest a single call may take before it counts as a <c>timeout</c> error.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an agent waits after an error before calling again (as a real agent would).</summary>
    public TimeSpan ErrorBackoff { get; init; } = TimeSpan.FromMilliseconds(50);
}
