using System.Globalization;

namespace Gatehouse.Policy;

/// <summary>What the agent is told about a call (the <c>gatehouse/decision</c> in <c>_meta</c>, and the text).</summary>
/// <param name="Action">The decision.</param>
/// <param name="Rule">The tool name, or the counter name for <see cref="DecisionAction.RateLimited"/>.</param>
/// <param name="Message">Why, in words for the agent; never contains an argument's value.</param>
/// <param name="RetryAfterSeconds">Whole seconds (rounded up, at least 1) until a retry can succeed; null when
/// waiting will not help.</param>
public sealed record Decision(DecisionAction Action, string Rule, string Message, int? RetryAfterSeconds)
{
    /// <summary>The refusal for a call a counter did not admit. A <see cref="WindowDecision.RetryAfter"/> of
    /// <see cref="TimeSpan.MaxValue"/> (the cost exceeds <c>max</c>) gives a null <see cref="RetryAfterSeconds"/>.</summary>
    public static Decision RateLimited(LimitRule limit, WindowDecision window)
    {
        ArgumentNullException.ThrowIfNull(limit);
        var rate = string.Create(CultureInfo.InvariantCulture, $"{DecimalText.Format(limit.Max)} per {limit.Window}");
        if (window.RetryAfter == TimeSpan.MaxValue)
        {
            return new Decision(
                DecisionAction.RateLimited,
                limit.Counter,
                $"Rate limit '{limit.Counter}' ({rate}) can never admit this call: its cost is more than the whole limit.",
                null);
        }

        var seconds = RoundUpSeconds(window.RetryAfter);
        return new Decision(
            DecisionAction.RateLimited,
            limit.Counter,
            string.Create(CultureInfo.InvariantCulture, $"Rate limit '{limit.Counter}' reached ({rate}); try again in {seconds} s."),
            seconds);
    }

    // Rounded up: an agent that waits the advertised time must not be refused again for a fraction of a second.
    private static int RoundUpSeconds(TimeSpan wait)
    {
        var seconds = (wait.Ticks / TimeSpan.TicksPerSecond) + (wait.Ticks % TimeSpan.TicksPerSecond > 0 ? 1 : 0);
        return (int)Math.Clamp(seconds, 1, int.MaxValue);
    }
}
