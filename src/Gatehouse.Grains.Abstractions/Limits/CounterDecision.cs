namespace Gatehouse.Grains.Limits;

/// <summary>A counter grain's answer.</summary>
/// <param name="Admitted">Whether the cost was reserved.</param>
/// <param name="Remaining">Units left in the window after this decision.</param>
/// <param name="RetryAfter">When refused, how long until the cost fits; <see cref="TimeSpan.MaxValue"/> if it never can.</param>
/// <param name="ResetAt">When the window next resets (fixed), the oldest entry expires (sliding) or the bucket is full (token bucket).</param>
/// <param name="Reservation">What to hand back to <see cref="ICounterGrain.ReleaseAsync"/> if the call never runs.</param>
[GenerateSerializer, Immutable, Alias("Gatehouse.CounterDecision")]
public sealed record CounterDecision(
    [property: Id(0)] bool Admitted,
    [property: Id(1)] decimal Remaining,
    [property: Id(2)] TimeSpan RetryAfter,
    [property: Id(3)] DateTimeOffset ResetAt,
    [property: Id(4)] CounterReservation? Reservation);
