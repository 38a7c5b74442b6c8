namespace Gatehouse.Policy;

/// <summary>A counter's state at one moment, for <c>GET /admin/counters</c>.</summary>
/// <param name="Used">Units counted now (for a token bucket: max minus the tokens left).</param>
/// <param name="Remaining">Units that would be admitted now; never negative.</param>
/// <param name="ResetAt">When the counter is next fully available (see <see cref="WindowDecision.ResetAt"/>).</param>
public readonly record struct WindowSnapshot(decimal Used, decimal Remaining, DateTimeOffset ResetAt);
