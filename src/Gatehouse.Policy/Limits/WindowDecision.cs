namespace Gatehouse.Policy;

/// <summary>A counter's answer to <see cref="IWindowCounter.TryAcquire"/>.</summary>
/// <param name="Admitted">True when the whole cost was reserved.</param>
/// <param name="Remaining">Units left after this decision (whole tokens for a token bucket with a whole max); never negative.</param>
/// <param name="RetryAfter">Zero when admitted; otherwise the exact wait until the same cost would fit, or
/// <see cref="TimeSpan.MaxValue"/> when it never can (cost above max).</param>
/// <param name="ResetAt">When the counter is next fully available: the window's end (fixed), the oldest live
/// entry's expiry (sliding), the moment the bucket is full (token bucket); <c>now</c> when already so.</param>
public readonly record struct WindowDecision(bool Admitted, decimal Remaining, TimeSpan RetryAfter, DateTimeOffset ResetAt);
