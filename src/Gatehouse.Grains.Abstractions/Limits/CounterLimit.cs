namespace Gatehouse.Grains.Limits;

/// <summary>The definition of a limit as the policy states it: sent with every request so a policy change reaches the grain.</summary>
/// <param name="Algorithm">Window algorithm.</param>
/// <param name="WindowSeconds">Window length in seconds.</param>
/// <param name="Max">Units admitted per window (the burst for a token bucket).</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.CounterLimit")]
public sealed record CounterLimit(
    [property: Id(0)] CounterAlgorithm Algorithm,
    [property: Id(1)] int WindowSeconds,
    [property: Id(2)] decimal Max);
