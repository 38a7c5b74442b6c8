namespace Gatehouse.Policy;

/// <summary>A counter as plain data, for durable storage. Fields an algorithm does not use are zero or empty.</summary>
/// <param name="Algorithm">The window algorithm.</param>
/// <param name="WindowSeconds">The window's length in seconds.</param>
/// <param name="Max">Units per window (the bucket's capacity for a token bucket).</param>
/// <param name="WindowStartUnixMs">Fixed: start of the current window in Unix ms (<see cref="long.MinValue"/> before the first use).</param>
/// <param name="Used">Fixed: units used in the current window. Sliding: the sum of <paramref name="Entries"/> (informational).
/// Token bucket: max minus tokens (informational).</param>
/// <param name="Tokens">Token bucket: tokens in the bucket at <paramref name="LastRefillUnixMs"/> (fractional).</param>
/// <param name="LastRefillUnixMs">Token bucket: last refill in Unix ms (<see cref="long.MinValue"/> before the first use).</param>
/// <param name="Entries">Sliding: the log of admitted reservations, oldest first.</param>
public sealed record CounterState(
    WindowAlgorithm Algorithm,
    int WindowSeconds,
    decimal Max,
    long WindowStartUnixMs,
    decimal Used,
    decimal Tokens,
    long LastRefillUnixMs,
    IReadOnlyList<CounterEntry> Entries);
